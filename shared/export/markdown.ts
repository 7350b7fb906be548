/**
 * Markdown export in the archive's own format, so that Scrollback (or the site the archive came
 * from) reads the file as one more chat log: Jekyll front matter, `> HH:MM:SS  speaker  ` headers,
 * blank lines of three spaces, text lines ending in two spaces (a Markdown line break; an image
 * alone on its line ends in one, as the archive's exporter writes it), \n line endings.
 *
 * One file per export. A file of the archive holds one day, named by its file name and front
 * matter; an export may span several days and conversations, and its file may be given any name
 * (a name starting with another date would move every message to that day). So a day marker line
 * `<!-- day: 2018-05-16 in source/proddev -->` stands before each day's messages: the parser
 * understands it (shared/readers/markdown/headers.ts matchDayLine) and Markdown viewers hide it.
 * Message text is escaped only where the parser would otherwise read it differently
 * (markdownText.ts). What else a message carries (events, replies, files, reactions...) goes in
 * notes on day marker lines before its header, and the front matter says in a comment what was
 * left out (markdownNotes.ts): read back, every message has the same day, time, speaker and text.
 */
import type { Message } from '../model';
import {
  conversationsOf,
  conversationTitle,
  dayRange,
  dayRangeLabel,
  type ExportContext,
} from './context';
import { commentSafe, leftOutComment, messageNotes, noteLine } from './markdownNotes';
import { encodeMessageText } from './markdownText';

const BLANK_LINE = '   ';
const IMAGE_LINE = /^!\[[^\]\n]*\]\([^)\s]*\)$/;

/** `messages` in the one order of messages (shared/model.ts compareMessages). */
export function formatMarkdown(messages: readonly Message[], context: ExportContext): string {
  const lines = frontMatter(messages, context, conversationsOf(messages));
  let group = '';
  for (const message of messages) {
    if (`${message.conversation}\u0000${message.day}` !== group) {
      group = `${message.conversation}\u0000${message.day}`;
      lines.push(
        `<!-- day: ${message.day} in ${commentSafe(message.conversation)} -->`,
        BLANK_LINE,
      );
    }
    for (const note of messageNotes(message)) lines.push(noteLine(message.day, note));
    lines.push(`> ${message.time}  ${headerSafe(message.speaker)}  `, BLANK_LINE);
    for (const line of encodeMessageText(message.text))
      lines.push(IMAGE_LINE.test(line) ? `${line} ` : `${line}  `);
    if (message.text !== '') lines.push(BLANK_LINE);
  }
  return `${lines.join('\n')}\n`;
}

function frontMatter(
  messages: readonly Message[],
  context: ExportContext,
  conversations: readonly string[],
): string[] {
  const range = dayRange(messages);
  const first = range?.first ?? '';
  const titles = conversations.map((id) => conversationTitle(context, id)).join(', ');
  const days = dayRangeLabel(messages);
  const lines = [
    '---',
    'layout:     source ',
    `title:      ${yamlString([titles, days].filter((part) => part !== '').join(' '))}`,
  ];
  // The day a reader falls back on when the file name holds none; the archive writes noon.
  if (first !== '') lines.push(`date:       ${first} 12:00:00`);
  lines.push(
    'author:     Scrollback',
    `lines:      ${messages.length} `,
    'tag:\t\t  [chat]',
    `conversations: [${conversations.map(yamlString).join(', ')}]`,
    `exported:   ${yamlString(context.exportedAt)}`,
    ...leftOutComment(messages),
    '---',
  );
  return lines;
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A speaker as the header can hold it: the parser reads the rest of the line, trimmed, and
 * decodes no entities in it, so only line breaks (which no parsed name has) cannot be kept.
 */
function headerSafe(speaker: string): string {
  return speaker.replace(/[\r\n]+/g, ' ').trim();
}
