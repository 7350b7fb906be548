/**
 * Writing segments on the second core. When one thread reads a large file alone (a Telegram
 * export of a million messages is one file), building each segment (sorting, folding, posting
 * lists: about a third of the work) would stop its reading for seconds; instead the collected
 * rows move to a worker thread (their buffers are transferred, not copied), which writes the
 * segment while reading goes on. Used only when no reading worker is busy on that core
 * (reading.ts); ingest.ts decides when to hand rows over.
 */
import { Worker } from 'node:worker_threads';
import type { BuilderState, SegmentBuilder } from '../index/segmentBuild';
import { trace } from './trace';
import { builtScript } from './workerScript';

/** A segment to write, as the write worker is given it. */
export interface WriteJob {
  id: number;
  path: string;
  base: number;
  state: BuilderState;
}

export type WriteAnswer =
  { id: number; positions: Uint32Array; ms: number } | { id: number; error: string };

export class SegmentWriter {
  private worker: Worker | null = null;
  private next = 0;
  private readonly waiting = new Map<
    number,
    { rows: number; resolve: (positions: Uint32Array) => void; reject: (error: Error) => void }
  >();

  private constructor(private readonly script: string) {}

  /** A writer, or null when the worker script is not built (running from sources). */
  static create(script = builtScript('writeWorker.js')): SegmentWriter | null {
    return script ? new SegmentWriter(script) : null;
  }

  /**
   * Writes `builder`'s rows as the segment `base` at `path`; resolves to their positions. The
   * worker takes its jobs one after another by itself: the reading thread may not look at its
   * messages until it has read the whole file.
   */
  write(builder: SegmentBuilder, path: string, base: number): Promise<Uint32Array> {
    const worker = this.start();
    const rows = builder.size;
    const { state, transfer } = builder.detach();
    const job: WriteJob = { id: this.next++, path, base, state };
    return new Promise((resolve, reject) => {
      this.waiting.set(job.id, { rows, resolve, reject });
      worker.postMessage(job, transfer);
    });
  }

  /**
   * Stops the worker (the writes asked for have ended, or are abandoned): its heap goes with it,
   * where an idle worker would keep the garbage of building segments, hundreds of megabytes.
   */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    // A sync that fails elsewhere must not leave the process waiting for this thread.
    worker.unref();
    worker.on('message', (answer: WriteAnswer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else {
        trace(
          `segment of ${waiting.rows} rows written by the writer in ${Math.round(answer.ms)} ms`,
        );
        waiting.resolve(answer.positions);
      }
    });
    const fail = (error: Error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the writing worker stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }
}
