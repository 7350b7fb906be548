/**
 * What the store knows of the archive's files (path, size, time, companions), and the check
 * every opening and every CLI command starts with: whether anything changed at all. The check
 * costs one stat per file and nothing else.
 */
import type { DatabaseSync } from 'node:sqlite';
import { statOrNothing } from '../files/statOrNothing';
import { forEachKnownFile, knownFromFiles, loadKnown } from './knownTable';
import { under } from '../files/plainPath';
import { readMeta } from './schema';
import { checkFiles, StatThread } from './statThread';
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

/**
 * The files the store holds. Every sync compares each file's size and time with the folder, so
 * only those are loaded up front: from the known table's blobs (and the few files that have
 * companions), else as one string from the files table. SQLite handing over 100,000 rows one
 * object at a time costs more than all the stat calls that follow. The rest of a row is read
 * when a file changed.
 */
export class StoredFiles {
  private readonly known = new Map<string, KnownFile>();
  private readonly rows = new Map<string, StoredFile>();
  private readonly select;

  constructor(db: DatabaseSync) {
    const known = loadKnown(db);
    const { count } = db.prepare('SELECT count(*) AS count FROM files').get() as { count: number };
    if (known && known.paths.length === count) {
      const companions = new Map(
        (
          db
            .prepare("SELECT path, companions FROM files WHERE companions <> '[]'")
            .all() as unknown as { path: string; companions: string }[]
        ).map((row) => [row.path, row.companions]),
      );
      const { paths, sizes, mtimes } = known;
      for (let i = 0; i < paths.length; i++)
        this.known.set(paths[i]!, {
          size: sizes[i]!,
          mtime: mtimes[i]!,
          companions: companions.get(paths[i]!) ?? '[]',
        });
    } else
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
  // Stored paths are plain ('/' between names, the root as ''): joined without path.join,
  // whose normalising cost more than the stat calls at 1,000 folders.
  const below = under(root);
  return (
    folders.length > 0 &&
    folders.every((folder) => statOrNothing(below(folder.path))?.mtimeMs === folder.mtime)
  );
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

/** From this many files on, a one-shot check starts a worker thread to share the stat calls (it
 *  takes ~100 ms to start, the time of some 12,000 calls on this machine). */
const PARALLEL_FILES = 20_000;

/**
 * Whether the folder is as the store last read it: no folder's time changed (so no file came or
 * went), every file keeps its size and time, and the zone and merges are those used. No object
 * per file: this is what opening an unchanged archive and every CLI command cost, at 100,000
 * files. A worker thread takes chunks of the same list (statThread.ts): the app's kept one, or
 * from PARALLEL_FILES on one started for this check.
 */
export function nothingChanged(db: DatabaseSync, root: string, options: SyncOptions): boolean {
  if (!foldersUnchanged(db, root)) return false;
  const settings = settingsChanged(db, options);
  if (settings.zone || settings.merges) return false;
  const row = db.prepare('SELECT count FROM known WHERE id = 1').get() as
    { count: number } | undefined;
  if (row?.count === 0) return true;
  // Started first: it boots (~100 ms) while the list is read.
  const started =
    !options.statThread && (row?.count ?? 0) >= PARALLEL_FILES ? StatThread.start() : null;
  try {
    // No known row that adds up (it is written by every sync that changes files): the files
    // table itself.
    const list = loadKnown(db) ?? knownFromFiles(db);
    return !checkFiles(list, root, options.statThread ?? started);
  } finally {
    started?.close();
  }
}

/** Whether any stored file is of a format whose times depend on the archive's zone. */
export function zoneUsed(db: DatabaseSync): boolean {
  return (
    db.prepare("SELECT 1 FROM files WHERE format IN ('slack', 'telegram') LIMIT 1").get() !==
    undefined
  );
}
