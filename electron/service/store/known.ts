/**
 * What the store knows of the archive's files (path, size, time, companions), and the check
 * every opening and every CLI command starts with: whether anything changed at all. The check
 * costs one stat per file and nothing else.
 */
import { lstatSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { readMeta } from './schema';
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

/** Whether no folder's time changed since the last listing: no file came, went or was renamed. */
export function foldersUnchanged(db: DatabaseSync, root: string): boolean {
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
export function under(root: string): (path: string) => string {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return sep === '/' ? (path) => prefix + path : (path) => prefix + path.split('/').join(sep);
}

/** Whether the archive's zone or merges differ from those its files were read with. */
export function settingsChanged(db: DatabaseSync, options: SyncOptions) {
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
  // Synchronously: a worker thread sharing the calls was measured slower at 11,000 files, its
  // start and its cold code costing more than the half it took.
  forEachKnownFile(db, (path, size, mtime) => {
    const info = statOrNothing(below(path));
    same = info !== undefined && info.size === size && Math.round(info.mtimeMs) === mtime;
    return same;
  });
  return same;
}

/**
 * Calls `visit` with every stored file's path, size, time and companions, until it returns false.
 * SQLite hands them over as one string: 100,000 rows one object at a time cost more than all the
 * stat calls that follow.
 */
export function forEachKnownFile(
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

export function statOrNothing(path: string) {
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
