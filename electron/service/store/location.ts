/**
 * Where the store of an archive lives: in a per-user cache folder, never inside the archive
 * (which is never written). One folder per archive root, named by a hash of the resolved path,
 * holding the database and the index segments.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
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

/**
 * The folder of an archive's store inside the cache folder. SHA-256 in JavaScript: loading
 * node:crypto would cost every one-shot command 6-10 ms, more than the whole check of a small
 * archive.
 */
export function storeFolder(cacheDir: string, root: string): string {
  return join(cacheDir, bytesToHex(sha256(new TextEncoder().encode(root))).slice(0, 24));
}

export function databasePath(folder: string): string {
  return join(folder, 'store.sqlite');
}

export function segmentPath(folder: string, base: number): string {
  return join(folder, `segment-${base}.idx`);
}
