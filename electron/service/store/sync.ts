/**
 * Brings the store up to date with the archive folder. Every file is listed and stat'ed; only
 * files that are new, changed (size or time), whose companions changed, or whose conversation
 * was merged or unmerged since, are read. A changed file's old rows are marked deleted and its
 * new rows go into a new segment, so a change costs time in proportion to the files it touches;
 * then copies, echoes and summaries are recomputed for what those files touch.
 */
import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { alignDays, isDayWrap } from '../../../shared/archive/align';
import { compareStrings } from '../../../shared/archive/compare';
import type { Diagnostic } from '../../../shared/model';
import { baseName, ZIP_SEPARATOR } from '../../../shared/readers/paths';
import { isCandidatePath } from '../../../shared/readers/registry';
import { Segment } from '../index/segment';
import { ArchiveError, checkArchiveFolder } from '../archiveFolder';
import { describeError, walkArchive, type WalkEntry } from '../walk';
import { compactSegments } from './compact';
import { findCopies, type CopyScope } from './copies';
import { Ingest, type FileConversation, type FileRecord, type PendingMessage } from './ingest';
import { hash32 } from './keys';
import { segmentPath } from './location';
import { Hidden, loadSegments, Rows, type LiveSegment } from './rows';
import { isBusyError } from './database';
import { readMeta, writeMeta } from './schema';
import { fileHash, readSource } from './sources';
import { summarize, type ConversationInfo } from './summaries';

export interface SyncOptions {
  root: string;
  folder: string;
  /** The archive's zone for instants, looked up only when needed. */
  timeZone: () => string;
  merges: ReadonlyMap<string, string>;
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

interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime: number;
  hash: string;
  segments: string;
  conversations: string;
  companions: string;
}

/** How many files are read at once: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 4;

export async function syncStore(
  db: DatabaseSync,
  current: readonly LiveSegment[],
  options: SyncOptions,
): Promise<SyncReport> {
  const { root } = options;
  await checkArchiveFolder(root);
  const { candidates, skipped, problems } = await listArchive(db, root);
  const report: SyncReport = {
    skipped,
    problems,
    read: 0,
    changed: 0,
    conversations: [],
    segments: [...current],
    reloaded: false,
  };
  let { stored, pending, removed } = await findChanges(db, candidates, options);
  if (pending.length === 0 && removed.length === 0) return report;

  // Another Scrollback may be writing this store (the app beside the CLI): wait for it, then
  // look again at what it left, since it may have read the same changes.
  const generation = readMeta(db, 'generation');
  await beginWriting(db);
  try {
    if (readMeta(db, 'generation') !== generation) {
      report.segments = loadSegments(db, options.folder, current);
      report.reloaded = true;
      ({ stored, pending, removed } = await findChanges(db, candidates, options));
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
    for (const file of replaced) {
      for (const conversation of JSON.parse(file.conversations) as FileConversation[])
        touched.add(options.merges.get(conversation.id) ?? conversation.id);
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

    // New rows.
    let nextBase = Number(readMeta(db, 'next_base') ?? '1');
    const ingest = new Ingest({
      folder: options.folder,
      allocate: (count) => {
        const base = nextBase;
        nextBase += count;
        return base;
      },
      merges: options.merges,
    });
    const upsertFile = prepareFileWrite(db);
    const recorders = await readFiles(pending, stored, ingest, upsertFile, options);
    report.read = pending.length;
    ingest.flush();
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
    };
    openAdded();
    if (waiting.length > 0) {
      placeUndated(waiting, report.segments, ingest);
      ingest.flush();
      openAdded();
    }
    writeMeta(db, 'next_base', String(nextBase));
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
      upsertFile(recorder.stored, recorder.record, recorder.source);
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
    const info = conversationInfo(db, root, options.merges);
    for (const live of summarize(db, report.segments, touched, info)) changedSegments.add(live);
    const saveHidden = db.prepare('UPDATE segments SET hidden = ? WHERE base = ?');
    for (const live of changedSegments)
      saveHidden.run(
        live.hidden.some((byte) => byte !== 0) ? live.hidden : null,
        live.segment.base,
      );
    const compacted = compactSegments(db, options.folder, report.segments);
    if (compacted) {
      report.segments = compacted.segments;
      for (const conversation of compacted.conversations) touched.add(conversation);
    }
    if (zoneUsed(db)) writeMeta(db, 'zone', options.timeZone());
    writeMeta(db, 'merges', JSON.stringify([...options.merges].sort()));
    writeMeta(db, 'generation', String(Date.now()));
    db.exec('COMMIT');
    report.changed = pending.length + removed.length;
    report.conversations = [...touched].sort(compareStrings);
    return report;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * The archive's files worth reading. While no folder's modification time changed, no file was
 * added, removed or renamed (as git's untracked cache reasons), and the files are those of the
 * last listing; otherwise the folder is walked again.
 */
async function listArchive(
  db: DatabaseSync,
  root: string,
): Promise<{ candidates: WalkEntry[]; skipped: number; problems: Diagnostic[] }> {
  const folders = db.prepare('SELECT path, mtime FROM folders').all() as unknown as {
    path: string;
    mtime: number;
  }[];
  const unchanged =
    folders.length > 0 &&
    folders.every((folder) => {
      try {
        return lstatSync(join(root, folder.path)).mtimeMs === folder.mtime;
      } catch {
        return false;
      }
    });
  if (unchanged) {
    const paths = db.prepare('SELECT path FROM files').all() as unknown as { path: string }[];
    return {
      candidates: paths.map(({ path }) => ({ path, absolute: join(root, path) })),
      skipped: Number(readMeta(db, 'skipped') ?? '0'),
      problems: JSON.parse(readMeta(db, 'walk_problems') ?? '[]') as Diagnostic[],
    };
  }
  const problems: Diagnostic[] = [];
  const listed: string[] = [];
  let entries: WalkEntry[];
  try {
    entries = await walkArchive(
      root,
      (problem) => problems.push(problem),
      (path) => listed.push(path),
    );
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive folder "${root}": ${describeError(error)}.`);
  }
  const candidates = entries.filter((entry) => isCandidatePath(entry.path));
  const skipped = entries.length - candidates.length;
  // Kept at once (its own small transaction): even when no file changed, the next listing
  // should find these folders unchanged.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('DELETE FROM folders');
    const insert = db.prepare('INSERT INTO folders (path, mtime) VALUES (?, ?)');
    for (const path of listed) {
      try {
        insert.run(path, lstatSync(join(root, path)).mtimeMs);
      } catch {
        // Gone since: the next sync walks again.
      }
    }
    writeMeta(db, 'skipped', String(skipped));
    writeMeta(db, 'walk_problems', JSON.stringify(problems));
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { candidates, skipped, problems };
}

/** What the store holds of the folder's files, and what changed since. */
async function findChanges(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  options: SyncOptions,
): Promise<{
  stored: Map<string, StoredFile>;
  pending: Pending[];
  removed: StoredFile[];
}> {
  const stored = new Map(
    (
      db
        .prepare(
          'SELECT id, path, size, mtime, hash, segments, conversations, companions FROM files',
        )
        .all() as unknown as StoredFile[]
    ).map((file) => [file.path, file]),
  );
  const pending = await changedFiles(db, candidates, stored, options);
  const present = new Set(candidates.map((entry) => entry.path));
  const removed = [...stored.values()].filter((file) => !present.has(file.path));
  return { stored, pending, removed };
}

/** Takes the store's write lock, waiting while another Scrollback holds it. */
async function beginWriting(db: DatabaseSync): Promise<void> {
  const giveUp = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusyError(error) || Date.now() > giveUp) throw error;
      // busy_timeout waited already; let the event loop breathe before trying again.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** `pending` less the files whose bytes did not change (only their times did): those are noted. */
async function withoutTouched(
  db: DatabaseSync,
  pending: readonly Pending[],
  stored: ReadonlyMap<string, StoredFile>,
): Promise<Pending[]> {
  const touch = db.prepare('UPDATE files SET size = ?, mtime = ? WHERE id = ?');
  const out: Pending[] = [];
  for (const entry of pending) {
    const known = stored.get(entry.path);
    // A change of companions, zone or merges reads a file again even when its bytes are the same.
    if (!known || known.hash === '' || entry.forced) {
      out.push(entry);
      continue;
    }
    const current = await fileHash(entry.absolute);
    if (current === null || current.hash !== known.hash) out.push(entry);
    else touch.run(current.size, current.mtime, known.id);
  }
  return out;
}

/** A file to read, and whether only something it depends on changed (not its own bytes). */
interface Pending extends WalkEntry {
  forced: boolean;
}

/** The candidates to read: new, changed, or depending on something that changed. */
async function changedFiles(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: ReadonlyMap<string, StoredFile>,
  options: SyncOptions,
): Promise<Pending[]> {
  if (stored.size === 0) return candidates.map((entry) => ({ ...entry, forced: false }));
  const storedZone = readMeta(db, 'zone');
  const zoneChanged = storedZone !== null && zoneUsed(db) && storedZone !== options.timeZone();
  const previousMerges = new Map<string, string>(
    JSON.parse(readMeta(db, 'merges') ?? '[]') as [string, string][],
  );
  const changedPaths = new Set<string>();
  const present = new Set(candidates.map((entry) => entry.path));
  // One stat per file, synchronously: for thousands of small calls it is several times faster
  // than Node's thread pool.
  const stats = candidates.map((entry) => {
    const known = stored.get(entry.path);
    if (!known) return true;
    try {
      const info = lstatSync(entry.absolute);
      return known.size !== info.size || known.mtime !== Math.round(info.mtimeMs);
    } catch {
      return true;
    }
  });
  candidates.forEach((entry, index) => {
    if (stats[index]) changedPaths.add(entry.path);
  });
  const pending: Pending[] = [];
  for (const entry of candidates) {
    const known = stored.get(entry.path);
    if (changedPaths.has(entry.path) || !known) {
      pending.push({ ...entry, forced: false });
      continue;
    }
    const companions = JSON.parse(known.companions) as string[];
    const conversations = JSON.parse(known.conversations) as FileConversation[];
    const reread =
      companions.some(
        (companion) =>
          changedPaths.has(companion) || (stored.has(companion) && !present.has(companion)),
      ) ||
      conversations.some(
        (conversation) =>
          (options.merges.get(conversation.id) ?? conversation.id) !==
          (previousMerges.get(conversation.id) ?? conversation.id),
      ) ||
      (zoneChanged && conversations.some((c) => c.format === 'slack' || c.format === 'telegram'));
    if (reread) pending.push({ ...entry, forced: true });
  }
  return pending;
}

/** Whether any stored file is of a format whose times depend on the archive's zone. */
function zoneUsed(db: DatabaseSync): boolean {
  return (
    db.prepare("SELECT 1 FROM files WHERE format IN ('slack', 'telegram') LIMIT 1").get() !==
    undefined
  );
}

/** Marks the rows of `path` (and of its zip entries) deleted; notes their keys. */
function deleteRowsOf(
  live: LiveSegment,
  path: string,
  deleted: Set<number>,
  keys: Set<number>,
  refs: Set<number>,
): void {
  const { segment } = live;
  const paths = segment.names().paths;
  const mine = paths.map((p) => p === path || p.startsWith(`${path}${ZIP_SEPARATOR}`));
  if (!mine.includes(true)) return;
  const file = segment.file.section<Uint32Array>('file');
  const key = segment.file.section<Uint32Array>('key');
  for (let position = 0; position < segment.count; position++) {
    if (!mine[file[position]!]) continue;
    live.hidden[position]! |= Hidden.deleted;
    deleted.add(segment.base + position);
    keys.add(key[position]!);
  }
  const sortedRefs = segment.file.section<Float64Array>('refs');
  for (let i = 0; i < sortedRefs.length; i++) {
    const position = sortedRefs[i]! % 2 ** 21;
    if (mine[file[position]!]) refs.add(Math.floor(sortedRefs[i]! / 2 ** 21));
  }
}

interface Recorded {
  record: FileRecord;
  stored: StoredFile | undefined;
  source: { size: number; mtime: number; hash: string };
  pendingMessages: PendingMessage[];
  /** Adds a waiting message once its day is known. */
  placed: (entry: PendingMessage, day: string) => void;
}

async function readFiles(
  pending: readonly { path: string; absolute: string }[],
  stored: ReadonlyMap<string, StoredFile>,
  ingest: Ingest,
  upsertFile: ReturnType<typeof prepareFileWrite>,
  options: SyncOptions,
): Promise<Recorded[]> {
  const results: Recorded[] = new Array(pending.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < pending.length) {
      const index = next++;
      const entry = pending[index]!;
      const known = stored.get(entry.path);
      // A file's id is kept when it changes, so its repeats and records stay its own.
      const id = known?.id ?? upsertFile.reserve(entry.path);
      const recorder = ingest.file(id, entry.path);
      if (known) upsertFile.clearRepeats(id);
      const sources = new Map<string, ReturnType<typeof recorder.source>>();
      const result = await readSource(entry.path, options, (path) => {
        const source = recorder.source(path);
        sources.set(path, source);
        return source;
      });
      recorder.record.companions = result.companions;
      results[index] = {
        record: recorder.record,
        stored: known ?? ({ id } as StoredFile),
        source: { size: result.size, mtime: result.mtime, hash: result.hash },
        pendingMessages: recorder.finish(),
        placed: (entry, day) =>
          sources.get(entry.path)?.addPlaced(entry.conversation, entry.message, day),
      };
      options.onProgress?.(++done, pending.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, pending.length) }, worker));
  return results;
}

/**
 * Places the messages of undated files that span many days (store/align.ts): each conversation's
 * dated messages are looked up by time, speaker and text.
 */
function placeUndated(
  waiting: readonly { recorder: Recorded; message: PendingMessage }[],
  segments: readonly LiveSegment[],
  ingest: Ingest,
): void {
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
        if (day) recorder.placed(entry, day);
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
  void ingest;
}

/** Writes the copy state of the rows looked at, and the overlap counts. */
function applyCopies(
  db: DatabaseSync,
  rows: Rows,
  scope: CopyScope,
  changedSegments: Set<LiveSegment>,
  touched: Set<string>,
  fresh: boolean,
): void {
  const result = findCopies(rows, scope);
  const clear = db.prepare('DELETE FROM folded WHERE id = ? AND reason = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO folded (id, of, reason) VALUES (?, ?, ?)');
  for (const id of result.examined) {
    const found = rows.find(id);
    if (!found) continue;
    const { live, position } = found;
    const was = (live.hidden[position]! & Hidden.copy) !== 0;
    const of = result.copies.get(id);
    if (was) clear.run(id, Hidden.copy);
    if (of !== undefined) {
      live.hidden[position]! |= Hidden.copy;
      insert.run(id, of, Hidden.copy);
    } else live.hidden[position]! &= ~Hidden.copy;
    if (was !== (of !== undefined)) {
      changedSegments.add(live);
      touched.add(rows.conversation(live.segment, position));
    }
  }
  if (fresh) db.exec('DELETE FROM overlaps');
  const update = db.prepare(
    'INSERT INTO overlaps (conversation, other, shared) VALUES (?, ?, ?) ON CONFLICT (conversation, other) DO UPDATE SET shared = shared + excluded.shared',
  );
  for (const [pair, delta] of result.overlaps) {
    if (delta === 0) continue;
    const [a, b] = pair.split('\u0000') as [string, string];
    update.run(a, b, delta);
    update.run(b, a, delta);
  }
  db.exec('DELETE FROM overlaps WHERE shared <= 0');
}

/** Titles and formats of conversations, from what their files declared. */
function conversationInfo(
  db: DatabaseSync,
  root: string,
  merges: ReadonlyMap<string, string>,
): (conversation: string) => ConversationInfo {
  const known = new Map<string, ConversationInfo>();
  const files = db
    .prepare('SELECT path, conversations FROM files ORDER BY path')
    .all() as unknown as {
    path: string;
    conversations: string;
  }[];
  for (const file of files) {
    for (const declared of JSON.parse(file.conversations) as FileConversation[]) {
      const id = merges.get(declared.id) ?? declared.id;
      const existing = known.get(id);
      if (!existing)
        known.set(id, { title: declared.title ?? defaultTitle(id, root), format: declared.format });
      else if (declared.title !== null && existing.title === defaultTitle(id, root))
        existing.title = declared.title;
    }
  }
  return (conversation) =>
    known.get(conversation) ?? { title: defaultTitle(conversation, root), format: 'markdown' };
}

/** A folder's last name (the archive's own for its root), or a file's name without extension. */
function defaultTitle(id: string, root: string): string {
  if (id === '.') return basename(root);
  const file = id.replace(/#.*$/, '');
  const name = baseName(file);
  return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name.replace(/\.[A-Za-z0-9]{1,8}$/, '') : name;
}

function prepareFileWrite(db: DatabaseSync) {
  const insert = db.prepare(
    "INSERT INTO files (path, size, mtime, hash, kind, format, diagnostics, messages, events, segments, conversations, companions, aligned) VALUES (?, 0, 0, '', 'skipped', NULL, '[]', 0, 0, '[]', '[]', '[]', 0)",
  );
  const update = db.prepare(
    'UPDATE files SET size = ?, mtime = ?, hash = ?, kind = ?, format = ?, diagnostics = ?, messages = ?, events = ?, segments = ?, conversations = ?, companions = ?, aligned = ? WHERE id = ?',
  );
  const clearRepeats = db.prepare('DELETE FROM repeats WHERE file = ?');
  const write = (
    stored: StoredFile | undefined,
    record: FileRecord,
    source: { size: number; mtime: number; hash: string },
  ) => {
    update.run(
      source.size,
      source.mtime,
      source.hash,
      record.kind,
      record.format,
      JSON.stringify(record.diagnostics),
      record.messages,
      record.events,
      JSON.stringify(record.segments),
      JSON.stringify(record.conversations),
      JSON.stringify(record.companions),
      record.aligned ? 1 : 0,
      stored!.id,
    );
  };
  return Object.assign(write, {
    reserve: (path: string) => Number(insert.run(path).lastInsertRowid),
    clearRepeats: (id: number) => void clearRepeats.run(id),
  });
}
