/**
 * The quick check of a large unchanged folder shares its stat calls with a worker thread
 * (knownRows.ts, statWorker.ts): whichever thread meets the changed file, the check says so, and
 * an unchanged folder is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyChanged,
  checkChunks,
  SHARED_SLOTS,
  waitForOthers,
  type KnownList,
} from '../../../electron/service/store/knownRows';
import type { StatJob } from '../../../electron/service/store/statWorker';
import { StatThread } from '../../../electron/service/store/statThread';
import { bundleAsBuilt } from '../../fixtures/bundle';

const FILES = 3_000;

describe('checking files on two threads', () => {
  let folder: string;
  let script: string;
  let list: KnownList;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'scrollback-stat-'));
    script = join(folder, 'statWorker.js');
    await bundleAsBuilt('electron/service/store/statWorker.ts', script);
    mkdirSync(join(folder, 'archive', '日志'), { recursive: true });
    const paths = Array.from({ length: FILES }, (_, i) => `日志/${i}.md`);
    for (const path of paths) writeFileSync(join(folder, 'archive', path), `file ${path}\n`);
    list = {
      paths,
      sizes: Float64Array.from(paths, (path) => statSync(join(folder, 'archive', path)).size),
      mtimes: Float64Array.from(paths, (path) =>
        Math.round(statSync(join(folder, 'archive', path)).mtimeMs),
      ),
    };
  }, 60_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The check as known.ts runs it: this thread and a worker on one list. */
  async function check(known: KnownList): Promise<boolean> {
    const shared = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * 4));
    const job: StatJob = {
      root: join(folder, 'archive'),
      paths: known.paths.join('\0'),
      sizes: known.sizes,
      mtimes: known.mtimes,
      shared: shared.buffer as SharedArrayBuffer,
    };
    const worker = new Worker(script);
    // Let the worker start, so that it takes its share of the chunks.
    await new Promise((resolve) => worker.once('online', resolve));
    worker.postMessage(job);
    try {
      checkChunks(known, job.root, shared);
      expect(waitForOthers(shared, 10_000)).toBe(true);
      return !anyChanged(shared);
    } finally {
      await worker.terminate();
    }
  }

  it('finds an unchanged folder unchanged', async () => {
    expect(await check(list)).toBe(true);
  });

  it.each([0, FILES / 2, FILES - 1])('notices the file at %i changed in size', async (at) => {
    const sizes = list.sizes.slice();
    sizes[at] = sizes[at]! + 1;
    expect(await check({ ...list, sizes })).toBe(false);
  });

  it('notices a file gone', async () => {
    const paths = [...list.paths];
    paths[FILES - 10] = '日志/gone.md';
    expect(await check({ ...list, paths })).toBe(false);
  });

  it('marks exactly the changed files, check after check, on a worker kept between them', async () => {
    const thread = StatThread.start(script)!;
    const root = join(folder, 'archive');
    try {
      // Let it start, so that it shares the chunks of the checks below.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cases = [
        [],
        [0],
        [7, FILES / 2, FILES - 1],
        Array.from({ length: 600 }, (_, i) => i * 5),
      ];
      for (const changed of cases) {
        const sizes = list.sizes.slice();
        for (const at of changed) sizes[at] = sizes[at]! + 1;
        const marks = new Uint8Array(new SharedArrayBuffer(FILES));
        const any = thread.check({ ...list, sizes }, root, marks);
        expect(any).toBe(changed.length > 0);
        expect(marks.reduce<number[]>((at, mark, i) => (mark ? [...at, i] : at), [])).toEqual(
          changed,
        );
      }
      expect(thread.check(list, root)).toBe(false);
    } finally {
      thread.close();
    }
  });
});
