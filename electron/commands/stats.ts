/** `scrollback stats <folder> [--json]`: what an archive holds and what could not be read. */
import { groupDiagnostics } from '../../shared/diagnostics';
import type { ConversationSummary, Diagnostic, FileCounts } from '../../shared/model';
import type { ArchiveStore } from '../service/store/store';
import { openArchiveStore, STORE_OPTIONS_HELP } from './archive';
import { printable, printOut } from './terminal';
import { UsageError, formatCount, parseCommandArgs, plural } from './usage';

const USAGE = `Usage: scrollback stats <folder> [--json] [--cache-dir DIR] [--tz ZONE]

Reads every chat log and export under <folder> and prints what it holds: files by kind,
messages (every message line read, and how many are distinct once copies in overlapping exports
are folded), conversations with their days and speakers, conversations that overlap, and the
files that could not be read completely, grouped by reason.
  --json           print the summary as JSON
${STORE_OPTIONS_HELP}`;

export async function runStats(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, 'cache-dir': { type: 'string' }, tz: { type: 'string' } },
    USAGE,
  );
  if (!parsed) return 0;
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0)
    throw new UsageError(`give exactly one archive folder.\n\n${USAGE}`);
  const store = await openArchiveStore(folder, {
    cacheDir: parsed.values['cache-dir'],
    tz: parsed.values.tz,
  });
  try {
    const stats = statsOf(store);
    printOut(
      parsed.values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(folder, stats),
    );
  } finally {
    store.close();
  }
  return 0;
}

export interface StatsJson {
  files: FileCounts;
  /** Every message line read. */
  messages: number;
  /** Distinct messages once copies are folded. */
  unique: number;
  /** Message lines folded as copies of others. */
  copies: number;
  /** What the reader shows: distinct messages, an echo pair (one message under two names) once. */
  shown: number;
  events: number;
  conversations: {
    id: string;
    title: string;
    format: ConversationSummary['format'];
    messages: number;
    unique: number;
    shown: number;
    events: number;
    days: number;
    speakers: number;
    first: string;
    last: string;
    overlaps: { with: string; shared: number }[];
  }[];
  diagnostics: Diagnostic[];
}

export function statsOf(store: ArchiveStore): StatsJson {
  const conversations = store.conversations();
  const messages = conversations.reduce((sum, c) => sum + c.lines, 0);
  const unique = conversations.reduce((sum, c) => sum + c.unique, 0);
  return {
    files: store.files,
    messages,
    unique,
    copies: messages - unique,
    shown: conversations.reduce((sum, c) => sum + c.messages, 0),
    events: conversations.reduce((sum, c) => sum + c.events, 0),
    conversations: conversations.map((c) => ({
      id: c.id,
      title: c.title,
      format: c.format,
      messages: c.lines,
      unique: c.unique,
      shown: c.messages,
      events: c.events,
      days: c.days,
      speakers: c.speakers,
      first: c.first,
      last: c.last,
      overlaps: c.overlaps,
    })),
    diagnostics: store.diagnostics(),
  };
}

function formatStats(folder: string, stats: StatsJson): string {
  const { files } = stats;
  const lines = [
    `${printable(folder)}`,
    `  ${plural(files.total, 'file')}: ${plural(files.chat, 'chat log')}, ${plural(files.timeline, 'speakerless log')}, ${plural(files.document, 'document')}, ${formatCount(files.skipped)} skipped`,
    `  ${plural(stats.messages, 'message line')}${stats.copies > 0 ? `, ${formatCount(stats.unique)} distinct` : ''}${stats.shown !== stats.unique ? `, ${formatCount(stats.shown)} shown (echo pairs once)` : ''} in ${plural(stats.conversations.length, 'conversation')}${stats.events > 0 ? `, and ${plural(stats.events, 'event')}` : ''}`,
  ];
  const overlapping = overlappingPairs(stats);
  for (const pair of overlapping.slice(0, MAX_OVERLAPS_SHOWN))
    lines.push(
      `  ${printable(pair.a)} and ${printable(pair.b)} share ${formatCount(pair.shared)} messages: probably one chat exported twice (the app offers to merge them)`,
    );
  if (overlapping.length > MAX_OVERLAPS_SHOWN)
    lines.push(
      `  … and ${plural(overlapping.length - MAX_OVERLAPS_SHOWN, 'more overlapping pair')} (--json lists them)`,
    );
  lines.push('');
  const width = Math.max(12, ...stats.conversations.map((c) => c.id.length));
  for (const c of stats.conversations) {
    const distinct = c.unique !== c.messages ? ` (${formatCount(c.unique)} distinct)` : '';
    lines.push(
      `  ${printable(c.id).padEnd(width)}  ${formatCount(c.messages).padStart(9)} messages${distinct}  ${plural(c.days, 'day').padStart(10)}  ${plural(c.speakers, 'speaker').padStart(14)}  ${c.first} – ${c.last}`,
    );
  }
  if (stats.diagnostics.length > 0) {
    lines.push('', `  ${plural(stats.diagnostics.length, 'problem')}, by reason:`);
    for (const group of groupDiagnostics(stats.diagnostics)) {
      const shown = group.diagnostics.slice(0, 3);
      lines.push(`  ${plural(group.diagnostics.length, 'file')}: ${printable(group.reason)}`);
      for (const d of shown)
        lines.push(
          `    ${printable(d.path)}${d.line ? `:${d.line}` : ''}  ${printable(d.message)}`,
        );
      if (group.diagnostics.length > shown.length)
        lines.push(
          `    … and ${formatCount(group.diagnostics.length - shown.length)} more (--json lists every one)`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}

const MAX_OVERLAPS_SHOWN = 5;

/**
 * Pairs of conversations sharing over half of the smaller one's distinct messages (the app's
 * rule for offering to merge them), most shared first.
 */
function overlappingPairs(stats: StatsJson): { a: string; b: string; shared: number }[] {
  const unique = new Map(stats.conversations.map((c) => [c.id, c.unique]));
  return stats.conversations
    .flatMap((c) =>
      c.overlaps
        .filter((o) => c.id < o.with)
        .filter((o) => o.shared * 2 > Math.min(c.unique, unique.get(o.with) ?? 0))
        .map((o) => ({ a: c.id, b: o.with, shared: o.shared })),
    )
    .sort((x, y) => y.shared - x.shared || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
}
