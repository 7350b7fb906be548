/**
 * A stat worker (statWorker.ts) and the thread that asks it: they share the stat calls of one
 * list, each claiming chunks from a shared counter, so neither waits for the other to start. The
 * app keeps one per open store (it starts in ~100 ms, as long as 12,000 calls here), so that the
 * check after each change of the folder, and the stat of every file a change brings, use two
 * cores; a one-shot command starts one only for a check of 20,000 files or more (known.ts).
 */
import type { Worker } from 'node:worker_threads';
import { anyChanged, checkChunks, type KnownList, SHARED_SLOTS, waitForOthers } from './knownRows';
import type { StatJob } from './statWorker';
import { builtScript } from './workerScript';

/** A worker that has not ended its chunk by then is given up; its files are checked here. */
const PATIENCE_MS = 10_000;
/** From this many files on, a kept worker shares a check (below, its messages are not worth it). */
export const KEPT_THREAD_FILES = 4_000;

export class StatThread {
  private constructor(private readonly worker: Worker) {}

  /** Started now (it boots while the caller goes on); null where no worker is built. */
  static start(script = builtScript('statWorker.js')): StatThread | null {
    if (script === null) return null;
    // Loaded when used: node:worker_threads costs a one-shot command on a small archive its time.
    const worker = new (process.getBuiltinModule('node:worker_threads').Worker)(script);
    worker.unref();
    // A worker that fails leaves its share to this thread (the chunks it never claimed).
    worker.on('error', () => undefined);
    return new StatThread(worker);
  }

  /**
   * Checks `list` (paths below `root`) on this thread and the worker: whether any file changed.
   * With `marks` (one shared byte per file), every file is checked and each changed one marked.
   */
  check(list: KnownList, root: string, marks?: Uint8Array<SharedArrayBuffer>): boolean {
    const shared = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * 4));
    this.worker.postMessage({
      root,
      paths: list.joined ?? list.paths.join('\0'),
      sizes: list.sizes,
      mtimes: list.mtimes,
      shared: shared.buffer,
      ...(marks ? { marks: marks.buffer } : {}),
    } satisfies StatJob);
    checkChunks(list, root, shared, marks);
    if (waitForOthers(shared, PATIENCE_MS)) return anyChanged(shared);
    // The worker is stuck on a chunk: everything is checked again here, alone.
    const alone = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * 4));
    checkChunks(list, root, alone, marks);
    return anyChanged(alone);
  }

  close(): void {
    void this.worker.terminate();
  }
}

/**
 * Checks `list` (paths below `root`): with `thread` when there is one and the list is long enough
 * to share, else on this thread alone. Whether any file changed; with `marks` (one shared byte per
 * file), every file is checked and each changed one marked.
 */
export function checkFiles(
  list: KnownList,
  root: string,
  thread: StatThread | null | undefined,
  marks?: Uint8Array<SharedArrayBuffer>,
): boolean {
  if (thread && list.paths.length >= KEPT_THREAD_FILES) return thread.check(list, root, marks);
  const shared = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * 4));
  checkChunks(list, root, shared, marks);
  return anyChanged(shared);
}
