/**
 * `npm run bench [-- --scale 1m|10m]`: the store and search on a replica of
 * ../shared/archive-sample (1M messages by default, 10M with --scale 10m; each built once in the
 * temporary folder), every figure printed beside its target and beside a baseline measured in
 * the same run: ripgrep over the same files, a bare `node -e 0`, and a naive scan. Each phase runs
 * in a process of its own, so that its peak memory is its own:
 *   cold     open with an empty cache folder: read and index everything
 *   reopen   open again (nothing changed): time to show the archive, memory, then the queries
 *   change   open, add one file, sync: the time the app takes to show it
 *   oneshot  `scrollback search` as a whole process, per query, beside rg
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { foldText } from '../../shared/query/fold';
import { parseQuery } from '../../shared/query/parse';
import { ArchiveStore } from '../../electron/service/store/store';
import { storeFolder } from '../../electron/service/store/location';
import { Hidden } from '../../electron/service/store/rows';
import { readyForChanges } from '../../electron/service/store/sync';
import { errorDetails } from '../../shared/errors';
import { archiveBytes, replicateSample } from './replicate';
import { writeTelegramExport } from './telegram-export';

const SAMPLE = resolve(__dirname, '../../shared/archive-sample');
const CLI = resolve(__dirname, 'cli.js');
const RUNS = 40;

const SCALES = {
  '125k': { copies: 30 },
  '1m': { copies: 246 },
  '10m': { copies: 2460 },
} as const;
type Scale = keyof typeof SCALES;

const TARGETS: Record<
  '1m' | '10m',
  { reopen: number; rss: number; p95: number; cold: number; coldRss: number }
> = {
  '1m': { reopen: 150, rss: 150, p95: 10, cold: 10_000, coldRss: 500 },
  '10m': { reopen: 300, rss: 400, p95: 50, cold: 120_000, coldRss: 1536 },
};

const QUERIES: { label: string; query: string }[] = [
  { label: '1 Chinese character', query: '的' },
  { label: '2 Chinese characters', query: '支付' },
  { label: '3 Chinese characters', query: '支付宝' },
  { label: '7 Chinese characters', query: '第三方支付机构' },
  { label: 'ASCII word', query: 'pay' },
  { label: 'rare word', query: '清分' },
  { label: 'no hits', query: 'qzxjv' },
];
const ONE_SHOT = QUERIES.slice(0, 4);

interface QueryFigures {
  query: string;
  p50: number;
  p95: number;
  hits: number;
  naive: number;
  naiveMs: number;
  first: number;
}

interface PhaseFigures {
  ms: number;
  syncMs?: number;
  rssMb: number;
  peakRssMb: number;
  messages: number;
  queries?: QueryFigures[];
  found?: number;
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
const rssMb = () => megabytes(process.memoryUsage().rss);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function runPhase(phase: string, archive: string, cache: string): Promise<PhaseFigures> {
  // As the app opens a watched archive (archiveService.ts).
  const options = { cacheDir: cache, timeZone: 'UTC', statThread: true };
  if (phase === 'cold') {
    const started = performance.now();
    const store = ArchiveStore.open(archive, options);
    await store.sync();
    const ms = performance.now() - started;
    const figures = { ms, rssMb: rssMb(), peakRssMb: peakMb(), messages: store.messageCount };
    store.close();
    return figures;
  }
  if (phase === 'reopen') {
    const started = performance.now();
    const store = ArchiveStore.open(archive, options);
    // What the app shows first: the conversation list and the first one's days.
    const conversations = store.conversations();
    store.days(conversations[0]!.id);
    const ms = performance.now() - started;
    const rss = rssMb();
    const syncStarted = performance.now();
    await store.sync();
    const syncMs = performance.now() - syncStarted;
    const queries = QUERIES.map(({ query }) => {
      const times: number[] = [];
      let hits = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        hits = store.search(query, { limit: 20, order: 'newest' }).total;
        times.push(performance.now() - start);
      }
      // The first run is printed apart: later runs find the query's decoded lists kept.
      const sorted = [...times].sort((a, b) => a - b);
      return {
        query,
        first: times[0]!,
        p50: sorted[Math.floor(RUNS * 0.5)]!,
        p95: sorted[Math.floor(RUNS * 0.95)]!,
        hits,
        naive: 0,
        naiveMs: 0,
      };
    });
    naiveCounts(store, queries);
    const figures = {
      ms,
      syncMs,
      rssMb: rss,
      peakRssMb: peakMb(),
      messages: store.messageCount,
      queries,
    };
    store.close();
    return figures;
  }
  // change: the app has the archive open and watched; a new day's file arrives and is read.
  const store = ArchiveStore.open(archive, options);
  await store.sync();
  // What the app does as it starts watching (openArchive.ts).
  await readyForChanges();
  const added = join(archive, 'group00-source/proddev/_posts/2099-01-01-chat.markdown');
  writeFileSync(
    added,
    '---\ntitle: added by the bench\n---\n> 09:00:00  bench  \n   \n支付宝清分 qzxjv  \n',
  );
  try {
    const started = performance.now();
    await store.sync();
    const ms = performance.now() - started;
    const found = store.search('qzxjv', { limit: 1, order: 'newest' }).total;
    const figures = {
      ms,
      rssMb: rssMb(),
      peakRssMb: peakMb(),
      messages: store.messageCount,
      found,
    };
    // Back to the archive as it was, so that the next run starts from the same store.
    rmSync(added, { force: true });
    await store.sync();
    store.close();
    return figures;
  } finally {
    rmSync(added, { force: true });
  }
}

/** Hit counts by folding and scanning every shown text, no index involved. */
function naiveCounts(store: ArchiveStore, queries: QueryFigures[]): void {
  const segments = (
    store as unknown as {
      segments: {
        segment: { count: number; texts(a: number, b: number): string[] };
        hidden: Uint8Array;
      }[];
    }
  ).segments;
  const texts: string[] = [];
  for (const live of segments) {
    const all = live.segment.texts(0, live.segment.count);
    all.forEach((text, position) => {
      if (live.hidden[position] === 0) texts.push(foldText(text));
    });
  }
  for (const figures of queries) {
    const terms = parseQuery(figures.query).terms;
    const start = performance.now();
    let count = 0;
    for (const text of texts) if (terms.every((term) => text.includes(term))) count++;
    figures.naiveMs = performance.now() - start;
    figures.naive = count;
  }
  void Hidden;
}

function timeCommand(
  command: string,
  args: string[],
  runs: number,
): { ms: number; stdout: string } {
  const times: number[] = [];
  let stdout = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (result.error) throw result.error;
    stdout = result.stdout;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, stdout };
}

function child(phase: string, archive: string, cache: string): PhaseFigures {
  const result = spawnSync(
    process.execPath,
    ['--no-warnings', process.argv[1]!, phase, archive, cache],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    },
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

/** A million-message Telegram full export, written once in the temporary folder. */
function telegramReplica(): { root: string; bytes: number } {
  const root = join(tmpdir(), 'scrollback-bench-telegram-1000000');
  const marker = join(root, '.complete');
  if (!existsSync(marker)) {
    process.stderr.write(`Writing a 1M-message Telegram export in ${root}…\n`);
    rmSync(root, { recursive: true, force: true });
    writeTelegramExport(join(root, 'DataExport'), 1_000_000);
    writeFileSync(marker, new Date().toISOString());
  }
  return { root, bytes: statSync(join(root, 'DataExport', 'result.json')).size };
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const name of readdirSync(folder)) total += statSync(join(folder, name)).size;
  return total;
}

const pad = (value: string, width: number) => value.padStart(width);
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  const [phase, archive, cache] = process.argv.slice(2);
  if (phase && archive && cache && !phase.startsWith('--')) {
    process.stdout.write(JSON.stringify(await runPhase(phase, archive, cache)));
    return;
  }
  if (!existsSync(SAMPLE)) {
    process.stderr.write(
      `bench: ${SAMPLE} is absent; the bench replicates it and cannot run without it.\n`,
    );
    process.exitCode = 1;
    return;
  }
  const scaleArg = process.argv.indexOf('--scale');
  const scale = (scaleArg === -1 ? '1m' : process.argv[scaleArg + 1]) as Scale;
  if (scale !== '1m' && scale !== '10m') throw new Error('--scale takes 1m or 10m');
  const hasRipgrep = ensureRipgrep();
  const lines: string[] = [];
  const print = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };

  for (const [name, size] of [
    ['125k', SCALES['125k']],
    [scale, SCALES[scale]],
  ] as const) {
    process.stderr.write(
      `Preparing the ${name} replica (${size.copies} copies of the sample, built once in ${tmpdir()})…\n`,
    );
    const root = replicateSample(SAMPLE, size.copies);
    const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-bench-cache-'));
    try {
      const cold = child('cold', root, cacheDir);
      const archiveMb = archiveBytes(root) / 1024 / 1024;
      const cacheMb = folderBytes(storeFolder(cacheDir, root)) / 1024 / 1024;
      const bareNode = timeCommand(process.execPath, ['-e', '0'], 5).ms;
      const cliArgs = (query: string) => [
        CLI,
        'search',
        root,
        query,
        '--cache-dir',
        cacheDir,
        '--tz',
        'UTC',
      ];
      print(`Archive ${name}: ${root}`);
      print(
        `  ${cold.messages.toLocaleString('en-US')} messages, ${archiveMb.toFixed(0)} MB of Markdown`,
      );
      if (name === '125k') {
        const stats = timeCommand(
          process.execPath,
          [CLI, 'stats', root, '--cache-dir', cacheDir],
          5,
        ).ms;
        print(
          `  stats (store warm)       ${pad(`${ms(stats)} ms`, 10)}   target ≤ 500 ms        ${verdict(stats <= 500)}`,
        );
        for (const { query } of ONE_SHOT) {
          const ours = timeCommand(process.execPath, cliArgs(query), 5).ms;
          const rg = hasRipgrep
            ? timeCommand('rg', ['-F', '-i', '-c', '--no-messages', query, root], 5).ms
            : NaN;
          print(
            `  one-shot search ${query.padEnd(8 - [...query].length)} ${pad(`${ms(ours)} ms`, 10)}   node -e 0 ${ms(bareNode)} ms, rg ${ms(rg)} ms   target ≤ node + 60 ms  ${verdict(ours <= bareNode + 60)}`,
          );
        }
        print();
        continue;
      }
      const targets = TARGETS[scale];
      const reopen = child('reopen', root, cacheDir);
      // Three times (each in a fresh process, the file removed after), the median shown: one run
      // on a shared machine varied by 200 ms.
      const changes = [1, 2, 3]
        .map(() => child('change', root, cacheDir))
        .sort((a, b) => a.ms - b.ms);
      const change = changes[1]!;
      print('');
      print(`                              ours        target`);
      print(
        `  cold open + index      ${pad(`${(cold.ms / 1000).toFixed(1)} s`, 10)}   ≤ ${targets.cold / 1000} s          ${verdict(cold.ms <= targets.cold)}`,
      );
      print(
        `  peak RSS indexing      ${pad(`${cold.peakRssMb} MB`, 10)}   ≤ ${targets.coldRss} MB        ${verdict(cold.peakRssMb <= targets.coldRss)}`,
      );
      print(
        `  reopen (unchanged)     ${pad(`${ms(reopen.ms)} ms`, 10)}   ≤ ${targets.reopen} ms         ${verdict(reopen.ms <= targets.reopen)}   (then the folder is checked in the background: ${ms(reopen.syncMs!)} ms)`,
      );
      print(
        `  RSS after reopen       ${pad(`${reopen.rssMb} MB`, 10)}   ≤ ${targets.rss} MB         ${verdict(reopen.rssMb <= targets.rss)}`,
      );
      print(
        // The issue sets 500 ms at 1M; at 10M the figure is shown without a target.
        `  one new file, shown    ${pad(`${ms(change.ms)} ms`, 10)}   ${scale === '1m' ? `≤ 500 ms          ${verdict(change.ms <= 500 && changes.every((c) => c.found === 1))}` : `(target at 1M)  ${verdict(changes.every((c) => c.found === 1))}`}   (median of ${changes.map((c) => ms(c.ms)).join(', ')} ms; found by search each time: ${changes.every((c) => c.found === 1)})`,
      );
      print(
        `  cache on disk          ${pad(`${cacheMb.toFixed(0)} MB`, 10)}   ≤ ${(archiveMb * 1.5).toFixed(0)} MB (1.5x)  ${verdict(cacheMb <= archiveMb * 1.5)}`,
      );
      print('');
      print(
        `  Query in process (first page of 20 + total + facets, ${RUNS} runs), target p95 ≤ ${targets.p95} ms`,
      );
      print(
        `  ${'class'.padEnd(22)} ${'query'.padEnd(16)} ${pad('first', 8)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('hits', 10)} ${pad('naive', 10)} ${pad('naive ms', 9)}`,
      );
      QUERIES.forEach(({ label, query }, index) => {
        const q = reopen.queries![index]!;
        const wide = [...query].filter((c) => c.charCodeAt(0) > 0x2e80).length;
        print(
          `  ${label.padEnd(22)} ${query.padEnd(16 - wide)} ${pad(ms(q.first), 8)} ${pad(ms(q.p50), 8)} ${pad(ms(q.p95), 8)} ${pad(q.hits.toLocaleString('en-US'), 10)} ${pad(q.naive.toLocaleString('en-US'), 10)} ${pad(ms(q.naiveMs), 9)}   ${verdict(q.p95 <= targets.p95 && q.hits === q.naive)}`,
        );
      });
      print('');
      print(
        `  One-shot \`scrollback search\` (whole process, store warm), median of 5, beside rg -F -i -c`,
      );
      for (const { label, query } of ONE_SHOT) {
        const ours = timeCommand(process.execPath, cliArgs(query), 5).ms;
        const rg = hasRipgrep
          ? timeCommand('rg', ['-F', '-i', '-c', '--no-messages', query, root], 5).ms
          : NaN;
        print(
          `  ${label.padEnd(22)} ${pad(`${ms(ours)} ms`, 10)}   rg ${pad(`${ms(rg)} ms`, 9)}   node -e 0 ${ms(bareNode)} ms   ${verdict(ours < rg)}`,
        );
      }
      print('');
      print(
        '  hits = messages the index finds; naive = shown messages a fold-and-scan of every text finds.',
      );
      if (scale === '1m') {
        // Issue 10: a million-message Telegram export opens within 1.5x the Markdown bench's time.
        const telegram = telegramReplica();
        const telegramCache = mkdtempSync(join(tmpdir(), 'scrollback-bench-cache-'));
        try {
          const opened = child('cold', telegram.root, telegramCache);
          const ratio = opened.ms / cold.ms;
          print('');
          print(
            `  Telegram export, ${opened.messages.toLocaleString('en-US')} messages in one ${(telegram.bytes / 1024 / 1024).toFixed(0)} MB result.json`,
          );
          print(
            `  cold open + index      ${pad(`${(opened.ms / 1000).toFixed(1)} s`, 10)}   ≤ 1.5x Markdown's (${ratio.toFixed(2)}x)  ${verdict(ratio <= 1.5)}`,
          );
          print(
            `  peak RSS               ${pad(`${opened.peakRssMb} MB`, 10)}   < 1024 MB        ${verdict(opened.peakRssMb < 1024)}`,
          );
        } finally {
          rmSync(telegramCache, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${errorDetails(error)}\n`);
  process.exitCode = 1;
});
