/**
 * The half of a sync that runs when something changed: the folder is listed, changed files are
 * found and read, and the store is written (apply.ts). Imported by sync.ts only when the quick
 * check (known.ts) says something changed, so that a command on an unchanged archive loads
 * none of the readers.
 */
import type { DatabaseSync } from 'node:sqlite';
import { applyChanges } from './apply';
import { beginWriting, findChanges, listArchive, withoutTouched } from './changes';
import { StoredFiles } from './known';
import { saveKnown } from './knownTable';
import { loadSegments, type LiveSegment } from './rows';
import { readMeta } from './schema';
import type { SyncOptions, SyncReport } from './sync';
import { trace } from './trace';

export async function syncChanges(
  db: DatabaseSync,
  current: readonly LiveSegment[],
  options: SyncOptions,
  { named, reloaded }: { named: string; reloaded: boolean },
): Promise<SyncReport> {
  const { root } = options;
  let stored = new StoredFiles(db);
  trace('stored files loaded');
  const { candidates, skipped, problems } = await listArchive(db, root, stored);
  trace('listed');
  const report: SyncReport = {
    skipped,
    problems,
    read: 0,
    changed: 0,
    conversations: [],
    segments: [...current],
    reloaded,
  };
  let { pending, removed } = await findChanges(db, candidates, stored, options);
  trace('checked');
  if (pending.length === 0 && removed.length === 0) return report;

  // Another Scrollback may be writing this store (the app beside the CLI): wait for it, then
  // look again at what it left, since it may have read the same changes.
  const generation = readMeta(db, 'generation');
  await beginWriting(db);
  try {
    if (readMeta(db, 'generation') !== generation) {
      report.segments = loadSegments(db, options.folder, current);
      report.reloaded = true;
      stored = new StoredFiles(db);
      ({ pending, removed } = await findChanges(db, candidates, stored, options));
      if (pending.length === 0 && removed.length === 0) {
        saveKnown(db);
        db.exec('COMMIT');
        return report;
      }
    }
    // The rows this sync may change: read again for the known table.
    const since = {
      stored,
      paths: [...pending.map((entry) => entry.path), ...removed.map((file) => file.path)],
    };
    // Files only touched (a checkout, a backup tool) keep their rows and ids.
    pending = await withoutTouched(db, pending, stored);
    if (pending.length === 0 && removed.length === 0) {
      saveKnown(db, since);
      db.exec('COMMIT');
      return report;
    }
    await applyChanges(db, report, { stored, pending, removed }, options, named);
    saveKnown(db, since);
    db.exec('COMMIT');
    trace('compacted');
    return report;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
