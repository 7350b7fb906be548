/**
 * How long exporting 10,000 messages takes, per format: the formatter alone and the whole
 * exportToFile (messages by id, persons, images, atomic write), next to a baseline measured in
 * the same run (JSON.stringify of the same messages, the least any export can cost). Run:
 *
 *   npx esbuild test/bench/export-bench.ts --bundle --platform=node --target=node22 --format=cjs \
 *     --outfile=dist/export-bench.js --packages=external --log-level=warning && node dist/export-bench.js
 *
 * The messages are those of the real archive slice (../shared/archive-sample, or the folder given
 * as the first argument), repeated a year later each time round until there are 10,000.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ArchiveService } from '../../electron/service/archiveService';
import { exportToFile, type ExportSource } from '../../electron/service/export';
import { formatExportTime, plainContext } from '../../shared/export/context';
import { formatExport, type TextExportFormat } from '../../shared/export/format';
import type { Message } from '../../shared/model';
import { errorDetails } from '../../shared/errors';

/** Run from the repository: the real slice lies beside it (bundling moves __dirname, so not from there). */
const SAMPLE = resolve(process.argv[2] ?? '../shared/archive-sample');
const MESSAGES = 10_000;
const RUNS = 5;

/** The median of `RUNS` timed runs, in milliseconds, after one warm-up run. */
async function median(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'scrollback-export-bench-'));
  const service = new ArchiveService({ cacheDir: null });
  try {
    await service.open(SAMPLE);
    const messages = tile(
      service.messagesByIds(Array.from({ length: MESSAGES }, (_, id) => id)),
      MESSAGES,
    );
    const ids = messages.map((message) => message.id);
    // The service's persons and titles, over the tiled messages (the archive is smaller than 10,000).
    const source: ExportSource = {
      root: service.root,
      messagesByIds: (wanted) => wanted.map((id) => messages[id]!),
      conversations: () => service.conversations(),
      speakers: (conversation) => service.speakers(conversation),
    };
    const context = plainContext(formatExportTime(new Date()));
    const baseline = await median(() => JSON.stringify(messages));
    const rows: string[][] = [];
    for (const format of ['md', 'html', 'json', 'csv', 'txt'] as TextExportFormat[]) {
      const size = Buffer.byteLength(formatExport(format, messages, context));
      const formatting = await median(() => formatExport(format, messages, context));
      let run = 0;
      const whole = await median(() =>
        exportToFile(source, { ids, format, path: join(out, `export-${run++}.${format}`) }),
      );
      rows.push([
        format,
        formatting.toFixed(0),
        whole.toFixed(0),
        baseline.toFixed(0),
        (size / 1024 / 1024).toFixed(1),
      ]);
    }
    const header = ['format', 'format ms', 'exportToFile ms', 'baseline ms', 'MB'];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => row[column]!.length)),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  ');
    process.stdout.write(
      `Exporting ${MESSAGES.toLocaleString('en-US')} messages (median of ${RUNS} runs; baseline: JSON.stringify of the same messages)\n`,
    );
    process.stdout.write(`${line(header)}\n${rows.map(line).join('\n')}\n`);
  } finally {
    service.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** `count` messages: the archive's, repeated a year later each time round, numbered anew. */
function tile(messages: readonly Message[], count: number): Message[] {
  return Array.from({ length: count }, (_, id) => {
    const message = messages[id % messages.length]!;
    const year = Number(message.day.slice(0, 4)) + Math.floor(id / messages.length);
    return { ...message, id, day: `${year}${message.day.slice(4)}` };
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorDetails(error)}\n`);
  process.exitCode = 1;
});
