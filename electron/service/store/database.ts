/**
 * Opening the store's database. A database that is corrupt, from another schema version or for
 * another root is deleted with its segments and made again; one that cannot be made at all (a
 * read-only or full disk) leaves the store in a temporary folder for this session. WAL mode, so
 * that a second Scrollback (the CLI beside the app) reads while the first writes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { errorMessage } from '../../../shared/errors';
import { databasePath } from './location';
import { checkSchema, createSchema } from './schema';
import { openSqlite } from './sqlite';

export interface OpenedDatabase {
  db: DatabaseSync;
  folder: string;
  /** False when the store lives in a temporary folder, removed when it closes. */
  persistent: boolean;
  /** Why the store on disk was rebuilt or not used, when it was. */
  note?: string;
}

/** SQLite's primary result codes. */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

export function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

export function isBusyError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_BUSY || code === SQLITE_LOCKED;
}

function isCorruptError(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** Opens the store in `folder` (null: a temporary one), rebuilding it when unusable. */
export function openDatabase(folder: string | null, root: string): OpenedDatabase {
  if (folder === null) return temporaryStore(root);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    return temporaryStore(root, `the cache folder could not be made (${errorMessage(error)})`);
  }
  let note: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    let db: DatabaseSync | null = null;
    try {
      db = openSqlite(databasePath(folder));
      db.exec(
        'PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;',
      );
      const state = checkSchema(db, root);
      if (state === 'empty') createSchema(db, root);
      else if (state !== 'ready') throw new StaleStore(state);
      return { db, folder, persistent: true, ...(note ? { note } : {}) };
    } catch (error) {
      closeQuietly(db);
      if (isBusyError(error))
        return temporaryStore(root, 'the store is being rebuilt by another Scrollback');
      if (!(error instanceof StaleStore) && !isCorruptError(error))
        return temporaryStore(root, `the store could not be opened (${errorMessage(error)})`);
      note =
        error instanceof StaleStore
          ? error.message
          : `the store was unreadable (${errorMessage(error)})`;
    }
    // From another version, for another root, or damaged: start from nothing.
    try {
      clearFolder(folder);
    } catch (error) {
      return temporaryStore(root, `the store could not be replaced (${errorMessage(error)})`);
    }
  }
  return temporaryStore(root, note);
}

class StaleStore extends Error {}

function temporaryStore(root: string, note?: string): OpenedDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'scrollback-store-'));
  const db = openSqlite(databasePath(folder));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
  createSchema(db, root);
  return { db, folder, persistent: false, ...(note ? { note } : {}) };
}

/** Removes every file of a store folder (its database and segments). */
export function clearFolder(folder: string): void {
  for (const name of readdirSync(folder))
    rmSync(join(folder, name), { force: true, recursive: true });
}

export function closeQuietly(db: DatabaseSync | null): void {
  try {
    db?.close();
  } catch {
    // Closing a connection that failed half-way may fail too; nothing is left to release.
  }
}
