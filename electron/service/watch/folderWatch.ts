/**
 * Live watching on Linux: one inotify watch per folder the reader visits, and none for what it
 * skips. Node's recursive fs.watch walks the whole tree synchronously and adds a watch for every
 * file and folder, hidden ones and node_modules included: a hidden folder of 210,000 files
 * blocked the event loop for seconds and used up the user's inotify watches. Here folders are
 * listed asynchronously, a folder created later is watched as it appears, one removed is
 * forgotten, and past `maxFolders` watching gives up (the caller polls instead).
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { asError } from '../../../shared/errors';
import { isSkippedFolder } from '../walk';
import { joinRelative, visitTree } from './tree';

export type WatchFunction = (
  path: string,
  options: { persistent: boolean },
  listener: (event: string, name: string | Buffer | null) => void,
) => FSWatcher;

export interface FolderWatchOptions {
  /** A changed path, relative with `/` ('' when the system did not say which). */
  onPath: (path: string) => void;
  /** A watch failed; the caller decides what happens next. */
  onError: (error: Error) => void;
  maxFolders: number;
  watch?: WatchFunction;
}

export interface FolderWatch {
  close(): void;
  /** How many folders are watched. */
  readonly folders: number;
}

/** Thrown when the archive has more folders than may be watched. */
export class TooManyFoldersError extends Error {
  constructor(readonly limit: number) {
    super(`The archive has more than ${limit} folders, more than are watched one by one.`);
  }
}

export async function watchFolders(
  root: string,
  options: FolderWatchOptions,
): Promise<FolderWatch> {
  const watch = options.watch ?? (fsWatch as WatchFunction);
  const watchers = new Map<string, FSWatcher>();
  let closed = false;

  const close = () => {
    closed = true;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };

  /** Watches `start` and the folders below it; reports their files when they are new. */
  const addTree = async (start: string, reportFiles: boolean) => {
    await visitTree(root, start, (folder, listing) => {
      if (closed) return false;
      if (!watchers.has(folder)) {
        if (watchers.size >= options.maxFolders) throw new TooManyFoldersError(options.maxFolders);
        watchers.set(folder, watchFolder(folder));
      }
      if (reportFiles) for (const name of listing.files) options.onPath(joinRelative(folder, name));
      return true;
    });
  };

  const watchFolder = (folder: string): FSWatcher => {
    const absolute = folder === '' ? root : join(root, folder);
    const watcher = watch(absolute, { persistent: false }, (event, name) => {
      if (closed) return;
      if (name === null) return options.onPath(folder);
      const entry = String(name);
      // Hidden names are skipped like the reader skips hidden folders (editors' swap files too).
      if (isSkippedFolder(entry)) return;
      const path = joinRelative(folder, entry);
      options.onPath(path);
      if (event === 'rename') void followRename(path);
    });
    watcher.on('error', (error) => {
      if (!closed) options.onError(error);
    });
    return watcher;
  };

  /** A name appeared or went away: watch a new folder, forget a removed one. */
  const followRename = async (path: string) => {
    const info = await lstat(join(root, path)).catch(() => null);
    if (closed) return;
    if (info?.isDirectory() && !watchers.has(path)) {
      await addTree(path, true).catch((error: unknown) => options.onError(asError(error)));
    } else if (info === null || !info.isDirectory()) {
      for (const [folder, watcher] of watchers) {
        if (folder === path || folder.startsWith(`${path}/`)) {
          watcher.close();
          watchers.delete(folder);
        }
      }
    }
  };

  try {
    await addTree('', false);
  } catch (error) {
    close();
    throw error;
  }
  return {
    close,
    get folders() {
      return watchers.size;
    },
  };
}
