/**
 * The ingest worker: reads some of a sync's files into segments of its own, on the second core,
 * taking them from the list it shares with the sync's thread (store/reading.ts). Built as a
 * bundle of its own (dist/service/store/ingestWorker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../../shared/errors';
import { Ingest } from './ingest';
import { claimer, readInto, type IngestJob, type WorkerMessage } from './reading';

async function run(job: IngestJob): Promise<WorkerMessage> {
  const counter = new BigInt64Array(job.counter as SharedArrayBuffer);
  const ingest = new Ingest({
    folder: job.folder,
    allocate: (count) => Number(Atomics.add(counter, 0, BigInt(count))),
    merges: new Map(job.merges),
  });
  const results = await readInto(
    ingest,
    job.files,
    { root: job.root, timeZone: () => job.timeZone },
    () => parentPort!.postMessage({ type: 'progress' } satisfies WorkerMessage),
    claimer(new Int32Array(job.next as SharedArrayBuffer), job.files.length),
  );
  ingest.flush();
  return {
    type: 'done',
    batch: { results, repeats: ingest.repeats, segments: ingest.segments },
  };
}

run(workerData as IngestJob).then(
  (message) => parentPort!.postMessage(message),
  (error: unknown) =>
    parentPort!.postMessage({
      type: 'error',
      message: errorMessage(error),
    } satisfies WorkerMessage),
);
