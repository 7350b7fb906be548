/** `scrollback search <folder> <query...>`: search an archive from the terminal. */
import type { SearchHit, SearchResult } from '../../shared/api';
import { openArchiveStore, STORE_OPTIONS_HELP } from './archive';
import { trace } from '../service/store/trace';
import { outputIsTerminal, printable, printOut } from './terminal';
import { UsageError, formatCount } from './usage';
import { describeQueryProblem } from '../../shared/query/parse';

const USAGE = `Usage: scrollback search <folder> <query...> [--json] [--limit N] [--oldest] [--cache-dir DIR] [--tz ZONE]

Finds the messages of the archive in <folder> that contain every word of the query, ignoring
case (Chinese needs no spaces: 支付 finds 支付宝). The first search of an archive reads and
indexes it into the cache folder; later ones read only files that changed.

Query:  words and "quoted phrases" (all must occur), -word to exclude, from:NAME, in:CONVERSATION,
        on:YYYY-MM-DD, during:YYYY-MM or YYYY, after:DATE, before:DATE,
        has:image, has:link, has:mention, has:file, has:reply, has:reaction
  --json           print {"total", "hits", "facets", "problems"} as JSON
  --limit N        show N results (default 20, at most 500)
  --oldest         oldest first (default: newest first)
${STORE_OPTIONS_HELP}
  --               everything after is the query (for queries that start with "--")`;

interface SearchArgs {
  folder: string;
  query: string;
  json: boolean;
  limit: number;
  oldest: boolean;
  cacheDir: string | undefined;
  tz: string | undefined;
}

/**
 * The query's "-word" exclusions look like options, so arguments are read by hand: the known
 * options are taken out, and everything else, dashes included, is the folder and the query.
 */
export function parseSearchArgs(args: readonly string[]): SearchArgs | null {
  const positionals: string[] = [];
  const result: Omit<SearchArgs, 'folder' | 'query'> = {
    json: false,
    limit: 20,
    oldest: false,
    cacheDir: undefined,
    tz: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value.\n\n${USAGE}`);
      return next;
    };
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    } else if (arg === '--help' || arg === '-h') {
      printOut(`${USAGE}\n`);
      return null;
    } else if (name === '--json') result.json = true;
    else if (name === '--oldest') result.oldest = true;
    else if (name === '--limit') {
      const text = value();
      const limit = Number(text);
      if (!/^\d+$/.test(text) || limit < 1 || limit > 500)
        throw new UsageError(`--limit takes a number from 1 to 500, not "${text}".\n\n${USAGE}`);
      result.limit = limit;
    } else if (name === '--cache-dir') result.cacheDir = value();
    else if (name === '--tz') result.tz = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option "${arg}".\n\n${USAGE}`);
    else positionals.push(arg);
  }
  const [folder, ...words] = positionals;
  if (folder === undefined || words.length === 0)
    throw new UsageError(`give an archive folder and a query.\n\n${USAGE}`);
  return { ...result, folder, query: words.join(' ') };
}

export async function runSearch(args: string[]): Promise<number> {
  const parsed = parseSearchArgs(args);
  if (!parsed) return 0;
  const store = await openArchiveStore(parsed.folder, { cacheDir: parsed.cacheDir, tz: parsed.tz });
  try {
    trace('synced');
    const result = store.search(parsed.query, {
      limit: parsed.limit,
      order: parsed.oldest ? 'oldest' : 'newest',
    });
    trace('searched');
    for (const problem of result.problems)
      process.stderr.write(`scrollback search: ${describeQueryProblem(problem)}\n`);
    printOut(
      parsed.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : formatResult(parsed, result, outputIsTerminal()),
    );
  } finally {
    store.close();
  }
  return 0;
}

function formatResult(args: SearchArgs, result: SearchResult, color: boolean): string {
  const lines = [
    `${formatCount(result.total)} message${result.total === 1 ? '' : 's'} match “${printable(args.query)}” (${args.oldest ? 'oldest' : 'newest'} first, ${result.took.toFixed(1)} ms)`,
  ];
  for (const hit of result.hits) {
    lines.push(
      '',
      `${hit.day} ${hit.time}  ${printable(hit.conversation)}  ${hit.speaker ? printable(hit.speaker) : '(no speaker)'}`,
    );
    for (const line of markedLines(hit, color)) lines.push(`    ${line}`);
  }
  if (result.total > result.hits.length)
    lines.push(
      '',
      `… ${formatCount(result.total - result.hits.length)} more (--limit N shows more)`,
    );
  if (result.total > 0) {
    const top = <T>(items: T[], label: (item: T) => string) =>
      items.slice(0, 5).map(label).join(', ');
    lines.push(
      '',
      `By conversation: ${top(result.facets.conversations, (c) => `${printable(c.id)} ${formatCount(c.count)}`)}`,
      `By speaker:      ${top(result.facets.speakers, (s) => `${printable(s.name)} ${formatCount(s.count)}`)}`,
      `By month:        ${top(
        [...result.facets.months].sort((a, b) => b.count - a.count),
        (m) => `${m.month} ${formatCount(m.count)}`,
      )}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The text's lines, its matches in bold on a terminal; every control or bidi character from the
 * archive shown as a visible escape (electron/commands/terminal.ts), so a message cannot steer
 * the terminal.
 */
function markedLines(hit: SearchHit, color: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  for (const line of hit.text.split('\n')) {
    const end = start + line.length;
    let shown = '';
    let at = start;
    if (color)
      for (const [from, to] of hit.highlights) {
        const a = Math.max(from, start);
        const b = Math.min(to, end);
        if (a >= b) continue;
        shown += `${printable(hit.text.slice(at, a))}\x1b[1m${printable(hit.text.slice(a, b))}\x1b[22m`;
        at = b;
      }
    out.push(shown + printable(hit.text.slice(at, end)));
    start = end + 1;
  }
  return out;
}
