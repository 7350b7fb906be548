/**
 * Throughput of the JSON export readers on a synthetic Telegram full export (telegram-export.ts):
 * the file is pushed in 1 MB chunks into the Telegram reader with a sink that only counts, each
 * way in its own process so that its peak memory is its own. Printed beside two baselines from
 * the same run: JSON.parse of the whole file (what a reader that does not stream would do), and
 * @streamparser/json, a pure-JS streaming parser, when a copy is named in STREAMPARSER_JSON
 * (`npm install --prefix /tmp/lib @streamparser/json`, then
 * STREAMPARSER_JSON=/tmp/lib/node_modules/@streamparser/json).
 *
 *   npx esbuild test/bench/telegram-read.ts --bundle --platform=node --target=node22 --format=cjs \
 *     --outfile=dist/telegram-read.js --packages=external && node dist/telegram-read.js [messages]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telegramReader } from '../../shared/readers/telegram/reader';
import type { ReadSink } from '../../shared/readers/reader';
import { writeTelegramExport } from './telegram-export';

interface Figures {
  seconds: number;
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

function ours(path: string): number {
  let messages = 0;
  const sink: ReadSink = {
    conversation: () => 0,
    message: () => {
      messages++;
    },
    diagnostic: (diagnostic) => process.stderr.write(`${diagnostic.message}\n`),
  };
  const session = telegramReader.begin(
    'bench/result.json',
    { timeZone: 'UTC', readFrontMatter: () => ({ ok: true, data: {} }), companion: () => null },
    sink,
  );
  chunks(path, (chunk) => session.push(chunk));
  session.end();
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
  let messages = 0;
  let error: string | undefined;
  try {
    messages = way === 'ours' ? ours(path) : way === 'parse' ? wholeParse(path) : library(path);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const figures: Figures = {
    seconds: (performance.now() - started) / 1000,
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
    return { seconds: 0, messages: 0, peakRssMb: 0, error: `exit ${result.status}` };
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
    `  ${'way'.padEnd(34)} ${'s'.padStart(7)} ${'MB/s'.padStart(7)} ${'msg/s'.padStart(10)} ${'peak RSS'.padStart(9)}\n`,
  );
  const ways: [string, string][] = [
    ['ours', 'Telegram reader (streaming scanner)'],
    ['parse', 'JSON.parse of the whole file'],
    ['library', '@streamparser/json'],
  ];
  for (const [way, label] of ways) {
    const figures = child(way, path);
    const line = figures.error
      ? `not measured: ${figures.error.slice(0, 80)}`
      : `${figures.seconds.toFixed(2).padStart(7)} ${(megabytes / figures.seconds).toFixed(0).padStart(7)} ${Math.round(
          figures.messages / figures.seconds,
        )
          .toLocaleString('en-US')
          .padStart(10)} ${`${figures.peakRssMb} MB`.padStart(9)}`;
    process.stdout.write(`  ${label.padEnd(34)} ${line}\n`);
  }
}

main();
