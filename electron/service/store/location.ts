/**
 * Where the store of an archive lives: in a per-user cache folder, never inside the archive
 * (which is never written). One folder per archive root, named by a hash of the resolved path,
 * holding the database and the index segments.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user cache folder for Scrollback (SCROLLBACK_CACHE_DIR moves it). */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.SCROLLBACK_CACHE_DIR) return env.SCROLLBACK_CACHE_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Scrollback');
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'Scrollback', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'scrollback');
}

/** The folder of an archive's store inside the cache folder. */
export function storeFolder(cacheDir: string, root: string): string {
  return join(cacheDir, createHash('sha256').update(root).digest('hex').slice(0, 24));
}

export function databasePath(folder: string): string {
  return join(folder, 'store.sqlite');
}

export function segmentPath(folder: string, base: number): string {
  return join(folder, `segment-${base}.idx`);
}
