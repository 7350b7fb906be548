/**
 * What changed in the archive folder since the store last read it. While no folder's time
 * changed, no file was added, removed or renamed, and the folder is not walked again; every
 * file is stat'ed; a file whose time changed but whose bytes did not is only noted.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Diagnostic } from '../../../shared/model';
import { isCandidatePath } from '../../../shared/readers/registry';
import { ArchiveError } from '../archiveFolder';
import { describeError, walkArchive, type WalkEntry } from '../walk';
import { isBusyError } from './database';
import type { FileConversation } from './ingest';
import { readMeta, writeMeta } from './schema';
import { fileHash } from './sources';
import type { SyncOptions } from './sync';

export interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime: number;
  hash: string;
  segments: string;
  conversations: string;
  companions: string;
}

/** A file to read, and whether only something it depends on changed (not its own bytes). */
export interface Pending extends WalkEntry {
  forced: boolean;
}

/**
 * The archive's files worth reading. While no folder's modification time changed, no file was
 * added, removed or renamed (as git's untracked cache reasons), and the files are those of the
 * last listing; otherwise the folder is walked again.
 */
export async function listArchive(
  db: DatabaseSync,
  root: string,
): Promise<{ candidates: WalkEntry[]; skipped: number; problems: Diagnostic[] }> {
  const folders = db.prepare('SELECT path, mtime FROM folders').all() as unknown as {
    path: string;
    mtime: number;
  }[];
  const unchanged =
    folders.length > 0 &&
    folders.every((folder) => {
      try {
        return lstatSync(join(root, folder.path)).mtimeMs === folder.mtime;
      } catch {
        return false;
      }
    });
  if (unchanged) {
    const paths = db.prepare('SELECT path FROM files').all() as unknown as { path: string }[];
    return {
      candidates: paths.map(({ path }) => ({ path, absolute: join(root, path) })),
      skipped: Number(readMeta(db, 'skipped') ?? '0'),
      problems: JSON.parse(readMeta(db, 'walk_problems') ?? '[]') as Diagnostic[],
    };
  }
  const problems: Diagnostic[] = [];
  const listed: string[] = [];
  let entries: WalkEntry[];
  try {
    entries = await walkArchive(
      root,
      (problem) => problems.push(problem),
      (path) => listed.push(path),
    );
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive folder "${root}": ${describeError(error)}.`);
  }
  const candidates = entries.filter((entry) => isCandidatePath(entry.path));
  const skipped = entries.length - candidates.length;
  // Kept at once (its own small transaction): even when no file changed, the next listing
  // should find these folders unchanged.
  await beginWriting(db);
  try {
    db.exec('DELETE FROM folders');
    const insert = db.prepare('INSERT INTO folders (path, mtime) VALUES (?, ?)');
    for (const path of listed) {
      try {
        insert.run(path, lstatSync(join(root, path)).mtimeMs);
      } catch {
        // Gone since: the next sync walks again.
      }
    }
    writeMeta(db, 'skipped', String(skipped));
    writeMeta(db, 'walk_problems', JSON.stringify(problems));
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { candidates, skipped, problems };
}

/** What the store holds of the folder's files, and what changed since. */
export async function findChanges(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  options: SyncOptions,
): Promise<{
  stored: Map<string, StoredFile>;
  pending: Pending[];
  removed: StoredFile[];
}> {
  const stored = new Map(
    (
      db
        .prepare(
          'SELECT id, path, size, mtime, hash, segments, conversations, companions FROM files',
        )
        .all() as unknown as StoredFile[]
    ).map((file) => [file.path, file]),
  );
  const pending = await changedFiles(db, candidates, stored, options);
  const present = new Set(candidates.map((entry) => entry.path));
  const removed = [...stored.values()].filter((file) => !present.has(file.path));
  return { stored, pending, removed };
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
  stored: ReadonlyMap<string, StoredFile>,
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

/** The candidates to read: new, changed, or depending on something that changed. */
export async function changedFiles(
  db: DatabaseSync,
  candidates: readonly WalkEntry[],
  stored: ReadonlyMap<string, StoredFile>,
  options: SyncOptions,
): Promise<Pending[]> {
  if (stored.size === 0) return candidates.map((entry) => ({ ...entry, forced: false }));
  const storedZone = readMeta(db, 'zone');
  const zoneChanged = storedZone !== null && zoneUsed(db) && storedZone !== options.timeZone();
  const previousMerges = new Map<string, string>(
    JSON.parse(readMeta(db, 'merges') ?? '[]') as [string, string][],
  );
  const changedPaths = new Set<string>();
  const present = new Set(candidates.map((entry) => entry.path));
  // One stat per file, synchronously: for thousands of small calls it is several times faster
  // than Node's thread pool.
  const stats = candidates.map((entry) => {
    const known = stored.get(entry.path);
    if (!known) return true;
    try {
      const info = lstatSync(entry.absolute);
      return known.size !== info.size || known.mtime !== Math.round(info.mtimeMs);
    } catch {
      return true;
    }
  });
  candidates.forEach((entry, index) => {
    if (stats[index]) changedPaths.add(entry.path);
  });
  const mergesChanged =
    JSON.stringify([...previousMerges].sort()) !== JSON.stringify([...options.merges].sort());
  const pending: Pending[] = [];
  for (const entry of candidates) {
    const known = stored.get(entry.path);
    if (changedPaths.has(entry.path) || !known) {
      pending.push({ ...entry, forced: false });
      continue;
    }
    // What a file depends on is looked at only when something it may depend on changed.
    const companionsChanged =
      known.companions !== '[]' &&
      (JSON.parse(known.companions) as string[]).some(
        (companion) =>
          changedPaths.has(companion) || (stored.has(companion) && !present.has(companion)),
      );
    const conversations =
      mergesChanged || zoneChanged ? (JSON.parse(known.conversations) as FileConversation[]) : [];
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

/** Whether any stored file is of a format whose times depend on the archive's zone. */
export function zoneUsed(db: DatabaseSync): boolean {
  return (
    db.prepare("SELECT 1 FROM files WHERE format IN ('slack', 'telegram') LIMIT 1").get() !==
    undefined
  );
}
