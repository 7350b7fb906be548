/** `scrollback stats <folder> [--json]`: what an archive holds and what could not be read. */
import type { Archive } from '../../shared/archive/build';
import { readArchive } from '../service/readArchive';
import { UsageError, formatCount, parseCommandArgs, plural, progressReporter } from './usage';

const USAGE = `Usage: scrollback stats <folder> [--json]

Reads every chat log under <folder> and prints what it holds: files by kind, messages,
conversations with their days and speakers, and the files that could not be read completely.
  --json    print the summary as JSON`;

export async function runStats(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
  if (!parsed) return 0;
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0)
    throw new UsageError(`give exactly one archive folder.\n\n${USAGE}`);
  const progress = progressReporter('Reading');
  const archive = await readArchive(folder, (p) => progress(p.done, p.total));
  progress.end();
  process.stdout.write(
    parsed.values.json
      ? `${JSON.stringify(statsJson(archive), null, 2)}\n`
      : formatStats(folder, archive),
  );
  return 0;
}

export function statsJson(archive: Archive) {
  return {
    files: archive.files,
    messages: archive.messages.length,
    conversations: archive.conversations,
    diagnostics: archive.diagnostics,
  };
}

function formatStats(folder: string, archive: Archive): string {
  const { files } = archive;
  const lines = [
    `${folder}`,
    `  ${plural(files.total, 'file')}: ${plural(files.chat, 'chat log')}, ${plural(files.timeline, 'speakerless log')}, ${plural(files.document, 'document')}, ${formatCount(files.skipped)} skipped`,
    `  ${plural(archive.messages.length, 'message')} in ${plural(archive.conversations.length, 'conversation')}`,
    '',
  ];
  const width = Math.max(12, ...archive.conversations.map((c) => c.id.length));
  for (const c of archive.conversations) {
    lines.push(
      `  ${c.id.padEnd(width)}  ${formatCount(c.messages).padStart(9)} messages  ${formatCount(c.days).padStart(5)} days  ${formatCount(c.speakers).padStart(5)} speakers  ${c.first} – ${c.last}`,
    );
  }
  if (archive.diagnostics.length > 0) {
    lines.push('', `  ${plural(archive.diagnostics.length, 'problem')}:`);
    for (const d of archive.diagnostics)
      lines.push(`  ${d.path}${d.line ? `:${d.line}` : ''}  ${d.message}`);
  }
  return `${lines.join('\n')}\n`;
}
