/**
 * The writing half of a sync (sync.ts finds what changed and holds the store's write lock): the
 * old rows of changed and removed files are marked deleted, the new files are read into new
 * segments, and then copies, echoes, summaries and compaction are recomputed for only what those
 * files touched. Each step adds to one `Changes`, which says what the next must look at.
 */
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../../shared/archive/compare';
import { Segment } from '../index/segment';
import { compactSegments } from './compact';
import { applyCopies, type CopyScope } from './copies';
import { Ingest, type FileConversation } from './ingest';
import { zoneUsed, type StoredFile, type StoredFiles } from './known';
import { segmentPath } from './location';
import type { Pending } from './changes';
import { placeUndated, readFiles } from './reading';
import { conversationInfo, deleteRowsOf, prepareFileWrite } from './records';
import { Rows, type LiveSegment } from './rows';
import { readMeta, writeMeta } from './schema';
import { summarize } from './summaries';
import type { SyncOptions, SyncReport } from './sync';
import { trace } from './trace';

/** What the sync found: the files to read, and those gone. */
export interface FoundChanges {
  stored: StoredFiles;
  pending: Pending[];
  removed: StoredFile[];
}

/** What one sync changes, gathered step by step: what the later steps recompute. */
interface Changes {
  /** The store was empty: everything is new, nothing needs undoing. */
  fresh: boolean;
  /** Conversations whose messages changed. */
  touched: Set<string>;
  /** Segments whose hidden bytes changed (saved at the end). */
  changedSegments: Set<LiveSegment>;
  /** Ids of rows deleted in this sync. */
  deletedNow: Set<number>;
  /** Content keys and references of rows deleted or added: where copies may have changed. */
  scopeKeys: Set<number>;
  scopeRefs: Set<number>;
  /** Segments written in this sync. */
  added: LiveSegment[];
}

export async function applyChanges(
  db: DatabaseSync,
  report: SyncReport,
  found: FoundChanges,
  options: SyncOptions,
  named: string,
): Promise<void> {
  const changes: Changes = {
    fresh: found.stored.size === 0,
    touched: new Set(),
    changedSegments: new Set(),
    deletedNow: new Set(),
    scopeKeys: new Set(),
    scopeRefs: new Set(),
    added: [],
  };
  forgetOld(db, report, changes, found, options.merges);
  await readNew(db, report, changes, found, options);
  recompute(db, report, changes, options, named);
  report.changed = found.pending.length + found.removed.length;
  report.conversations = [...changes.touched].sort(compareStrings);
}

/** Old rows of changed and removed files are deleted (they wait for compaction). */
function forgetOld(
  db: DatabaseSync,
  report: SyncReport,
  changes: Changes,
  { stored, pending, removed }: FoundChanges,
  merges: ReadonlyMap<string, string>,
): void {
  const replaced = [...pending.map((entry) => stored.get(entry.path)), ...removed].filter(
    (file): file is StoredFile => file !== undefined,
  );
  // A file read again after a merge or a separation leaves the conversation it was counted in
  // (under the merges stored before) as well as joining its new one.
  const before = new Map(JSON.parse(readMeta(db, 'merges') ?? '[]') as [string, string][]);
  for (const file of replaced) {
    for (const conversation of JSON.parse(file.conversations) as FileConversation[]) {
      changes.touched.add(before.get(conversation.id) ?? conversation.id);
      changes.touched.add(merges.get(conversation.id) ?? conversation.id);
    }
    for (const base of JSON.parse(file.segments) as number[]) {
      const live = report.segments.find((segment) => segment.segment.base === base);
      if (!live) continue;
      deleteRowsOf(live, file.path, changes.deletedNow, changes.scopeKeys, changes.scopeRefs);
      changes.changedSegments.add(live);
    }
  }
  const deleteFile = db.prepare('DELETE FROM files WHERE id = ?');
  const deleteRepeats = db.prepare('DELETE FROM repeats WHERE file = ?');
  for (const file of removed) {
    deleteFile.run(file.id);
    deleteRepeats.run(file.id);
  }
  const deleteFolded = db.prepare('DELETE FROM folded WHERE id = ? OR of = ?');
  for (const id of changes.deletedNow) deleteFolded.run(id, id);
}

/** The new and changed files, read into new segments; their records and echo candidates saved. */
async function readNew(
  db: DatabaseSync,
  report: SyncReport,
  changes: Changes,
  { stored, pending }: FoundChanges,
  options: SyncOptions,
): Promise<void> {
  // New rows, from one id counter shared with the reading worker.
  const counter = new BigInt64Array(new SharedArrayBuffer(8));
  counter[0] = BigInt(readMeta(db, 'next_base') ?? '1');
  const ingest = new Ingest({
    folder: options.folder,
    allocate: (count) => Number(Atomics.add(counter, 0, BigInt(count))),
    merges: options.merges,
  });
  const upsertFile = prepareFileWrite(db);
  let read: Awaited<ReturnType<typeof readFiles>>;
  try {
    read = await readFiles(pending, stored, ingest, counter, upsertFile, options);
    trace('read');
    await ingest.settle();
  } finally {
    ingest.stopWriting();
  }
  trace('flushed');
  const recorders = read.recorded;
  ingest.repeats.push(...read.repeats);
  ingest.segments.push(...read.segments);
  report.read = pending.length;
  const openAdded = () => {
    for (const written of ingest.segments.splice(0)) {
      const live: LiveSegment = {
        segment: new Segment(segmentPath(options.folder, written.base)),
        hidden: new Uint8Array(written.count),
      };
      changes.added.push(live);
      report.segments.push(live);
    }
    report.segments.sort((a, b) => a.segment.base - b.segment.base);
  };
  openAdded();
  // Messages of undated files wait for the dated copies they follow (align.ts).
  const waiting = recorders.flatMap((recorder) =>
    recorder.pendingMessages.map((message) => ({ recorder, message })),
  );
  if (waiting.length > 0) {
    placeUndated(waiting, report.segments, ingest);
    trace('placed');
    openAdded();
  }
  writeMeta(db, 'next_base', String(counter[0]));
  const insertSegment = db.prepare(
    'INSERT INTO segments (base, count, hidden) VALUES (?, ?, NULL)',
  );
  for (const live of changes.added) {
    insertSegment.run(live.segment.base, live.segment.count);
    changes.changedSegments.add(live);
    if (changes.fresh) continue;
    const keys = live.segment.file.section<Float64Array>('keys.sorted');
    const refs = live.segment.file.section<Float64Array>('refs');
    for (let i = 0; i < keys.length; i++) changes.scopeKeys.add(Math.floor(keys[i]! / 2 ** 21));
    for (let i = 0; i < refs.length; i++) changes.scopeRefs.add(Math.floor(refs[i]! / 2 ** 21));
  }
  for (const recorder of recorders) {
    upsertFile(recorder.id, recorder.record, recorder.source);
    for (const conversation of recorder.record.conversations)
      changes.touched.add(options.merges.get(conversation.id) ?? conversation.id);
  }
  const insertRepeat = db.prepare(
    'INSERT OR REPLACE INTO repeats (conversation, file, first, second, first_speaker, second_speaker, substantive) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const repeat of ingest.repeats)
    insertRepeat.run(
      repeat.conversation,
      repeat.file,
      repeat.first,
      repeat.second,
      repeat.firstSpeaker,
      repeat.secondSpeaker,
      repeat.substantive ? 1 : 0,
    );
}

/** Copies, then echoes and summaries of everything touched; hidden bytes saved; compaction. */
function recompute(
  db: DatabaseSync,
  report: SyncReport,
  changes: Changes,
  options: SyncOptions,
  named: string,
): void {
  const rows = new Rows(report.segments);
  const addedNow = new Set(changes.added);
  const scope: CopyScope = changes.fresh
    ? { keys: 'all', refs: 'all', deletedNow: changes.deletedNow, addedNow }
    : {
        keys: Float64Array.from(changes.scopeKeys).sort(),
        refs: Float64Array.from(changes.scopeRefs).sort(),
        deletedNow: changes.deletedNow,
        addedNow,
      };
  applyCopies(db, rows, scope, changes.changedSegments, changes.touched, changes.fresh);
  trace('copies');
  const info = conversationInfo(db, named, options.merges, changes.touched);
  for (const live of summarize(db, report.segments, changes.touched, info))
    changes.changedSegments.add(live);
  trace('summaries');
  const saveHidden = db.prepare('UPDATE segments SET hidden = ? WHERE base = ?');
  for (const live of changes.changedSegments)
    saveHidden.run(live.hidden.some((byte) => byte !== 0) ? live.hidden : null, live.segment.base);
  const compacted = compactSegments(db, options.folder, report.segments);
  trace('saved');
  if (compacted) {
    report.segments = compacted.segments;
    for (const conversation of compacted.conversations) changes.touched.add(conversation);
  }
  if (zoneUsed(db)) writeMeta(db, 'zone', options.timeZone());
  writeMeta(db, 'merges', JSON.stringify([...options.merges].sort()));
  writeMeta(db, 'generation', String(Date.now()));
}
