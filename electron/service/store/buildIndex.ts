/** Builds the search index from the rows of the store (no archive file is read). */
import type { DatabaseSync } from 'node:sqlite';
import { CorpusBuilder, type Corpus } from '../search/corpus';
import { lowerBound } from '../search/sets';
import { buildPostings, type Postings } from '../search/postings';

export type IndexProgress = (done: number, total: number) => void;

export function buildIndexFromStore(
  db: DatabaseSync,
  onProgress?: IndexProgress,
): { corpus: Corpus; postings: Postings } {
  const files = new Map<number, { path: string; day: string; conversation: string }>();
  for (const file of db
    .prepare('SELECT id, path, day, conversation FROM files WHERE day IS NOT NULL')
    .all() as unknown as {
    id: number;
    path: string;
    day: string;
    conversation: string;
  }[]) {
    files.set(file.id, file);
  }
  const total = Number((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n);
  const builder = new CorpusBuilder();
  const rows = db.prepare('SELECT id, file, time, speaker, text, line, features FROM messages');
  // Arrays rather than one object per row: a million rows go by.
  rows.setReturnArrays(true);
  let done = 0;
  for (const value of rows.iterate()) {
    const [row, fileId, time, speaker, text, line, features] = value as unknown as [
      number,
      number,
      string,
      string,
      string,
      number,
      number,
    ];
    const file = files.get(fileId);
    if (file)
      builder.add({
        row,
        conversation: file.conversation,
        day: file.day,
        time,
        speaker,
        path: file.path,
        line,
        features,
        text,
      });
    if (onProgress && ++done % 65536 === 0) onProgress(done, total * 2);
  }
  const corpus = builder.finish();
  const postings = buildPostings(
    corpus,
    onProgress
      ? (step, steps) =>
          onProgress(total + Math.floor((step / Math.max(1, steps)) * total), total * 2)
      : undefined,
  );
  return { corpus, postings };
}

/**
 * The index after a sync that changed a few files: the earlier index's messages, less the rows
 * the sync deleted, plus the rows it wrote (already in `added`). No row is read back from the
 * store, so this costs a sort and the posting lists rather than a pass over every stored row.
 */
export function updateIndex(
  previous: Corpus,
  added: CorpusBuilder,
  removedRows: readonly [number, number][],
  onProgress?: IndexProgress,
): { corpus: Corpus; postings: Postings } {
  const ranges = [...removedRows].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const starts = Uint32Array.from(ranges.map(([start]) => start));
  const removed = (row: number) => {
    const index = lowerBound(starts, row + 1) - 1;
    return index >= 0 && row < ranges[index]![1];
  };
  for (let id = 0; id < previous.count; id++)
    if (!removed(previous.row[id]!)) added.addFrom(previous, id);
  const corpus = added.finish();
  return { corpus, postings: buildPostings(corpus, onProgress) };
}
