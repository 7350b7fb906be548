/**
 * The known table (three blobs: the files' paths, sizes and times, written by every sync that
 * changes files) and, for a store without one, the same list from the files table. What the
 * quick check (known.ts) and StoredFiles read.
 */
import type { DatabaseSync } from 'node:sqlite';
import { FIELD, forEachJoinedRow, knownList, type KnownList, ROW } from './knownRows';
import type { StoredFiles } from './known';

/**
 * Writes the known table: at the end of every sync that changed files, in its transaction, so
 * that the next check reads three blobs instead of a row per file. Given what the sync started
 * from and the paths whose rows it may have changed, only those rows are read again (a new day
 * file in 11,000: 3 ms rather than 30); otherwise, or when the count disagrees with the files
 * table, the whole files table is read.
 */
export function saveKnown(
  db: DatabaseSync,
  since?: { stored: StoredFiles; paths: Iterable<string> },
): void {
  const list = (since && knownSince(db, since.stored, since.paths)) ?? knownFromFiles(db);
  db.prepare(
    'INSERT OR REPLACE INTO known (id, count, paths, sizes, mtimes) VALUES (1, ?, ?, ?, ?)',
  ).run(
    list.paths.length,
    new TextEncoder().encode(list.paths.join('\0')),
    new Uint8Array(list.sizes.buffer),
    new Uint8Array(list.mtimes.buffer),
  );
}

/** The known files: those of `stored`, with the rows of `paths` read again (or gone). */
function knownSince(
  db: DatabaseSync,
  stored: StoredFiles,
  paths: Iterable<string>,
): KnownList | null {
  const files = new Map<string, { size: number; mtime: number }>();
  for (const path of stored.paths()) files.set(path, stored.summary(path)!);
  const select = db.prepare('SELECT size, mtime FROM files WHERE path = ?');
  for (const path of paths) {
    const row = select.get(path) as { size: number; mtime: number } | undefined;
    if (row) files.set(path, { size: row.size, mtime: row.mtime });
    else files.delete(path);
  }
  const { count } = db.prepare('SELECT count(*) AS count FROM files').get() as { count: number };
  if (count !== files.size) return null;
  const list: KnownList = {
    paths: [...files.keys()],
    sizes: new Float64Array(count),
    mtimes: new Float64Array(count),
  };
  let i = 0;
  for (const { size, mtime } of files.values()) {
    list.sizes[i] = size;
    list.mtimes[i++] = mtime;
  }
  return list;
}

/** Every stored file's path, size and time, from the files table. */
export function knownFromFiles(db: DatabaseSync): KnownList {
  const { count, joined } = knownJoined(db);
  if (joined !== null) return knownList(joined, count);
  const rows: [string, number, number][] = [];
  forEachRow(db, (path, size, mtime) => rows.push([path, size, mtime]) > 0);
  return {
    paths: rows.map((row) => row[0]),
    sizes: Float64Array.from(rows, (row) => row[1]),
    mtimes: Float64Array.from(rows, (row) => row[2]),
  };
}

/**
 * The known table as a list (its paths also as the one string they are stored as, what a stat
 * worker is sent); null when it is missing or does not add up.
 */
export function loadKnown(db: DatabaseSync): KnownList | null {
  const row = db.prepare('SELECT count, paths, sizes, mtimes FROM known WHERE id = 1').get() as
    { count: number; paths: Uint8Array; sizes: Uint8Array; mtimes: Uint8Array } | undefined;
  if (!row) return null;
  const numbers = (bytes: Uint8Array) =>
    new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const joined = new TextDecoder().decode(row.paths);
  const list = {
    paths: row.count === 0 ? [] : joined.split('\0'),
    sizes: numbers(row.sizes),
    mtimes: numbers(row.mtimes),
    joined,
  };
  const { count } = row;
  if (list.paths.length !== count || list.sizes.length !== count || list.mtimes.length !== count)
    return null;
  return list;
}

/** Every stored file's path, size, time and companions as one string (null when a name holds
 *  a separator, or there are none). */
function knownJoined(db: DatabaseSync): { count: number; joined: string | null } {
  const { count, joined } = db
    .prepare(
      `SELECT count(*) AS count, group_concat(path || char(1) || size || char(1) || mtime || char(1) || companions, char(2)) AS joined FROM files`,
    )
    .get() as { count: number; joined: string | null };
  // A name holding one of the separators (possible, if unlikely): read row by row.
  if (
    joined !== null &&
    (occurrences(joined, ROW) !== count - 1 || occurrences(joined, FIELD) !== 3 * count)
  )
    return { count, joined: null };
  return { count, joined };
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
  const { count, joined } = knownJoined(db);
  if (joined === null) {
    if (count > 0) forEachRow(db, visit);
    return;
  }
  forEachJoinedRow(joined, count, visit);
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
