/**
 * The write worker: builds and writes the segments a reading thread hands over, one after
 * another (store/writer.ts).
 * Built as a bundle of its own (dist/service/store/writeWorker.js).
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../../shared/errors';
import { SegmentBuilder } from '../index/segmentBuild';
import type { WriteAnswer, WriteJob } from './writer';

parentPort!.on('message', (job: WriteJob) => {
  let answer: WriteAnswer;
  const started = performance.now();
  try {
    const { positions } = SegmentBuilder.restore(job.state).write(job.path, job.base);
    answer = { id: job.id, positions, ms: performance.now() - started };
  } catch (error) {
    answer = { id: job.id, error: errorMessage(error) };
  }
  parentPort!.postMessage(
    answer,
    'positions' in answer ? [answer.positions.buffer as ArrayBuffer] : [],
  );
});
