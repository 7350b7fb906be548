/**
 * Watches an open archive for files added, changed or removed, and reports them in batches once
 * the folder has been quiet for a moment (a file being written fires many events; reading it
 * half-written is harmless, since the next batch reads it again).
 */
import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';

/** Quiet time before a batch is reported. */
const SETTLE_MS = 300;
/** A batch is reported at the latest this long after its first event, even if writes go on. */
const MAX_WAIT_MS = 1500;

export interface ArchiveWatcher {
  close(): void;
}

/** Calls `onChange` with the relative paths (`/`-separated) that changed; hidden paths ignored. */
export function watchArchive(
  root: string,
  onChange: (paths: string[]) => void,
  onError: (error: Error) => void = () => {},
): ArchiveWatcher {
  let pending = new Set<string>();
  let settleTimer: NodeJS.Timeout | null = null;
  let firstEvent = 0;
  const flush = () => {
    settleTimer = null;
    const paths = [...pending];
    pending = new Set();
    if (paths.length > 0) onChange(paths.sort());
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(root, { recursive: true, persistent: false }, (_event, name) => {
      const path = name === null ? '' : String(name).split(sep).join('/');
      if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return;
      if (pending.size === 0) firstEvent = Date.now();
      pending.add(path);
      if (settleTimer) clearTimeout(settleTimer);
      const wait = Math.max(0, Math.min(SETTLE_MS, firstEvent + MAX_WAIT_MS - Date.now()));
      settleTimer = setTimeout(flush, wait);
    });
    watcher.on('error', (error) => onError(error));
  } catch (error) {
    // Watching is a convenience: an archive on a file system without change events still reads.
    onError(error instanceof Error ? error : new Error(String(error)));
  }
  return {
    close() {
      if (settleTimer) clearTimeout(settleTimer);
      watcher?.close();
    },
  };
}
