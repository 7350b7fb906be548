/**
 * What changed in the archive folder since the store last read it. While no folder's time
 * changed, no file was added, removed or renamed, and the folder is not walked again; every
 * file is stat'ed; a file whose time changed but whose bytes did not is only noted.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Diagnostic } from '../../../shared/model';
import { isCandidatePath } from '../../../shared/readers/registry';
import { ArchiveError } from '../archiveFolder';
import { describeError } from '../files/describeError';
import { walkArchive, type PreviousListing, type WalkEntry } from '../walk';
import { isBusyError } from './database';
import type { FileConversation } from './ingest';
import { readMeta, writeMeta } from './schema';
import { fileHash } from './sources';
import type { SyncOptions } from './sync';
import { foldersUnchanged, settingsChanged, type StoredFile, type StoredFiles } from './known';
import { under } from '../files/plainPath';
import type { KnownList } from './knownRows';
import { checkFiles } from './statThread';

/** A file to read, and whether only something it depends on changed (not its own bytes). */
export interface Pending extends WalkEntry {
  forced: boolean;
}

/**
 * The archive's files worth reading. While no folder's modification time changed, no file was
 * added, removed or renamed (as git's untracked cache reasons), and the files are those of the
 * last listing; otherwise the folders whose time changed are listed again, and only those.
 */
export async function listArchive(
  db: DatabaseSync,
  root: string,
  stored: StoredFiles,
): Promise<{ candidates: WalkEntry[]; skipped: number; problems: Diagnostic[] }> {
  if (foldersUnchanged(db, root)) {
    const below = under(root);
    const candidates: WalkEntry[] = [];
    for (const path of stored.paths()) candidates.push({ path, absolute: below(path) });
    return {
      candidates,
      skipped: Number(readMeta(db, 'skipped') ?? '0'),
      problems: JSON.parse(readMeta(db, 'walk_problems') ?? '[]') as Diagnostic[],
    };
  }
  const known = knownFolders(db, stored);
  const problems: Diagnostic[] = [];
  const listed: { path: string; mtime: number; reused: boolean }[] = [];
  let entries: WalkEntry[];
  try {
    entries = await walkArchive(
      root,
      (problem) => problems.push(problem),
      (path, mtime, reused) => listed.push({ path, mtime, reused }),
      known.size > 0 ? known.listing : undefined,
    );
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive folder "${root}": ${describeError(error)}.`);
  }
  const candidates = entries.filter((entry) => isCandidatePath(entry.path));
  // Files not worth reading (images...) are counted per folder: a folder not listed again
  // keeps its count.
  const skippedIn = new Map<string, number>();
  for (const entry of entries) {
    if (isCandidatePath(entry.path)) continue;
    const folder = parentOf(entry.path);
    skippedIn.set(folder, (skippedIn.get(folder) ?? 0) + 1);
  }
  let skipped = 0;
  // Kept at once (its own small transaction): even when no file changed, the next listing
  // should find these folders unchanged.
  await beginWriting(db);
  try {
    db.exec('DELETE FROM folders');
    const insert = db.prepare('INSERT INTO folders (path, mtime, skipped) VALUES (?, ?, ?)');
    for (const folder of listed) {
      const count = folder.reused
        ? (known.skipped.get(folder.path) ?? 0)
        : (skippedIn.get(folder.path) ?? 0);
      skipped += count;
      insert.run(folder.path, folder.mtime, count);
    }
    // A folder that could not be opened is listed under its parent, never as unchanged: the
    // next walk tries it again (and says so again if it still fails).
    for (const problem of problems) insert.run(problem.path, -1, 0);
    writeMeta(db, 'skipped', String(skipped));
    writeMeta(db, 'walk_problems', JSON.stringify(problems));
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { candidates, skipped, problems };
}

/** The last walk's folders: their times, skipped files, files and subfolders by parent. */
function knownFolders(db: DatabaseSync, stored: StoredFiles) {
  const rows = db.prepare('SELECT path, mtime, skipped FROM folders').all() as unknown as {
    path: string;
    mtime: number;
    skipped: number;
  }[];
  const mtimes = new Map(rows.map((row) => [row.path, row.mtime]));
  const skipped = new Map(rows.map((row) => [row.path, row.skipped]));
  const children = namesByParent(rows.map((row) => row.path).filter((path) => path !== ''));
  // The stored files, grouped only if some folder is reused.
  let files: Map<string, string[]> | null = null;
  const listing: PreviousListing = {
    unchanged: (path, mtime) => mtimes.get(path) === mtime,
    files: (folder) => (files ??= namesByParent(stored.paths())).get(folder) ?? [],
    folders: (path) => children.get(path) ?? [],
  };
  return { size: rows.length, skipped, listing };
}

/** Relative paths as their parent folder -> their names in it. */
function namesByParent(paths: Iterable<string>): Map<string, string[]> {
  const byParent = new Map<string, string[]>();
  for (const path of paths) {
    const parent = parentOf(path);
    const names = byParent.get(parent) ?? [];
    names.push(path.slice(parent === '' ? 0 : parent.length + 1));
    byParent.set(parent, names);
  }
  return byParent;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** What changed since the store last read the folder: files to read, and files gone. */
export async function findChanges(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: StoredFiles,
  options: SyncOptions,
): Promise<{ pending: Pending[]; removed: StoredFile[] }> {
  const pending = await changedFiles(db, candidates, stored, options);
  const present = new Set(candidates.map((entry) => entry.path));
  const removed: StoredFile[] = [];
  for (const path of stored.paths()) if (!present.has(path)) removed.push(stored.get(path)!);
  return { pending, removed };
}

/** Takes the store's write lock, waiting while another Scrollback holds it. */
export async function beginWriting(db: DatabaseSync): Promise<void> {
  const giveUp = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusyError(error) || Date.now() > giveUp) throw error;
      // busy_timeout waited already; let the event loop breathe before trying again.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** `pending` less the files whose bytes did not change (only their times did): those are noted. */
export async function withoutTouched(
  db: DatabaseSync,
  pending: readonly Pending[],
  stored: StoredFiles,
): Promise<Pending[]> {
  const touch = db.prepare('UPDATE files SET size = ?, mtime = ? WHERE id = ?');
  const out: Pending[] = [];
  for (const entry of pending) {
    const known = stored.get(entry.path);
    // A change of companions, zone or merges reads a file again even when its bytes are the same.
    if (!known || known.hash === '' || entry.forced) {
      out.push(entry);
      continue;
    }
    const current = await fileHash(entry.absolute);
    if (current === null || current.hash !== known.hash) out.push(entry);
    else touch.run(current.size, current.mtime, known.id);
  }
  return out;
}

/**
 * The candidates that are new or whose size or time changed. One stat per file, synchronously
 * (for thousands of small calls several times faster than Node's thread pool), shared with the
 * app's kept stat worker when there is one.
 */
function changedAmong(
  candidates: readonly WalkEntry[],
  stored: StoredFiles,
  options: SyncOptions,
): Set<string> {
  const changed = new Set<string>();
  const list: KnownList = {
    paths: [],
    sizes: new Float64Array(candidates.length),
    mtimes: new Float64Array(candidates.length),
  };
  for (const entry of candidates) {
    const known = stored.summary(entry.path);
    if (!known) {
      changed.add(entry.path);
      continue;
    }
    list.sizes[list.paths.length] = known.size;
    list.mtimes[list.paths.length] = known.mtime;
    list.paths.push(entry.path);
  }
  const marks = new Uint8Array(new SharedArrayBuffer(list.paths.length));
  checkFiles(list, options.root, options.statThread, marks);
  for (let i = 0; i < list.paths.length; i++) if (marks[i]) changed.add(list.paths[i]!);
  return changed;
}

/** The candidates to read: new, changed, or depending on something that changed. */
export async function changedFiles(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: StoredFiles,
  options: SyncOptions,
): Promise<Pending[]> {
  if (stored.size === 0) return candidates.map((entry) => ({ ...entry, forced: false }));
  const changedPaths = changedAmong(candidates, stored, options);
  const { zone: zoneChanged, merges: mergesChanged, previousMerges } = settingsChanged(db, options);
  const removedAny = candidates.length !== stored.size || changedPaths.size > 0;
  // Nothing changed: no file is read again (the common case, checked in one pass).
  if (changedPaths.size === 0 && !removedAny && !mergesChanged && !zoneChanged) return [];
  const present = removedAny ? new Set(candidates.map((entry) => entry.path)) : null;
  const pending: Pending[] = [];
  for (const entry of candidates) {
    const known = stored.summary(entry.path);
    if (changedPaths.has(entry.path) || !known) {
      pending.push({ ...entry, forced: false });
      continue;
    }
    // What a file depends on is looked at only when something it may depend on changed.
    const companionsChanged =
      known.companions !== '[]' &&
      (JSON.parse(known.companions) as string[]).some(
        (companion) =>
          changedPaths.has(companion) ||
          (present !== null && stored.has(companion) && !present.has(companion)),
      );
    const conversations =
      mergesChanged || zoneChanged
        ? (JSON.parse(stored.get(entry.path)!.conversations) as FileConversation[])
        : [];
    const reread =
      companionsChanged ||
      (mergesChanged &&
        conversations.some(
          (conversation) =>
            (options.merges.get(conversation.id) ?? conversation.id) !==
            (previousMerges.get(conversation.id) ?? conversation.id),
        )) ||
      (zoneChanged && conversations.some((c) => c.format === 'slack' || c.format === 'telegram'));
    if (reread) pending.push({ ...entry, forced: true });
  }
  return pending;
}
