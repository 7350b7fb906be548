/**
 * Brings the store up to date with the archive folder. Every file is listed and stat'ed; only
 * files that are new, changed (size or time), whose companions changed, or whose conversation
 * was merged or unmerged since, are read. A changed file's old rows are marked deleted and its
 * new rows go into a new segment, so a change costs time in proportion to the files it touches;
 * then copies, echoes and summaries are recomputed for what those files touch.
 */
import { realpath } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../../shared/archive/compare';
import type { Diagnostic } from '../../../shared/model';
import { Segment } from '../index/segment';
import { checkArchiveFolder } from '../archiveFolder';
import { beginWriting, findChanges, listArchive, withoutTouched } from './changes';
import { nothingChanged, StoredFiles, zoneUsed, type StoredFile } from './known';
import { compactSegments } from './compact';
import { applyCopies, type CopyScope } from './copies';
import { Ingest, type FileConversation } from './ingest';
import { segmentPath } from './location';
import { placeUndated, readFiles } from './reading';
import { conversationInfo, deleteRowsOf, prepareFileWrite } from './records';
import { loadSegments, Rows, type LiveSegment } from './rows';
import { readMeta, writeMeta } from './schema';
import { summarize } from './summaries';
import { trace } from './trace';

export interface SyncOptions {
  root: string;
  folder: string;
  /** The archive's zone for instants, looked up only when needed. */
  timeZone: () => string;
  merges: ReadonlyMap<string, string>;
  /**
   * The store's generation the caller's segments reflect: when another process (the app beside
   * the CLI) has changed the store since, the segments are read again before anything else.
   */
  generation?: string | null | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface SyncReport {
  /** Files not worth reading (images, HTML...), counted as skipped. */
  skipped: number;
  /** Problems of the folder walk, which belong to no stored file. */
  problems: Diagnostic[];
  /** Files read during this sync. */
  read: number;
  /** Files whose rows were added, replaced or removed. */
  changed: number;
  /** Conversations whose messages changed: what a live refresh redraws. */
  conversations: string[];
  /** Segments after the sync. */
  segments: LiveSegment[];
  /** Whether another process changed the store meanwhile (the segments were read again). */
  reloaded: boolean;
}

export async function syncStore(
  db: DatabaseSync,
  current: readonly LiveSegment[],
  options: SyncOptions,
): Promise<SyncReport> {
  await checkArchiveFolder(options.root);
  // The folder as the user named it (its name titles a conversation at its root).
  const named = options.root;
  // Files are opened below the root's real path, and must be found exactly there (a folder
  // swapped for a link meanwhile is refused: files/safeOpen.ts).
  const root = await realpath(options.root);
  options = { ...options, root };
  const reloaded =
    options.generation !== undefined && readMeta(db, 'generation') !== options.generation;
  if (reloaded) current = loadSegments(db, options.folder, current);
  // The common case, checked without listing anything: nothing changed.
  if (current.length > 0 && nothingChanged(db, root, options)) {
    trace('nothing changed');
    return {
      skipped: Number(readMeta(db, 'skipped') ?? '0'),
      problems: JSON.parse(readMeta(db, 'walk_problems') ?? '[]') as Diagnostic[],
      read: 0,
      changed: 0,
      conversations: [],
      segments: [...current],
      reloaded,
    };
  }
  let stored = new StoredFiles(db);
  trace('stored files loaded');
  const { candidates, skipped, problems } = await listArchive(db, root, stored);
  trace('listed');
  const report: SyncReport = {
    skipped,
    problems,
    read: 0,
    changed: 0,
    conversations: [],
    segments: [...current],
    reloaded,
  };
  let { pending, removed } = await findChanges(db, candidates, stored, options);
  trace('checked');
  if (pending.length === 0 && removed.length === 0) return report;

  // Another Scrollback may be writing this store (the app beside the CLI): wait for it, then
  // look again at what it left, since it may have read the same changes.
  const generation = readMeta(db, 'generation');
  await beginWriting(db);
  try {
    if (readMeta(db, 'generation') !== generation) {
      report.segments = loadSegments(db, options.folder, current);
      report.reloaded = true;
      stored = new StoredFiles(db);
      ({ pending, removed } = await findChanges(db, candidates, stored, options));
      if (pending.length === 0 && removed.length === 0) {
        db.exec('COMMIT');
        return report;
      }
    }
    // Files only touched (a checkout, a backup tool) keep their rows and ids.
    pending = await withoutTouched(db, pending, stored);
    if (pending.length === 0 && removed.length === 0) {
      db.exec('COMMIT');
      return report;
    }
    const fresh = stored.size === 0;
    const touched = new Set<string>();
    const changedSegments = new Set<LiveSegment>();
    const deletedNow = new Set<number>();
    const scopeKeys = new Set<number>();
    const scopeRefs = new Set<number>();
    // Old rows of changed and removed files are deleted (they wait for compaction).
    const replaced = [...pending.map((entry) => stored.get(entry.path)), ...removed].filter(
      (file): file is StoredFile => file !== undefined,
    );
    // A file read again after a merge or a separation leaves the conversation it was counted in
    // (under the merges stored before) as well as joining its new one.
    const before = new Map(JSON.parse(readMeta(db, 'merges') ?? '[]') as [string, string][]);
    for (const file of replaced) {
      for (const conversation of JSON.parse(file.conversations) as FileConversation[]) {
        touched.add(before.get(conversation.id) ?? conversation.id);
        touched.add(options.merges.get(conversation.id) ?? conversation.id);
      }
      for (const base of JSON.parse(file.segments) as number[]) {
        const live = report.segments.find((segment) => segment.segment.base === base);
        if (!live) continue;
        deleteRowsOf(live, file.path, deletedNow, scopeKeys, scopeRefs);
        changedSegments.add(live);
      }
    }
    const deleteFile = db.prepare('DELETE FROM files WHERE id = ?');
    const deleteRepeats = db.prepare('DELETE FROM repeats WHERE file = ?');
    for (const file of removed) {
      deleteFile.run(file.id);
      deleteRepeats.run(file.id);
    }
    const deleteFolded = db.prepare('DELETE FROM folded WHERE id = ? OR of = ?');
    for (const id of deletedNow) deleteFolded.run(id, id);

    // New rows, from one id counter shared with the reading worker.
    const counter = new BigInt64Array(new SharedArrayBuffer(8));
    counter[0] = BigInt(readMeta(db, 'next_base') ?? '1');
    const ingest = new Ingest({
      folder: options.folder,
      allocate: (count) => Number(Atomics.add(counter, 0, BigInt(count))),
      merges: options.merges,
    });
    const upsertFile = prepareFileWrite(db);
    const read = await readFiles(pending, stored, ingest, counter, upsertFile, options);
    trace('read');
    const recorders = read.recorded;
    ingest.repeats.push(...read.repeats);
    ingest.segments.push(...read.segments);
    report.read = pending.length;
    ingest.flush();
    trace('flushed');
    const waiting = recorders.flatMap((recorder) =>
      recorder.pendingMessages.map((message) => ({ recorder, message })),
    );
    const added: LiveSegment[] = [];
    const openAdded = () => {
      for (const written of ingest.segments.splice(0)) {
        const live: LiveSegment = {
          segment: new Segment(segmentPath(options.folder, written.base)),
          hidden: new Uint8Array(written.count),
        };
        added.push(live);
        report.segments.push(live);
      }
      report.segments.sort((a, b) => a.segment.base - b.segment.base);
    };
    openAdded();
    if (waiting.length > 0) {
      placeUndated(waiting, report.segments, ingest);
      trace('placed');
      openAdded();
    }
    writeMeta(db, 'next_base', String(counter[0]));
    const insertSegment = db.prepare(
      'INSERT INTO segments (base, count, hidden) VALUES (?, ?, NULL)',
    );
    for (const live of added) {
      insertSegment.run(live.segment.base, live.segment.count);
      changedSegments.add(live);
      const keys = live.segment.file.section<Float64Array>('keys.sorted');
      const refs = live.segment.file.section<Float64Array>('refs');
      if (!fresh) {
        for (let i = 0; i < keys.length; i++) scopeKeys.add(Math.floor(keys[i]! / 2 ** 21));
        for (let i = 0; i < refs.length; i++) scopeRefs.add(Math.floor(refs[i]! / 2 ** 21));
      }
    }
    for (const recorder of recorders) {
      upsertFile(recorder.id, recorder.record, recorder.source);
      for (const conversation of recorder.record.conversations)
        touched.add(options.merges.get(conversation.id) ?? conversation.id);
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

    // Copies, then echoes and summaries of everything touched.
    const rows = new Rows(report.segments);
    const scope: CopyScope = fresh
      ? { keys: 'all', refs: 'all', deletedNow, addedNow: new Set(added) }
      : {
          keys: Float64Array.from(scopeKeys).sort(),
          refs: Float64Array.from(scopeRefs).sort(),
          deletedNow,
          addedNow: new Set(added),
        };
    applyCopies(db, rows, scope, changedSegments, touched, fresh);
    trace('copies');
    const info = conversationInfo(db, named, options.merges);
    for (const live of summarize(db, report.segments, touched, info)) changedSegments.add(live);
    trace('summaries');
    const saveHidden = db.prepare('UPDATE segments SET hidden = ? WHERE base = ?');
    for (const live of changedSegments)
      saveHidden.run(
        live.hidden.some((byte) => byte !== 0) ? live.hidden : null,
        live.segment.base,
      );
    const compacted = compactSegments(db, options.folder, report.segments);
    trace('saved');
    if (compacted) {
      report.segments = compacted.segments;
      for (const conversation of compacted.conversations) touched.add(conversation);
    }
    if (zoneUsed(db)) writeMeta(db, 'zone', options.timeZone());
    writeMeta(db, 'merges', JSON.stringify([...options.merges].sort()));
    writeMeta(db, 'generation', String(Date.now()));
    db.exec('COMMIT');
    trace('compacted');
    report.changed = pending.length + removed.length;
    report.conversations = [...touched].sort(compareStrings);
    return report;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
