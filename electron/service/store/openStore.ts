/**
 * Opens an archive through its store: bring the database up to date with the folder (reading
 * only what changed), then load the saved search index, or build it from the rows and save it.
 * Any trouble with the store itself (damaged, locked, unwritable) ends in a working store in
 * memory, never in a failure to open the archive.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ArchiveError, checkArchiveFolder } from '../readArchive';
import { CorpusBuilder, type Corpus, type CorpusRow } from '../search/corpus';
import { buildPostings } from '../search/postings';
import { buildIndexFromStore, updateIndex } from './buildIndex';
import { storePaths, type StorePaths } from './location';
import { createMemoryDatabase, openDatabase } from './schema';
import { readSnapshot, removeSnapshot, writeSnapshot } from './snapshot';
import { StoreArchiveData } from './storeData';
import { syncStore, type SyncReport } from './sync';
import { errorMessage } from '../../../shared/errors';

export interface StoreOptions {
  /** Folder for the database and index; null keeps everything in memory. */
  cacheDir: string | null;
  onProgress?: (phase: 'reading' | 'indexing', done: number, total: number) => void;
}

/** How the open went, for the CLI, the bench and tests. */
export interface OpenReport extends SyncReport {
  persistent: boolean;
  /** Whether the search index came from its saved file rather than being built. */
  indexLoaded: boolean;
  /** Whether it was the saved index of the archive before this open's changes, patched. */
  indexUpdated: boolean;
  /** Why the store on disk was rebuilt or not used, when it was. */
  note?: string;
}

/** What refreshing an open store needs: its connection, where its index is saved, the index now. */
export interface LiveStore {
  db: DatabaseSync;
  root: string;
  /** Null when the store lives in memory (nothing is saved). */
  paths: StorePaths | null;
  corpus: Corpus;
}

export async function openStore(
  root: string,
  options: StoreOptions,
): Promise<{ data: StoreArchiveData; report: OpenReport; live: LiveStore }> {
  // A folder that is not there gets its sentence before any store is made for it.
  await checkArchiveFolder(root);
  const paths = options.cacheDir === null ? null : storePaths(options.cacheDir, root);
  const opened = paths
    ? openDatabase(paths.database, root, [paths.index])
    : { db: createMemoryDatabase(root), persistent: false };
  let { db, persistent } = opened;
  let note = 'note' in opened ? opened.note : undefined;
  const reading = (done: number, total: number) => options.onProgress?.('reading', done, total);
  const previousGeneration = readGeneration(db);
  let sync: SyncReport;
  // Rows go into the index as they are written; used when every row was written now (a new store).
  let builder = new CorpusBuilder();
  const collect = (row: CorpusRow) => builder.add(row);
  try {
    sync = await syncStore(db, root, reading, collect);
  } catch (error) {
    db.close();
    if (error instanceof ArchiveError || !persistent) throw error;
    // The file looked fine but failed on the way (a damaged page, a full disk): delete it so the
    // next open starts afresh, and read this time into memory.
    note = `the store failed while updating (${errorMessage(error)})`;
    discard(paths);
    db = createMemoryDatabase(root);
    persistent = false;
    builder = new CorpusBuilder();
    sync = await syncStore(db, root, reading, collect);
  }
  const generation = readGeneration(db);
  let index =
    persistent && paths && sync.changed === 0 ? readSnapshot(paths.index, generation) : null;
  const indexLoaded = index !== null;
  let indexUpdated = false;
  if (!index) {
    const indexing = (done: number, total: number) => options.onProgress?.('indexing', done, total);
    // The index saved before this sync, when there is one: patched rather than built again.
    const previous =
      persistent && paths && !sync.fresh ? readSnapshot(paths.index, previousGeneration) : null;
    if (previous) {
      index = updateIndex(previous.corpus, builder, sync.removedRows, indexing);
      indexUpdated = true;
    } else if (sync.fresh) {
      const corpus = builder.finish();
      index = { corpus, postings: buildPostings(corpus, indexing) };
    } else {
      index = buildIndexFromStore(db, indexing);
    }
    if (persistent && paths) saveIndex(paths, generation, index);
  }
  builder = new CorpusBuilder();
  const data = new StoreArchiveData(db, index.corpus, index.postings, sync);
  return {
    data,
    report: { ...sync, persistent, indexLoaded, indexUpdated, ...(note ? { note } : {}) },
    live: { db, root, paths: persistent ? paths : null, corpus: index.corpus },
  };
}

/**
 * Brings an open store up to date with its folder after the watcher saw changes: the same
 * connection (which holds the store's lock, so reopening would find it in use), only changed
 * files read, and the index in memory patched rather than read back. Null when nothing changed.
 * The data returned shares the connection with the earlier one, which stays readable meanwhile
 * and must not be closed afterwards: closing either closes both. When it throws, some
 * conversations may have been written and others not: reopen the archive to be sure of it.
 */
export async function refreshStore(live: LiveStore): Promise<{
  data: StoreArchiveData;
  report: SyncReport;
  live: LiveStore;
  /** The first message id that may name another message than before, or null if none does. */
  renumberedFrom: number | null;
} | null> {
  const builder = new CorpusBuilder();
  const sync = await syncStore(live.db, live.root, undefined, (row) => builder.add(row));
  if (sync.changed === 0) return null;
  const index = updateIndex(live.corpus, builder, sync.removedRows);
  if (live.paths) saveIndex(live.paths, readGeneration(live.db), index);
  return {
    data: new StoreArchiveData(live.db, index.corpus, index.postings, sync),
    report: sync,
    live: { ...live, corpus: index.corpus },
    renumberedFrom: firstRenumbered(live.corpus, index.corpus),
  };
}

/**
 * The first id of `before` that names another message (or none) in `after`, or null when every
 * id of `before` names the same message. Ids are positions in time order, so a day added after
 * the others renumbers nothing. Rows a sync writes are numbered after every row there was, so
 * the same row at the same position is the same message.
 */
function firstRenumbered(before: Corpus, after: Corpus): number | null {
  const common = Math.min(before.count, after.count);
  let id = 0;
  while (id < common && before.row[id] === after.row[id]) id++;
  return id < before.count ? id : null;
}

function readGeneration(db: DatabaseSync): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as
    { value: string } | undefined;
  return row?.value ?? '';
}

function saveIndex(
  paths: StorePaths,
  generation: string,
  index: ReturnType<typeof buildIndexFromStore>,
): void {
  try {
    writeSnapshot(paths.index, generation, index.corpus, index.postings);
  } catch {
    // A cache folder that is full or read-only costs the next open some time, nothing more.
    removeSnapshot(paths.index);
  }
}

function discard(paths: StorePaths | null): void {
  if (!paths) return;
  for (const file of [
    paths.database,
    `${paths.database}-wal`,
    `${paths.database}-shm`,
    paths.index,
  ]) {
    try {
      removeSnapshot(file);
    } catch {
      // Left for the next open's checks.
    }
  }
}
