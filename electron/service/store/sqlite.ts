/**
 * node:sqlite, loaded on first use. Node 22 prints "ExperimentalWarning: SQLite is an
 * experimental feature" when the module loads; every `scrollback` command would show it on
 * stderr (where users read our own messages), so that one warning is held back. Loading on
 * first use also keeps commands that never open a store from loading SQLite at all.
 */
import type { DatabaseSync, DatabaseSyncOptions } from 'node:sqlite';

let sqlite: typeof import('node:sqlite') | null = null;

function load(): typeof import('node:sqlite') {
  if (sqlite) return sqlite;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    sqlite = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
  return sqlite;
}

export function openSqlite(path: string, options?: DatabaseSyncOptions): DatabaseSync {
  const { DatabaseSync: Database } = load();
  return options ? new Database(path, options) : new Database(path);
}
