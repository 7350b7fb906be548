/**
 * Reading the files a sync must read: each through its reader into the ingest (a new segment),
 * then the undated messages of files that pile many days onto one placed on their days.
 */
import { Worker } from 'node:worker_threads';
import { alignDays, isDayWrap } from '../../../shared/archive/align';
import type { StoredFile, StoredFiles } from './known';
import {
  type FileRecord,
  type Ingest,
  type PendingMessage,
  type Repeat,
  type SegmentWritten,
} from './ingest';
import { hash32 } from './keys';
import type { FileWriter } from './records';
import { Hidden, Rows, type LiveSegment } from './rows';
import { readSource } from './sources';
import { trace } from './trace';
import type { SyncOptions } from './sync';
import { builtScript } from './workerScript';
import { SegmentWriter } from './writer';

/** Reading gives the event loop a turn at least this often (ms). */
const YIELD_MS = 50;

/** A file read, as the sync records it. */
export interface Recorded {
  record: FileRecord;
  id: number;
  stored: StoredFile | undefined;
  source: { size: number; mtime: number; hash: string };
  pendingMessages: PendingMessage[];
}

/** A file to read, with the id its record has (kept when a known file changes). */
export interface ToRead {
  path: string;
  absolute: string;
  id: number;
}

/** What reading some files gave: one result per file, in the order given. */
export interface ReadBatch {
  results: ReadResult[];
  repeats: Repeat[];
  segments: SegmentWritten[];
}

/** A file read, and its index in the files of the sync. */
export type ReadResult = Omit<Recorded, 'stored'> & { index: number };

/** Files taken at once from the list two threads share: a run of neighbours (mostly one
 *  conversation), short enough that neither thread is left with much when the other ends. */
const CLAIM = 16;

/** Takes the next files to read from `files`, for whichever thread asks first. */
export function claimer(next: Int32Array, count: number): () => number[] {
  return () => {
    const from = Atomics.add(next, 0, CLAIM);
    const indexes: number[] = [];
    for (let index = from; index < Math.min(from + CLAIM, count); index++) indexes.push(index);
    return indexes;
  };
}

/**
 * Reads files of `files` into `ingest` (their rows go into its segments as they fill), one after
 * another, as long as `claim` gives any. Used by the sync and by the ingest worker alike.
 */
export async function readInto(
  ingest: Ingest,
  files: readonly ToRead[],
  options: { root: string; timeZone: () => string },
  onDone: () => void,
  claim: () => number[],
): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  let slice = performance.now();
  for (let claimed = claim(); claimed.length > 0; claimed = claim())
    for (const index of claimed) {
      const file = files[index]!;
      const recorder = ingest.file(file.id, file.path);
      const result = await readSource(file.path, options, (path) => recorder.source(path));
      recorder.record.companions = result.companions;
      results.push({
        index,
        record: recorder.record,
        id: file.id,
        source: { size: result.size, mtime: result.mtime, hash: result.hash },
        pendingMessages: recorder.finish(),
      });
      onDone();
      // Files are read synchronously: let the process answer (progress, other requests) now
      // and then.
      if (performance.now() - slice > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  return results;
}

/** Below this many files to read, a worker costs more than it saves. */
const WORKER_FILES = 64;

/**
 * Reads the pending files: on two cores, a worker thread with an ingest of its own and this one
 * take runs of files from one shared list until none is left (so neither waits for the other at
 * the end, as with halves fixed in advance), each writing its own segments; ids come from one
 * shared counter. Returns every file's record, in the order of `pending`.
 */
export async function readFiles(
  pending: readonly { path: string; absolute: string }[],
  stored: StoredFiles,
  ingest: Ingest,
  counter: BigInt64Array,
  upsertFile: FileWriter,
  options: SyncOptions,
): Promise<{ recorded: Recorded[]; repeats: Repeat[]; segments: SegmentWritten[] }> {
  const files: ToRead[] = pending.map((entry) => {
    const known = stored.get(entry.path);
    // A file's id is kept when it changes, so its repeats and records stay its own.
    const id = known?.id ?? upsertFile.reserve(entry.path);
    if (known) upsertFile.clearRepeats(id);
    return { path: entry.path, absolute: entry.absolute, id };
  });
  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const script = pending.length >= WORKER_FILES ? builtScript('ingestWorker.js') : null;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const claim = claimer(next, files.length);
  if (script) trace(`reading ${files.length} files here and in a worker`);
  else {
    // One thread reads everything (a few files, perhaps one huge export): the second core
    // writes its segments meanwhile.
    const writer = SegmentWriter.create();
    if (writer) ingest.writeInBackground(writer);
  }
  const [theirs, ours] = await Promise.all([
    script
      ? readInWorker(script, files, next, counter, options, progress).then((batch) => {
          trace(`the worker ended (${batch.results.length} files)`);
          return batch;
        })
      : Promise.resolve({ results: [], repeats: [], segments: [] } as ReadBatch),
    readInto(ingest, files, options, progress, claim).then((results) => {
      if (script) trace(`this thread ended (${results.length} files)`);
      // Its last segment is written here while the other thread (the reading worker, or the
      // writer with the segment before) ends its own.
      ingest.flush();
      return results;
    }),
  ]);
  const results: ReadResult[] = new Array(files.length);
  for (const result of [...theirs.results, ...ours]) results[result.index] = result;
  return {
    recorded: results.map(({ index: _index, ...result }) => ({
      ...result,
      stored: stored.get(result.record.path),
    })),
    repeats: theirs.repeats,
    segments: theirs.segments,
  };
}

/** Reads `files` in a worker thread; its segments are written by the worker itself. */
function readInWorker(
  script: string,
  files: readonly ToRead[],
  next: Int32Array,
  counter: BigInt64Array,
  options: SyncOptions,
  progress: () => void,
): Promise<ReadBatch> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: {
        root: options.root,
        folder: options.folder,
        timeZone: options.timeZone(),
        merges: [...options.merges],
        files,
        next: next.buffer,
        counter: counter.buffer,
      } satisfies IngestJob,
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress();
      else if (message.type === 'done') resolve(message.batch);
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the reading worker stopped (exit ${code})`));
    });
  });
}

/** What the ingest worker is given. */
export interface IngestJob {
  root: string;
  folder: string;
  timeZone: string;
  merges: [string, string][];
  files: readonly ToRead[];
  /** The index of the next file to read, shared with the sync's thread (claimer). */
  next: ArrayBufferLike;
  counter: ArrayBufferLike;
}

export type WorkerMessage =
  { type: 'progress' } | { type: 'done'; batch: ReadBatch } | { type: 'error'; message: string };

/**
 * Places the messages of undated files that span many days (store/align.ts): each conversation's
 * dated messages are looked up by time, speaker and text.
 */
export function placeUndated(
  waiting: readonly { recorder: Recorded; message: PendingMessage }[],
  segments: readonly LiveSegment[],
  ingest: Ingest,
): void {
  // Each file's placed messages go through a recorder of this thread; its counts are then
  // added to the file's record (which a worker may have made).
  const placers = new Map<Recorded, ReturnType<Ingest['file']>>();
  const place = (recorded: Recorded, entry: PendingMessage, day: string) => {
    let placer = placers.get(recorded);
    if (!placer) placers.set(recorded, (placer = ingest.file(recorded.id, recorded.record.path)));
    placer.source(entry.path).addPlaced(entry.conversation, entry.message, day);
  };
  const rows = new Rows(segments);
  const byFile = new Map<Recorded, PendingMessage[]>();
  for (const { recorder, message } of waiting) {
    const list = byFile.get(recorder);
    if (list) list.push(message);
    else byFile.set(recorder, [message]);
  }
  const lookups = new Map<string, Map<number, string[]>>();
  const lookupOf = (conversation: string) => {
    let lookup = lookups.get(conversation);
    if (lookup) return lookup;
    lookup = new Map();
    for (const live of segments) {
      const names = live.segment.names();
      const wanted = names.pairs
        .filter((_, i) => i % 2 === 0)
        .map((c) => names.conversations[c] === conversation);
      if (!wanted.includes(true)) continue;
      const pair = live.segment.pair();
      for (let position = 0; position < live.segment.count; position++) {
        if (!wanted[pair[position]!] || live.hidden[position]! & Hidden.deleted) continue;
        const { segment } = live;
        const key = hash32(
          rows.time(segment, position),
          rows.speaker(segment, position),
          segment.texts(position, position + 1)[0]!,
        );
        const days = lookup.get(key);
        const day = rows.day(segment, position);
        if (!days) lookup.set(key, [day]);
        else if (!days.includes(day)) days.push(day);
      }
    }
    for (const days of lookup.values()) days.sort();
    lookups.set(conversation, lookup);
    return lookup;
  };
  for (const [recorder, messages] of byFile) {
    const byConversation = new Map<string, PendingMessage[]>();
    for (const message of messages) {
      const list = byConversation.get(message.conversation);
      if (list) list.push(message);
      else byConversation.set(message.conversation, [message]);
    }
    for (const [conversation, list] of byConversation) {
      const lookup = lookupOf(conversation);
      const days = alignDays(
        list.map((entry) => entry.message),
        (message) => lookup.get(hash32(message.time, message.speaker, message.text)) ?? [],
      );
      list.forEach((entry, index) => {
        const day = days?.[index] ?? entry.day;
        if (day) place(recorder, entry, day);
      });
      const wraps = list.filter(
        (entry, index) => index > 0 && isDayWrap(list[index - 1]!.message.time, entry.message.time),
      ).length;
      if (!days && wraps >= 3)
        recorder.record.diagnostics.push({
          path: recorder.record.path,
          message: `Its times start over ${wraps} times, as if it held ${wraps + 1} days, but its headers carry no dates and too few of its messages match dated ones elsewhere in the conversation: all were placed on the file's own day.`,
        });
    }
  }
  ingest.flush();
  for (const [recorded, placer] of placers) {
    const extra = placer.record;
    const record = recorded.record;
    record.messages += extra.messages;
    record.events += extra.events;
    record.aligned ||= extra.aligned;
    for (const base of extra.segments)
      if (!record.segments.includes(base)) record.segments.push(base);
    record.diagnostics.push(...extra.diagnostics);
  }
}
