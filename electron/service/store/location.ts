/**
 * Where the store of an archive lives: in a per-user cache folder, never inside the archive
 * (which is never written). One database per archive root, named by a hash of the resolved path.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user cache folder for Scrollback. */
export function defaultCacheDir(): string {
  const env = process.env;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Scrollback');
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'Scrollback', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'scrollback');
}

export interface StorePaths {
  database: string;
  /** The search index snapshot beside the database. */
  index: string;
}

export function storePaths(cacheDir: string, root: string): StorePaths {
  const name = createHash('sha256').update(root).digest('hex').slice(0, 24);
  return { database: join(cacheDir, `${name}.sqlite`), index: join(cacheDir, `${name}.index`) };
}
