/**
 * Throughput of the JSON export readers on a synthetic Telegram full export (telegram-export.ts):
 * the file is pushed in 1 MB chunks into the Telegram reader with a sink that only counts, each
 * way in its own process so that its peak memory is its own. Printed beside baselines from the
 * same run: the Markdown reader on the same number of messages (the bench's replica of
 * ../shared/archive-sample, when it is there), JSON.parse of the whole file (what a reader that
 * does not stream would do), and @streamparser/json, a pure-JS streaming parser, when a copy is
 * named in STREAMPARSER_JSON
 * (`npm install --prefix /tmp/lib @streamparser/json`, then
 * STREAMPARSER_JSON=/tmp/lib/node_modules/@streamparser/json).
 *
 *   npx esbuild test/bench/telegram-read.ts --bundle --platform=node --target=node22 --format=cjs \
 *     --outfile=dist/telegram-read.js --packages=external && node dist/telegram-read.js [messages]
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readFrontMatter } from '../../electron/service/frontMatter';
import { JsonScanner } from '../../shared/readers/json/scanner';
import { Utf8Chunks } from '../../shared/readers/json/utf8';
import { markdownReader } from '../../shared/readers/markdown/reader';
import type { FileReader, ReadSink } from '../../shared/readers/reader';
import { telegramReader } from '../../shared/readers/telegram/reader';
import { archiveBytes, replicateSample } from './replicate';
import { writeTelegramExport } from './telegram-export';

interface Figures {
  seconds: number;
  /** Processor time (user and system): less disturbed than wall time on a busy machine. */
  cpuSeconds: number;
  messages: number;
  peakRssMb: number;
  error?: string;
}

const CHUNK = 1024 * 1024;

function chunks(path: string, each: (chunk: Uint8Array) => void): void {
  const file = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(CHUNK);
      const read = readSync(file, buffer, 0, CHUNK, null);
      if (read === 0) break;
      each(buffer.subarray(0, read));
    }
  } finally {
    closeSync(file);
  }
}

/** Reads one file with `reader` into a sink that counts messages; returns the count. */
function readFile(reader: FileReader, path: string, name: string): number {
  let messages = 0;
  const sink: ReadSink = {
    conversation: () => 0,
    message: () => {
      messages++;
    },
    diagnostic: () => undefined,
  };
  const session = reader.begin(
    name,
    { timeZone: 'UTC', readFrontMatter, companion: () => null },
    sink,
  );
  chunks(path, (chunk) => session.push(chunk));
  session.end();
  return messages;
}

const SAMPLE = resolve(__dirname, '../../../shared/archive-sample');
/** The copies of the sample that make the `npm run bench` replica (a million messages). */
const COPIES = 246;

function markdownFiles(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(root, path);
    return /\.(md|markdown)$/.test(entry.name) ? [path] : [];
  });
}

function markdown(root: string): number {
  return markdownFiles(root).reduce(
    (sum, path) => sum + readFile(markdownReader, path, relative(root, path)),
    0,
  );
}

/** The scanner alone: every message parsed, none turned into a ParsedMessage. */
function scanOnly(path: string): number {
  let messages = 0;
  const scanner = new JsonScanner([['chats', 'list', '*', 'messages', '*']], {
    value: () => {
      messages++;
    },
    problem: () => undefined,
  });
  const utf8 = new Utf8Chunks();
  chunks(path, (chunk) => scanner.push(utf8.next(chunk).text));
  scanner.end();
  return messages;
}

function wholeParse(path: string): number {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    chats: { list: { messages: unknown[] }[] };
  };
  return data.chats.list.reduce((sum, chat) => sum + chat.messages.length, 0);
}

interface StreamParser {
  write(chunk: Uint8Array): void;
  end(): void;
  onValue: (info: { value: unknown }) => void;
}
type StreamParserConstructor = new (options: {
  paths: string[];
  keepStack: boolean;
}) => StreamParser;

function library(path: string): number {
  const location = process.env.STREAMPARSER_JSON;
  if (!location) throw new Error('set STREAMPARSER_JSON to a copy of @streamparser/json');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSONParser } = require(location) as { JSONParser: StreamParserConstructor };
  let messages = 0;
  const parser = new JSONParser({ paths: ['$.chats.list.*.messages.*'], keepStack: false });
  parser.onValue = () => {
    messages++;
  };
  chunks(path, (chunk) => parser.write(chunk));
  return messages;
}

function run(way: string, path: string): Figures {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let messages = 0;
  let error: string | undefined;
  try {
    if (way === 'ours') messages = readFile(telegramReader, path, 'bench/result.json');
    else if (way === 'scan') messages = scanOnly(path);
    else if (way === 'markdown') messages = markdown(path);
    else if (way === 'parse') messages = wholeParse(path);
    else messages = library(path);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const figures: Figures = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (() => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1e6;
    })(),
    messages,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (error) figures.error = error;
  return figures;
}

function child(way: string, path: string): Figures {
  const result = spawnSync(process.execPath, [process.argv[1]!, way, path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0)
    return { seconds: 0, cpuSeconds: 0, messages: 0, peakRssMb: 0, error: `exit ${result.status}` };
  return JSON.parse(result.stdout) as Figures;
}

function main(): void {
  const [first, second] = process.argv.slice(2);
  if (first && second) {
    process.stdout.write(JSON.stringify(run(first, second)));
    return;
  }
  const count = first ? Number(first) : 1_000_000;
  const folder = join(tmpdir(), `scrollback-telegram-${count}`);
  const path = join(folder, 'result.json');
  if (!existsSync(path)) {
    process.stderr.write(
      `Writing a ${count.toLocaleString('en-US')}-message export into ${folder}…\n`,
    );
    writeTelegramExport(folder, count);
  }
  const megabytes = statSync(path).size / 1024 / 1024;
  process.stdout.write(
    `${path}: ${Math.round(megabytes)} MB, ${count.toLocaleString('en-US')} messages\n\n`,
  );
  process.stdout.write(
    `  ${'way'.padEnd(36)} ${'s'.padStart(7)} ${'cpu s'.padStart(7)} ${'MB/cpu s'.padStart(8)} ${'msg/cpu s'.padStart(10)} ${'peak RSS'.padStart(9)}\n`,
  );
  const ways: [string, string, string, number][] = [
    ['ours', 'Telegram reader (streaming scanner)', path, megabytes],
    ['scan', 'its scanner alone (parsed, unmapped)', path, megabytes],
    ['parse', 'JSON.parse of the whole file', path, megabytes],
    ['library', '@streamparser/json (counting only)', path, megabytes],
  ];
  if (existsSync(SAMPLE) && count === 1_000_000) {
    const replica = replicateSample(SAMPLE, COPIES);
    const size = archiveBytes(replica) / 1024 / 1024;
    ways.push(['markdown', 'Markdown reader, bench replica', replica, size]);
  } else process.stdout.write('  (the Markdown baseline needs 1,000,000 messages and ../shared)\n');
  for (const [way, label, where, size] of ways) {
    const figures = child(way, where);
    const rate = Math.round(figures.messages / figures.cpuSeconds).toLocaleString('en-US');
    const line = figures.error
      ? `not measured: ${figures.error.slice(0, 80)}`
      : [
          figures.seconds.toFixed(2).padStart(7),
          figures.cpuSeconds.toFixed(2).padStart(7),
          (size / figures.cpuSeconds).toFixed(0).padStart(8),
          rate.padStart(10),
          `${figures.peakRssMb} MB`.padStart(9),
          ` ${figures.messages.toLocaleString('en-US')} messages`,
        ].join(' ');
    process.stdout.write(`  ${label.padEnd(36)} ${line}\n`);
  }
}

main();
