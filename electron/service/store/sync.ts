/**
 * Brings the store up to date with the archive folder. Every file is stat'ed; only files that
 * are new or whose size or modification time changed are read (and those whose content hash
 * is unchanged only get their new time recorded). A changed file replaces its own rows; the
 * summaries (days, speakers, persons, echo marks) of the conversations it belongs to are then
 * recomputed from the rows already stored, without reading their other files again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../../shared/archive/compare';
import { conversationOf } from '../../../shared/archive/conversation';
import type { Diagnostic, ParsedFile } from '../../../shared/model';
import { isCandidateFile } from '../../../shared/parse/parseFile';
import { ArchiveError, checkArchiveFolder } from '../readArchive';
import { parseArchiveBytes, readArchiveBytes, skippedFile } from '../readFile';
import type { CorpusRow } from '../search/corpus';
import { describeError, walkArchive, type WalkEntry } from '../walk';
import { StoreWriter, type StoredFile } from './writer';

export interface SyncReport {
  /** Files not worth reading (images, HTML...), counted as skipped. */
  skipped: number;
  /** Problems of the folder walk, which belong to no stored file. */
  problems: Diagnostic[];
  /** Files read from disk during this sync. */
  read: number;
  /** Files whose rows were added, replaced or removed. */
  changed: number;
  /** Whether the store held no file before: every row there is was written by this sync. */
  fresh: boolean;
  /** Message rows [start, end) deleted by this sync (of changed and removed files). */
  removedRows: [number, number][];
  /** Conversations whose files were added, changed or removed: what a live refresh redraws. */
  conversations: string[];
}

export type SyncProgress = (done: number, total: number) => void;

const READ_CONCURRENCY = 8;
const STAT_CONCURRENCY = 32;

/**
 * @param collect receives every message row written; when the store was empty before (`fresh`
 *   in the report) it has then seen every row, and the index can be built without reading
 *   them back.
 */
export async function syncStore(
  db: DatabaseSync,
  root: string,
  onProgress?: SyncProgress,
  collect?: (row: CorpusRow) => void,
): Promise<SyncReport> {
  await checkArchiveFolder(root);
  const problems: Diagnostic[] = [];
  let entries: WalkEntry[];
  try {
    entries = await walkArchive(root, (problem) => problems.push(problem));
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive folder "${root}": ${describeError(error)}.`);
  }
  const candidates = entries.filter((entry) => isCandidateFile(entry.path));
  const stored = new Map(
    (
      db
        .prepare('SELECT id, path, size, mtime, hash, first_message, messages FROM files')
        .all() as unknown as StoredFile[]
    ).map((file) => [file.path, file]),
  );
  const report: SyncReport = {
    skipped: entries.length - candidates.length,
    problems,
    read: 0,
    changed: 0,
    fresh: stored.size === 0,
    removedRows: [],
    conversations: [],
  };
  // A new store reads every file anyway, and the read gives size and time.
  const stats = await mapLimit(
    stored.size === 0 ? [] : candidates,
    STAT_CONCURRENCY,
    async (entry) => {
      try {
        const info = await lstat(entry.absolute);
        return { size: info.size, mtime: Math.round(info.mtimeMs) };
      } catch {
        return null;
      }
    },
  );
  const pending: { entry: WalkEntry; stat: { size: number; mtime: number } | null }[] = [];
  candidates.forEach((entry, index) => {
    const stat = stats[index] ?? null;
    const known = stored.get(entry.path);
    if (!known || !stat || known.size !== stat.size || known.mtime !== stat.mtime)
      pending.push({ entry, stat });
  });
  const present = new Set(candidates.map((entry) => entry.path));
  const removed = [...stored.values()].filter((file) => !present.has(file.path));
  if (pending.length === 0 && removed.length === 0) return report;

  const byConversation = new Map<string, { pending: typeof pending; removed: StoredFile[] }>();
  const group = (path: string) => {
    const id = conversationOf(path);
    let entry = byConversation.get(id);
    if (!entry) byConversation.set(id, (entry = { pending: [], removed: [] }));
    return entry;
  };
  for (const item of pending) group(item.entry.path).pending.push(item);
  for (const file of removed) group(file.path).removed.push(file);

  const writer = new StoreWriter(db, collect ?? null);
  let done = 0;
  for (const conversation of [...byConversation.keys()].sort(compareStrings)) {
    const work = byConversation.get(conversation)!;
    const reads = await mapLimit(work.pending, READ_CONCURRENCY, async ({ entry, stat }) => {
      const read = await readArchiveBytes(entry.absolute);
      onProgress?.(++done, pending.length);
      if (!read.ok)
        return {
          path: entry.path,
          size: stat?.size ?? 0,
          mtime: stat?.mtime ?? 0,
          hash: '',
          parsed: skippedFile(entry.path, `Not read: ${read.reason}.`),
        };
      return {
        path: entry.path,
        size: read.info.size,
        mtime: Math.round(read.info.mtimeMs),
        hash: createHash('sha1').update(read.bytes).digest('hex'),
        bytes: read.bytes,
      };
    });
    report.read += reads.length;
    db.exec('BEGIN');
    try {
      const fresh = new Map<string, { parsed: ParsedFile; rows: number[] }>();
      for (const file of reads) {
        const known = stored.get(file.path);
        if (known && file.hash !== '' && known.hash === file.hash) {
          // Touched but not changed: remember the new time so the next open does not read it.
          writer.touch(known.id, file.size, file.mtime);
          continue;
        }
        const parsed =
          'bytes' in file && file.bytes ? parseArchiveBytes(file.path, file.bytes) : file.parsed!;
        if (known)
          report.removedRows.push([known.first_message, known.first_message + known.messages]);
        const rows = writer.replaceFile(known ?? null, { ...file, conversation }, parsed);
        fresh.set(file.path, { parsed, rows });
        report.changed++;
      }
      for (const file of work.removed) {
        report.removedRows.push([file.first_message, file.first_message + file.messages]);
        writer.removeFile(file);
        report.changed++;
      }
      if (fresh.size > 0 || work.removed.length > 0) {
        writer.summarize(conversation, fresh);
        report.conversations.push(conversation);
      }
      writer.flush();
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  if (report.changed > 0)
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)").run(
      randomUUID(),
    );
  return report;
}

/** Runs `task` over `items` with at most `limit` at once; results in the items' order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
