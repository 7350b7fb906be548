/**
 * The store's schema and how a database file is opened. The store is a cache of the archive,
 * so a database that is corrupt, from another schema version or for another root is deleted and
 * built again; one locked by another process is left alone and the caller works in memory.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { openSqlite } from './sqlite';
import { errorMessage } from '../../../shared/errors';

/** Bumped whenever the tables change; any other version in PRAGMA user_version is rebuilt. */
export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT,
  title TEXT,
  conversation TEXT NOT NULL,
  diagnostics TEXT NOT NULL,
  -- The file's messages are the rows [first_message, first_message + messages) of messages:
  -- written together, so no index on messages.file is needed (it would slow every insert).
  first_message INTEGER NOT NULL,
  messages INTEGER NOT NULL
) STRICT;
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  file INTEGER NOT NULL REFERENCES files (id),
  time TEXT NOT NULL,
  speaker TEXT NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL,
  features INTEGER NOT NULL,
  echo_of INTEGER
) STRICT;
CREATE TABLE conversations (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, messages INTEGER NOT NULL, days INTEGER NOT NULL,
  speakers INTEGER NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE days (
  conversation TEXT NOT NULL, day TEXT NOT NULL, messages INTEGER NOT NULL, PRIMARY KEY (conversation, day)
) STRICT, WITHOUT ROWID;
CREATE TABLE speakers (
  conversation TEXT NOT NULL, name TEXT NOT NULL, messages INTEGER NOT NULL, first TEXT NOT NULL,
  last TEXT NOT NULL, card TEXT NOT NULL, person TEXT NOT NULL, PRIMARY KEY (conversation, name)
) STRICT, WITHOUT ROWID;
CREATE TABLE persons (
  conversation TEXT NOT NULL, id TEXT NOT NULL, names TEXT NOT NULL, messages INTEGER NOT NULL,
  evidence INTEGER NOT NULL, PRIMARY KEY (conversation, id)
) STRICT, WITHOUT ROWID;
`;

export interface OpenedDatabase {
  db: DatabaseSync;
  /** False when the store lives in memory only (the file was locked or could not be made). */
  persistent: boolean;
  /** Why the file on disk was not used as it was, when it was not (for the log and tests). */
  note?: string;
}

/** SQLite's primary result codes that mean "this file is damaged or not a database". */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

export function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

export function isLockedError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_BUSY || code === SQLITE_LOCKED;
}

export function isCorruptError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** Opens (creating, or rebuilding when unusable) the store of `root` at `path`. */
export function openDatabase(
  path: string,
  root: string,
  extraFiles: readonly string[] = [],
): OpenedDatabase {
  try {
    mkdirSync(dirnameOf(path), { recursive: true });
  } catch (error) {
    return {
      db: createMemoryDatabase(root),
      persistent: false,
      note: `the cache folder could not be made (${describe(error)})`,
    };
  }
  let note: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    let db: DatabaseSync | null = null;
    try {
      db = openSqlite(path);
      // Exclusive locking: another Scrollback opening the same archive finds it locked and works
      // in memory rather than writing over this one's rows.
      db.exec(
        'PRAGMA busy_timeout = 0; PRAGMA page_size = 16384; PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;',
      );
      const state = checkDatabase(db, root);
      if (state === 'ready') return { db, persistent: true, ...(note ? { note } : {}) };
      if (state === 'empty') {
        createSchema(db, root);
        return { db, persistent: true, ...(note ? { note } : {}) };
      }
      note = state;
    } catch (error) {
      closeQuietly(db);
      if (isLockedError(error))
        return {
          db: createMemoryDatabase(root),
          persistent: false,
          note: 'the store is in use by another Scrollback',
        };
      // Only a damaged file is deleted; anything else (permissions, a full disk) leaves it be.
      if (!isCorruptError(error))
        return {
          db: createMemoryDatabase(root),
          persistent: false,
          note: `the store could not be opened (${describe(error)})`,
        };
      db = null;
      note = `the store was unreadable (${describe(error)})`;
    }
    // From another version, for another root, or damaged: delete it and start from nothing.
    try {
      db?.close();
      removeStoreFiles(path, extraFiles);
    } catch (error) {
      return {
        db: createMemoryDatabase(root),
        persistent: false,
        note: `the store could not be replaced (${describe(error)})`,
      };
    }
  }
  return { db: createMemoryDatabase(root), persistent: false, ...(note ? { note } : {}) };
}

function closeQuietly(db: DatabaseSync | null): void {
  try {
    db?.close();
  } catch {
    // Closing a connection that failed half-way may fail too; there is nothing left to release.
  }
}

function describe(error: unknown): string {
  return errorMessage(error);
}

/** 'ready' when the database is this version's store of `root`, 'empty' when new, else why not. */
function checkDatabase(db: DatabaseSync, root: string): string {
  const version = Number(
    (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
  );
  const tables = Number(
    (
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      }
    ).n,
  );
  if (version === 0 && tables === 0) return 'empty';
  if (version !== SCHEMA_VERSION)
    return `the store had schema version ${version}, this build uses ${SCHEMA_VERSION}`;
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'root'").get() as
    { value: string } | undefined;
  if (stored?.value !== root) return 'the store belonged to another folder';
  return 'ready';
}

export function createMemoryDatabase(root: string): DatabaseSync {
  const db = openSqlite(':memory:');
  createSchema(db, root);
  return db;
}

function createSchema(db: DatabaseSync, root: string): void {
  db.exec('BEGIN');
  db.exec(SCHEMA);
  db.prepare("INSERT INTO meta (key, value) VALUES ('root', ?)").run(root);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  db.exec('COMMIT');
}

function removeStoreFiles(path: string, extraFiles: readonly string[]): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, ...extraFiles])
    rmSync(file, { force: true });
}

function dirnameOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index <= 0 ? '.' : path.slice(0, index);
}
