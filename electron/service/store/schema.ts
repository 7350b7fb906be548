/**
 * The store's database: what is known about the archive's files and conversations, and which
 * messages are not shown (copies, echoes, deleted rows). The messages themselves live in the
 * index segments beside it (electron/service/index/). SQL with bound parameters only; the schema
 * version is PRAGMA user_version. The store is a cache of the archive: a database that is
 * corrupt, from another version or for another folder is deleted and built again.
 */
import type { DatabaseSync } from 'node:sqlite';

/** Bumped whenever the tables or the segment format change; any other version is rebuilt. */
export const SCHEMA_VERSION = 6;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE segments (
  base INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  -- Per position one byte: 0 shown, else the Hidden bits (rows.ts). Null: all shown.
  hidden BLOB
) STRICT;
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  format TEXT,
  diagnostics TEXT NOT NULL,
  -- Message and event rows written for this file, and the segments (bases, JSON) holding them.
  messages INTEGER NOT NULL,
  events INTEGER NOT NULL,
  segments TEXT NOT NULL,
  -- Conversations (JSON ids) and companion files (JSON paths) this file's reading used.
  conversations TEXT NOT NULL,
  companions TEXT NOT NULL,
  -- 1 when its messages took their days from other files (undated cumulative exports).
  aligned INTEGER NOT NULL
) STRICT;
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  lines INTEGER NOT NULL,
  messages INTEGER NOT NULL,
  unique_messages INTEGER NOT NULL,
  events INTEGER NOT NULL,
  days INTEGER NOT NULL,
  speakers INTEGER NOT NULL,
  first TEXT NOT NULL,
  last TEXT NOT NULL,
  last_time TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE days (
  conversation TEXT NOT NULL, day TEXT NOT NULL, messages INTEGER NOT NULL,
  events INTEGER NOT NULL, PRIMARY KEY (conversation, day)
) STRICT, WITHOUT ROWID;
CREATE TABLE speakers (
  conversation TEXT NOT NULL, name TEXT NOT NULL, messages INTEGER NOT NULL, first TEXT NOT NULL,
  last TEXT NOT NULL, person TEXT NOT NULL, PRIMARY KEY (conversation, name)
) STRICT, WITHOUT ROWID;
CREATE TABLE persons (
  conversation TEXT NOT NULL, id TEXT NOT NULL, names TEXT NOT NULL, messages INTEGER NOT NULL,
  evidence INTEGER NOT NULL, PRIMARY KEY (conversation, id)
) STRICT, WITHOUT ROWID;
-- Pairs of messages of one file in the same second with the same text under two names: the
-- exporter's echoes, which tell which names are one person (store/persons.ts).
CREATE TABLE repeats (
  conversation TEXT NOT NULL, file INTEGER NOT NULL, first INTEGER NOT NULL,
  second INTEGER NOT NULL, first_speaker TEXT NOT NULL, second_speaker TEXT NOT NULL,
  substantive INTEGER NOT NULL, PRIMARY KEY (second, first)
) STRICT, WITHOUT ROWID;
CREATE INDEX repeats_by_conversation ON repeats (conversation);
-- Messages not shown because another one stands for them: a copy in another file, an echo.
CREATE TABLE folded (
  id INTEGER PRIMARY KEY, of INTEGER NOT NULL, reason INTEGER NOT NULL
) STRICT;
CREATE INDEX folded_by_original ON folded (of);
-- Every folder listed by the last walk, with its modification time: while none changed, no
-- file was added, removed or renamed, and the folder need not be listed again.
-- Every folder walked: its time when last listed (-1: it could not be opened), and how many
-- files in it were not worth reading. A folder whose time is unchanged is not listed again.
-- The files' paths (UTF-8, NUL between), sizes and times (float64 arrays) as three blobs,
-- written with every change of files: what the "nothing changed" check reads (known.ts).
CREATE TABLE known (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  paths BLOB NOT NULL,
  sizes BLOB NOT NULL,
  mtimes BLOB NOT NULL
) STRICT;
CREATE TABLE folders (
  path TEXT PRIMARY KEY,
  mtime REAL NOT NULL,
  skipped INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE overlaps (
  conversation TEXT NOT NULL, other TEXT NOT NULL, shared INTEGER NOT NULL,
  PRIMARY KEY (conversation, other)
) STRICT, WITHOUT ROWID;
`;

export function createSchema(db: DatabaseSync, root: string): void {
  db.exec('BEGIN');
  db.exec(SCHEMA);
  db.prepare("INSERT INTO meta (key, value) VALUES ('root', ?)").run(root);
  db.prepare("INSERT INTO meta (key, value) VALUES ('next_base', '1')").run();
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  db.exec('COMMIT');
}

/** 'ready' when the database is this version's store of `root`, 'empty' when new, else why not. */
export function checkSchema(db: DatabaseSync, root: string): string {
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
  if (readMeta(db, 'root') !== root) return 'the store belonged to another folder';
  return 'ready';
}

export function readMeta(db: DatabaseSync, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: DatabaseSync, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}
