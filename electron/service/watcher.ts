/**
 * Watches an open archive for files added, changed or removed, and reports them in batches once
 * the folder has been quiet for a moment (a file being written fires many events; reading it
 * half-written is harmless, since the next batch reads it again).
 *
 * It watches what the reader reads. On Linux that is one watch per folder the reader visits
 * (watch/folderWatch.ts); elsewhere the system's own recursive watch, which costs one handle.
 * Past MAX_FOLDERS folders, or when the system refuses more watches, it compares the files
 * every few seconds instead (watch/poll.ts), and says so through `onMode`. A watch that fails is
 * reported to `onError`, the mode is 'restarting' until it is started again, and a batch naming
 * the root ('') follows, since changes during the gap were not seen.
 */
import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';
import { asError } from '../../shared/errors';
import { isSkippedFolder } from './walk';
import { TooManyFoldersError, watchFolders, type WatchFunction } from './watch/folderWatch';
import { pollArchive } from './watch/poll';

/** Quiet time before a batch is reported. */
const SETTLE_MS = 300;
/** A batch is reported at the latest this long after its first event, even if writes go on. */
const MAX_WAIT_MS = 1500;
/** Most folders watched one by one; a tenth of Linux's smallest default watch limit (8,192). */
const MAX_FOLDERS = 800;
const POLL_MS = 2000;
/** Waits before starting again after a failure: 1 s, 5 s, 30 s; then polling. */
const RESTART_DELAYS_MS = [1000, 5000, 30_000];

/**
 * 'live': the system reports changes as they happen; 'polling': files are compared regularly;
 * 'restarting': a watch failed and changes are not seen until it is started again.
 */
export type WatchMode = 'live' | 'polling' | 'restarting';

export interface WatchOptions {
  /** Told when the mode is chosen or changes. */
  onMode?: (mode: WatchMode) => void;
  maxFolders?: number;
  pollMs?: number;
  /** The system's watch function (tests wrap it). */
  watch?: WatchFunction;
  /** Whether to watch one folder at a time (default: on Linux). */
  perFolder?: boolean;
}

export interface ArchiveWatcher {
  close(): void;
  /** The current mode, or 'starting' until the first watch is set up. */
  readonly mode: WatchMode | 'starting';
  /** Resolves once changes are being watched (or watching was given up after an error). */
  readonly ready: Promise<void>;
}

interface Running {
  close(): void;
}

/** Calls `onChange` with the relative paths (`/`-separated) that changed. */
export function watchArchive(
  root: string,
  onChange: (paths: string[]) => void,
  onError: (error: Error) => void = () => {},
  options: WatchOptions = {},
): ArchiveWatcher {
  const batch = new Batch(onChange);
  let mode: WatchMode | 'starting' = 'starting';
  let running: Running | null = null;
  let closed = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | null = null;

  const setMode = (next: WatchMode) => {
    if (mode === next) return;
    mode = next;
    options.onMode?.(next);
  };

  const startPolling = async () => {
    const poll = await pollArchive(
      root,
      (paths) => paths.forEach(batch.add),
      options.pollMs ?? POLL_MS,
    );
    if (closed) return poll.close();
    running = poll;
    setMode('polling');
  };

  const fail = (error: Error) => {
    if (closed) return;
    onError(error);
    running?.close();
    running = null;
    const delay = RESTART_DELAYS_MS[failures++];
    if (delay === undefined || isLimitError(error)) {
      void startPolling().then(() => batch.add(''), onError);
      return;
    }
    setMode('restarting');
    restartTimer = setTimeout(() => {
      restartTimer = null;
      void startLive().then(() => batch.add(''));
    }, delay);
  };

  const startLive = async (): Promise<void> => {
    try {
      const perFolder = options.perFolder ?? process.platform === 'linux';
      const live = perFolder
        ? await watchFolders(root, {
            onPath: batch.add,
            onError: fail,
            maxFolders: options.maxFolders ?? MAX_FOLDERS,
            ...(options.watch ? { watch: options.watch } : {}),
          })
        : recursiveWatch(root, batch.add, fail, options.watch);
      if (closed) return live.close();
      running = live;
      setMode('live');
    } catch (error) {
      if (closed) return;
      if (error instanceof TooManyFoldersError) return startPolling();
      fail(asError(error));
    }
  };

  const ready = startLive().catch((error: unknown) => onError(asError(error)));
  return {
    close() {
      closed = true;
      if (restartTimer) clearTimeout(restartTimer);
      batch.close();
      running?.close();
      running = null;
    },
    get mode() {
      return mode;
    },
    ready,
  };
}

/** The system's watch limits: no point trying again soon. */
function isLimitError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE';
}

/** macOS and Windows watch a whole tree natively with one handle; skipped folders are ignored. */
function recursiveWatch(
  root: string,
  onPath: (path: string) => void,
  onError: (error: Error) => void,
  watch: WatchFunction | undefined,
): Running {
  const listener = (_event: string, name: string | Buffer | null) => {
    const path = name === null ? '' : String(name).split(sep).join('/');
    if (path.split('/').some((part) => isSkippedFolder(part))) return;
    onPath(path);
  };
  const watcher: FSWatcher = watch
    ? watch(root, { persistent: false }, listener)
    : fsWatch(root, { recursive: true, persistent: false }, listener);
  watcher.on('error', onError);
  return { close: () => watcher.close() };
}

/** Collects paths and reports them once quiet for SETTLE_MS, or MAX_WAIT_MS after the first. */
class Batch {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstEvent = 0;
  private closed = false;

  constructor(private readonly onChange: (paths: string[]) => void) {}

  readonly add = (path: string): void => {
    if (this.closed) return;
    if (this.pending.size === 0) this.firstEvent = Date.now();
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(SETTLE_MS, this.firstEvent + MAX_WAIT_MS - Date.now()));
    this.timer = setTimeout(this.flush, wait);
  };

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }

  private readonly flush = (): void => {
    this.timer = null;
    const paths = [...this.pending].sort();
    this.pending = new Set();
    if (paths.length > 0) this.onChange(paths);
  };
}
