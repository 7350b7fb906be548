/**
 * What changed in the archive folder since the store last read it. While no folder's time
 * changed, no file was added, removed or renamed, and the folder is not walked again; every
 * file is stat'ed; a file whose time changed but whose bytes did not is only noted.
 */
import { lstatSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Diagnostic } from '../../../shared/model';
import { isCandidatePath } from '../../../shared/readers/registry';
import { ArchiveError } from '../archiveFolder';
import { describeError, walkArchive, type WalkEntry } from '../walk';
import { isBusyError } from './database';
import type { FileConversation } from './ingest';
import { readMeta, writeMeta } from './schema';
import { fileHash } from './sources';
import type { SyncOptions } from './sync';

export interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime: number;
  hash: string;
  segments: string;
  conversations: string;
  companions: string;
}

/** What is checked of every stored file on every sync. */
interface KnownFile {
  size: number;
  mtime: number;
  companions: string;
}

/** Separators of the one string the files' sizes and times are read as (see StoredFiles). */
const FIELD = '\u0001';
const ROW = '\u0002';

/**
 * The files the store holds. Every sync compares each file's size and time with the folder, so
 * only those are loaded up front, and as one string: SQLite handing over 100,000 rows one object
 * at a time costs more than all the stat calls that follow. The rest of a row is read when a
 * file changed.
 */
export class StoredFiles {
  private readonly known = new Map<string, KnownFile>();
  private readonly rows = new Map<string, StoredFile>();
  private readonly select;

  constructor(db: DatabaseSync) {
    forEachKnownFile(db, (path, size, mtime, companions) => {
      this.known.set(path, { size, mtime, companions });
      return true;
    });
    this.select = db.prepare(
      'SELECT id, path, size, mtime, hash, segments, conversations, companions FROM files WHERE path = ?',
    );
  }

  get size(): number {
    return this.known.size;
  }

  has(path: string): boolean {
    return this.known.has(path);
  }

  paths(): IterableIterator<string> {
    return this.known.keys();
  }

  /** Size, time and companions, without reading the rest of the row. */
  summary(path: string): KnownFile | undefined {
    return this.known.get(path);
  }

  get(path: string): StoredFile | undefined {
    if (!this.known.has(path)) return undefined;
    let row = this.rows.get(path);
    if (!row) {
      row = this.select.get(path) as unknown as StoredFile;
      this.rows.set(path, row);
    }
    return row;
  }
}

/** A file to read, and whether only something it depends on changed (not its own bytes). */
export interface Pending extends WalkEntry {
  forced: boolean;
}

/**
 * The archive's files worth reading. While no folder's modification time changed, no file was
 * added, removed or renamed (as git's untracked cache reasons), and the files are those of the
 * last listing; otherwise the folder is walked again.
 */
export async function listArchive(
  db: DatabaseSync,
  root: string,
  stored: StoredFiles,
): Promise<{ candidates: WalkEntry[]; skipped: number; problems: Diagnostic[] }> {
  if (foldersUnchanged(db, root)) {
    const below = under(root);
    const candidates: WalkEntry[] = [];
    for (const path of stored.paths()) candidates.push({ path, absolute: below(path) });
    return {
      candidates,
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
  await beginWriting(db);
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

/** Whether no folder's time changed since the last listing: no file came, went or was renamed. */
function foldersUnchanged(db: DatabaseSync, root: string): boolean {
  const folders = db.prepare('SELECT path, mtime FROM folders').all() as unknown as {
    path: string;
    mtime: number;
  }[];
  return (
    folders.length > 0 &&
    folders.every((folder) => statOrNothing(join(root, folder.path))?.mtimeMs === folder.mtime)
  );
}

/** The absolute path of an archive-relative one, below a real path (plain names only). */
function under(root: string): (path: string) => string {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return sep === '/' ? (path) => prefix + path : (path) => prefix + path.split('/').join(sep);
}

/** Whether the archive's zone or merges differ from those its files were read with. */
function settingsChanged(db: DatabaseSync, options: SyncOptions) {
  const storedZone = readMeta(db, 'zone');
  const zone = storedZone !== null && zoneUsed(db) && storedZone !== options.timeZone();
  const previousMerges = new Map<string, string>(
    JSON.parse(readMeta(db, 'merges') ?? '[]') as [string, string][],
  );
  const merges =
    JSON.stringify([...previousMerges].sort()) !== JSON.stringify([...options.merges].sort());
  return { zone, merges, previousMerges };
}

/**
 * Whether the folder is as the store last read it: no folder's time changed (so no file came or
 * went), every file keeps its size and time, and the zone and merges are those used. One pass
 * with no object per file: this is what opening an unchanged archive costs, at 100,000 files.
 */
export function nothingChanged(db: DatabaseSync, root: string, options: SyncOptions): boolean {
  if (!foldersUnchanged(db, root)) return false;
  const settings = settingsChanged(db, options);
  if (settings.zone || settings.merges) return false;
  const below = under(root);
  let same = true;
  forEachKnownFile(db, (path, size, mtime) => {
    const info = statOrNothing(below(path));
    same = info !== undefined && info.size === size && Math.round(info.mtimeMs) === mtime;
    return same;
  });
  return same;
}

/** What changed since the store last read the folder: files to read, and files gone. */
export async function findChanges(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: StoredFiles,
  options: SyncOptions,
): Promise<{ pending: Pending[]; removed: StoredFile[] }> {
  const pending = await changedFiles(db, candidates, stored, options);
  const present = new Set(candidates.map((entry) => entry.path));
  const removed: StoredFile[] = [];
  for (const path of stored.paths()) if (!present.has(path)) removed.push(stored.get(path)!);
  return { pending, removed };
}

/**
 * Calls `visit` with every stored file's path, size, time and companions, until it returns false.
 * SQLite hands them over as one string: 100,000 rows one object at a time cost more than all the
 * stat calls that follow.
 */
function forEachKnownFile(
  db: DatabaseSync,
  visit: (path: string, size: number, mtime: number, companions: string) => boolean,
): void {
  const { count, joined } = db
    .prepare(
      `SELECT count(*) AS count, group_concat(path || char(1) || size || char(1) || mtime || char(1) || companions, char(2)) AS joined FROM files`,
    )
    .get() as { count: number; joined: string | null };
  if (joined === null) return;
  // A name holding one of the separators (possible, if unlikely): read row by row.
  if (occurrences(joined, ROW) !== count - 1 || occurrences(joined, FIELD) !== 3 * count)
    return forEachRow(db, visit);
  let start = 0;
  for (let row = 0; row < count; row++) {
    const first = joined.indexOf(FIELD, start);
    const second = joined.indexOf(FIELD, first + 1);
    const third = joined.indexOf(FIELD, second + 1);
    let end = joined.indexOf(ROW, third + 1);
    if (end === -1) end = joined.length;
    const path = joined.slice(start, first);
    const size = Number(joined.slice(first + 1, second));
    const mtime = Number(joined.slice(second + 1, third));
    if (!visit(path, size, mtime, joined.slice(third + 1, end))) return;
    start = end + 1;
  }
}

function occurrences(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

function forEachRow(
  db: DatabaseSync,
  visit: (path: string, size: number, mtime: number, companions: string) => boolean,
): void {
  for (const row of db
    .prepare('SELECT path, size, mtime, companions FROM files')
    .iterate() as unknown as Iterable<{
    path: string;
    size: number;
    mtime: number;
    companions: string;
  }>)
    if (!visit(row.path, row.size, row.mtime, row.companions)) return;
}

/** Takes the store's write lock, waiting while another Scrollback holds it. */
export async function beginWriting(db: DatabaseSync): Promise<void> {
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
export async function withoutTouched(
  db: DatabaseSync,
  pending: readonly Pending[],
  stored: StoredFiles,
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

/** The candidates to read: new, changed, or depending on something that changed. */
export async function changedFiles(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: StoredFiles,
  options: SyncOptions,
): Promise<Pending[]> {
  if (stored.size === 0) return candidates.map((entry) => ({ ...entry, forced: false }));
  // One stat per file, synchronously: for thousands of small calls it is several times faster
  // than Node's thread pool.
  const changedPaths = new Set<string>();
  for (const entry of candidates) {
    const known = stored.summary(entry.path);
    const info = known ? statOrNothing(entry.absolute) : undefined;
    if (!known || !info || known.size !== info.size || known.mtime !== Math.round(info.mtimeMs))
      changedPaths.add(entry.path);
  }
  const { zone: zoneChanged, merges: mergesChanged, previousMerges } = settingsChanged(db, options);
  const removedAny = candidates.length !== stored.size || changedPaths.size > 0;
  // Nothing changed: no file is read again (the common case, checked in one pass).
  if (changedPaths.size === 0 && !removedAny && !mergesChanged && !zoneChanged) return [];
  const present = removedAny ? new Set(candidates.map((entry) => entry.path)) : null;
  const pending: Pending[] = [];
  for (const entry of candidates) {
    const known = stored.summary(entry.path);
    if (changedPaths.has(entry.path) || !known) {
      pending.push({ ...entry, forced: false });
      continue;
    }
    // What a file depends on is looked at only when something it may depend on changed.
    const companionsChanged =
      known.companions !== '[]' &&
      (JSON.parse(known.companions) as string[]).some(
        (companion) =>
          changedPaths.has(companion) ||
          (present !== null && stored.has(companion) && !present.has(companion)),
      );
    const conversations =
      mergesChanged || zoneChanged
        ? (JSON.parse(stored.get(entry.path)!.conversations) as FileConversation[])
        : [];
    const reread =
      companionsChanged ||
      (mergesChanged &&
        conversations.some(
          (conversation) =>
            (options.merges.get(conversation.id) ?? conversation.id) !==
            (previousMerges.get(conversation.id) ?? conversation.id),
        )) ||
      (zoneChanged && conversations.some((c) => c.format === 'slack' || c.format === 'telegram'));
    if (reread) pending.push({ ...entry, forced: true });
  }
  return pending;
}

function statOrNothing(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether any stored file is of a format whose times depend on the archive's zone. */
export function zoneUsed(db: DatabaseSync): boolean {
  return (
    db.prepare("SELECT 1 FROM files WHERE format IN ('slack', 'telegram') LIMIT 1").get() !==
    undefined
  );
}
