/**
 * Brings the store up to date with the archive folder. An unchanged archive is recognised without
 * listing it (known.ts). Otherwise the folder is listed (a folder whose time is unchanged reuses
 * its stored listing) and every file stat'ed; only files that are new, changed (size or time),
 * whose companions changed, or whose conversation was merged or unmerged since, are read. The
 * writing half, under the store's write lock, is apply.ts: a changed file's old rows are marked
 * deleted and its new rows go into a new segment, so a change costs time in proportion to the
 * files it touches; then copies, echoes and summaries are recomputed for what those files touch.
 */
import { realpathSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import type { Diagnostic } from '../../../shared/model';
import { checkArchiveFolder } from '../archiveFolder';
import { nothingChanged } from './known';
import { loadSegments, type LiveSegment } from './rows';
import { readMeta } from './schema';
import type { StatThread } from './statThread';
import { trace } from './trace';

export interface SyncOptions {
  root: string;
  folder: string;
  /** The archive's zone for instants, looked up only when needed. */
  timeZone: () => string;
  merges: ReadonlyMap<string, string>;
  /**
   * The store's generation the caller's segments reflect: when another process (the app beside
   * the CLI) has changed the store since, the segments are read again before anything else.
   */
  generation?: string | null | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** A stat worker kept by the app for as long as the store is open (statThread.ts). */
  statThread?: StatThread | null | undefined;
}

export interface SyncReport {
  /** Files not worth reading (images, HTML...), counted as skipped. */
  skipped: number;
  /** Problems of the folder walk, which belong to no stored file. */
  problems: Diagnostic[];
  /** Files read during this sync. */
  read: number;
  /** Files whose rows were added, replaced or removed. */
  changed: number;
  /** Conversations whose messages changed: what a live refresh redraws. */
  conversations: string[];
  /** Segments after the sync. */
  segments: LiveSegment[];
  /** Whether another process changed the store meanwhile (the segments were read again). */
  reloaded: boolean;
}

export async function syncStore(
  db: DatabaseSync,
  current: readonly LiveSegment[],
  options: SyncOptions,
): Promise<SyncReport> {
  await checkArchiveFolder(options.root);
  // The folder as the user named it (its name titles a conversation at its root).
  const named = options.root;
  // Files are opened below the root's real path, and must be found exactly there (a folder
  // swapped for a link meanwhile is refused: files/safeOpen.ts).
  const root = realpathSync.native(options.root);
  options = { ...options, root };
  const reloaded =
    options.generation !== undefined && readMeta(db, 'generation') !== options.generation;
  if (reloaded) current = loadSegments(db, options.folder, current);
  // The common case, checked without listing anything: nothing changed.
  if (current.length > 0 && nothingChanged(db, root, options)) {
    trace('nothing changed');
    return {
      skipped: Number(readMeta(db, 'skipped') ?? '0'),
      problems: JSON.parse(readMeta(db, 'walk_problems') ?? '[]') as Diagnostic[],
      read: 0,
      changed: 0,
      conversations: [],
      segments: [...current],
      reloaded,
    };
  }
  const { syncChanges } = await readyForChanges();
  return syncChanges(db, current, options, { named, reloaded });
}

let changesModule: Promise<typeof import('./syncChanges')> | null = null;

/**
 * The half of a sync that reads changes (the listing, the readers, the writers), loaded on first
 * use: a command that finds nothing changed starts without it (esbuild keeps it in the bundle,
 * but its modules are initialised on this first import, some 30 ms). The app calls this as it
 * starts watching an archive, so that the first change it shows does not wait for it.
 */
export function readyForChanges(): Promise<typeof import('./syncChanges')> {
  changesModule ??= import('./syncChanges');
  return changesModule;
}
