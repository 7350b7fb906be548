/**
 * The stat worker: checks chunks of the known files beside the thread that opens the store
 * (knownRows.ts checkChunks), one job after another for as long as it is kept (statThread.ts).
 * Built as a small bundle of its own (dist/service/store/statWorker.js), so that it starts in
 * milliseconds.
 */
import { parentPort } from 'node:worker_threads';
import { checkChunks } from './knownRows';

export interface StatJob {
  root: string;
  /** The paths, NUL between (one string is copied to a thread far faster than 100,000). */
  paths: string;
  sizes: Float64Array;
  mtimes: Float64Array;
  shared: SharedArrayBuffer;
  /** One byte per file, set for each changed one; without it the check stops at the first. */
  marks?: SharedArrayBuffer;
}

// A job whose list the other thread finished meanwhile finds no chunk left, and ends at once.
parentPort!.on('message', (job: StatJob) =>
  checkChunks(
    { paths: job.paths.split('\0'), sizes: job.sizes, mtimes: job.mtimes },
    job.root,
    new Int32Array(job.shared),
    job.marks ? new Uint8Array(job.marks) : undefined,
  ),
);
