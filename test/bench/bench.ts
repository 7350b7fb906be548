/**
 * `npm run bench`: search on a replica of ../shared/archive-sample of at least a million
 * messages, printed side by side with ripgrep over the same files and a naive scan in the same
 * process. Each phase runs in its own process so that its peak memory is its own:
 *   cold    open with an empty cache folder: read, store and index everything
 *   reopen  open again (nothing changed), then time the queries and run the naive scan
 *   change  open again after one file was added: the store reads that file only, and the
 *           index is rebuilt from the stored rows
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { foldText } from '../../shared/query/fold';
import { parseQuery } from '../../shared/query/parse';
import { storePaths } from '../../electron/service/store/location';
import { openSqlite } from '../../electron/service/store/sqlite';
import { openStore } from '../../electron/service/store/openStore';
import { archiveBytes, replicateSample } from './replicate';
import { errorDetails } from '../../shared/errors';

const SAMPLE = resolve(__dirname, '../../shared/archive-sample');
const COPIES = 246;
const RUNS = 40;

const QUERIES: { label: string; query: string }[] = [
  { label: '1 Chinese character', query: '的' },
  { label: '2 Chinese characters', query: '支付' },
  { label: '3 Chinese characters', query: '支付宝' },
  { label: '7 Chinese characters', query: '第三方支付机构' },
  { label: 'ASCII word', query: 'pay' },
  { label: 'rare word', query: '清分' },
  { label: 'no hits', query: 'qzxjv' },
];

interface QueryFigures {
  query: string;
  p50: number;
  p95: number;
  hits: number;
  naive: number;
  naiveMs: number;
}

interface PhaseFigures {
  openMs: number;
  rssAfterOpenMb: number;
  peakRssMb: number;
  messages: number;
  indexLoaded: boolean;
  indexUpdated: boolean;
  queries?: QueryFigures[];
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function runPhase(phase: string, archive: string, cache: string): Promise<PhaseFigures> {
  const started = performance.now();
  const { data, report } = await openStore(archive, { cacheDir: cache });
  const openMs = performance.now() - started;
  const figures: PhaseFigures = {
    openMs,
    rssAfterOpenMb: megabytes(process.memoryUsage().rss),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    messages: data.messageCount,
    indexLoaded: report.indexLoaded,
    indexUpdated: report.indexUpdated,
  };
  if (phase === 'reopen') {
    figures.queries = QUERIES.map(({ query }) => {
      const times: number[] = [];
      let hits = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        hits = data.search(query, { limit: 20, order: 'newest' }).total;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return {
        query,
        p50: times[Math.floor(RUNS * 0.5)]!,
        p95: times[Math.floor(RUNS * 0.95)]!,
        hits,
        naive: 0,
        naiveMs: 0,
      };
    });
  }
  data.close();
  if (figures.queries) naiveCounts(archive, cache, figures.queries);
  return figures;
}

/**
 * Hit counts by folding and scanning every stored text, no index involved. The texts are read
 * from the store's database once the store is closed (it holds the file locked while open).
 */
function naiveCounts(archive: string, cache: string, queries: QueryFigures[]): void {
  const db = openSqlite(storePaths(cache, archive).database, { readOnly: true });
  const texts = (db.prepare('SELECT text FROM messages').all() as { text: string }[]).map(
    (row) => row.text,
  );
  db.close();
  for (const figures of queries) {
    const terms = parseQuery(figures.query).terms;
    const start = performance.now();
    let count = 0;
    for (const text of texts) {
      const folded = foldText(text);
      if (terms.every((term) => folded.includes(term))) count++;
    }
    figures.naiveMs = performance.now() - start;
    figures.naive = count;
  }
}

function ripgrep(query: string, archive: string): { ms: number; lines: number } | null {
  const times: number[] = [];
  let lines = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const result = spawnSync('rg', ['-F', '-i', '-c', '--no-messages', query, archive], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    times.push(performance.now() - start);
    if (result.error) return null;
    lines = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2]!, lines };
}

function child(phase: string, archive: string, cache: string): PhaseFigures {
  const result = spawnSync(
    process.execPath,
    ['--no-warnings', process.argv[1]!, phase, archive, cache],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`the ${phase} phase failed (exit ${result.status})`);
  return JSON.parse(result.stdout) as PhaseFigures;
}

function ensureRipgrep(): boolean {
  if (!spawnSync('rg', ['--version']).error) return true;
  process.stderr.write(
    'ripgrep is missing; installing it from Debian (apt-get install ripgrep)…\n',
  );
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'ripgrep'], {
    stdio: 'inherit',
  });
  return !spawnSync('rg', ['--version']).error;
}

const pad = (value: string, width: number) => value.padStart(width);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

async function main(): Promise<void> {
  const [phase, archive, cache] = process.argv.slice(2);
  if (phase && archive && cache) {
    process.stdout.write(JSON.stringify(await runPhase(phase, archive, cache)));
    return;
  }
  const hasRipgrep = ensureRipgrep();
  process.stderr.write(
    `Preparing the replica (${COPIES} copies of the sample, built once in ${tmpdir()})…\n`,
  );
  const root = replicateSample(SAMPLE, COPIES);
  const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-bench-cache-'));
  try {
    const cold = child('cold', root, cacheDir);
    const reopen = child('reopen', root, cacheDir);
    const added = join(root, 'group00-source/proddev/_posts/2099-01-01-chat.markdown');
    let change: PhaseFigures;
    try {
      writeFileSync(
        added,
        '---\ntitle: added by the bench\n---\n> 09:00:00  bench  \n   \n支付宝清分 qzxjv  \n',
      );
      change = child('change', root, cacheDir);
    } finally {
      rmSync(added, { force: true });
    }
    const lines = [
      `Archive: ${root}`,
      `  ${cold.messages.toLocaleString('en-US')} messages, ${megabytes(archiveBytes(root))} MB of Markdown`,
      '',
      `                         ours        target`,
      `  cold open + index   ${pad(`${(cold.openMs / 1000).toFixed(1)} s`, 9)}     < 15 s`,
      `  peak RSS indexing   ${pad(`${cold.peakRssMb} MB`, 9)}     < 600 MB`,
      `  reopen (unchanged)  ${pad(`${ms(reopen.openMs)} ms`, 9)}     < 1000 ms   (index ${reopen.indexLoaded ? 'loaded from its file' : 'REBUILT'})`,
      `  RSS after reopen    ${pad(`${reopen.rssAfterOpenMb} MB`, 9)}     < 350 MB`,
      `  reopen, 1 file new  ${pad(`${(change.openMs / 1000).toFixed(1)} s`, 9)}                 (1 file read; index ${change.indexUpdated ? 'updated' : 'REBUILT'}, peak ${change.peakRssMb} MB)`,
      '',
      `  Query (first page of 20 + total + facets, ${RUNS} runs)`,
      `  ${'class'.padEnd(22)} ${'query'.padEnd(16)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('hits', 9)} ${pad('naive', 9)} ${pad('naive ms', 9)} ${pad('rg ms', 8)} ${pad('rg lines', 9)} ${pad('vs rg', 7)}`,
    ];
    QUERIES.forEach(({ label, query }, index) => {
      const ours = reopen.queries![index]!;
      const rg = hasRipgrep ? ripgrep(query, root) : null;
      lines.push(
        `  ${label.padEnd(22)} ${query.padEnd(16 - [...query].filter((c) => c.charCodeAt(0) > 0x2e80).length)} ${pad(ms(ours.p50), 8)} ${pad(ms(ours.p95), 8)} ${pad(ours.hits.toLocaleString('en-US'), 9)} ${pad(ours.naive.toLocaleString('en-US'), 9)} ${pad(ms(ours.naiveMs), 9)} ${pad(rg ? ms(rg.ms) : '-', 8)} ${pad(rg ? rg.lines.toLocaleString('en-US') : '-', 9)} ${pad(rg ? `${Math.round(rg.ms / Math.max(ours.p50, 0.001))}x` : '-', 7)}`,
      );
    });
    lines.push(
      '',
      '  hits = messages found by the index; naive = messages a fold-and-scan of every stored text finds;',
      '  rg lines = lines ripgrep counts (-F -i -c): a message may span several lines.',
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${errorDetails(error)}\n`);
  process.exitCode = 1;
});
