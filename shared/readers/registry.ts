/**
 * Every format Scrollback reads, and how a file's reader is chosen: by content and name (each
 * reader's `sniff`), never by extension alone. The surest reader wins; a tie goes to the one
 * listed first.
 */
import { discordReader } from './discord/reader';
import { markdownReader } from './markdown/reader';
import type { FormatId } from '../model';
import type { FileReader } from './reader';
import { slackReader } from './slack/reader';
import { telegramReader } from './telegram/reader';
import { whatsappReader } from './whatsapp/reader';

const READERS: readonly FileReader[] = [
  markdownReader,
  whatsappReader,
  telegramReader,
  discordReader,
  slackReader,
];

/** Each format's name, as people say it. */
export const FORMAT_NAMES: Readonly<Record<FormatId, string>> = {
  markdown: 'Markdown',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  discord: 'Discord',
  slack: 'Slack',
};

/** Extensions of files worth sniffing at all; everything else is counted as skipped unread. */
const CANDIDATE = /\.(md|markdown|mdown|mkd|mkdn|txt|json|zip)$/i;

export function isCandidatePath(path: string): boolean {
  return CANDIDATE.test(path);
}

/** The reader for a file, or null when no reader recognises it. */
export function chooseReader(path: string, head: Uint8Array): FileReader | null {
  let best: FileReader | null = null;
  let bestScore = 0;
  for (const reader of READERS) {
    let score: number;
    try {
      score = reader.sniff(path, head);
    } catch {
      score = 0;
    }
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best;
}
