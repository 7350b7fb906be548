/**
 * Keeping the index in few segments. Each change of the archive adds a small segment (and hides
 * the changed files' old rows), so after many changes queries would visit many segments: when
 * there are more than MAX_SEGMENTS, the small ones are rewritten as one, without their deleted
 * rows, and a segment whose rows are all deleted is dropped. Rewritten rows get new ids (from
 * the counter that never goes back, so no id ever names another message); the database's
 * references to them follow.
 */
import { rmSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { POSITION_FACTOR, Segment } from '../index/segment';
import { SegmentBuilder } from '../index/segmentBuild';
import { segmentPath } from './location';
import { Hidden, type LiveSegment } from './rows';
import { readMeta, writeMeta } from './schema';

const MAX_SEGMENTS = 8;

/**
 * Compacts `segments` when they are too many; returns the segments after, and the
 * conversations whose message ids changed (null when nothing was done).
 */
export function compactSegments(
  db: DatabaseSync,
  folder: string,
  segments: readonly LiveSegment[],
): { segments: LiveSegment[]; conversations: Set<string> } | null {
  const empty = segments.filter((live) =>
    live.hidden.every((byte) => (byte & Hidden.deleted) !== 0),
  );
  let kept = segments.filter((live) => !empty.includes(live));
  const conversations = new Set<string>();
  let chosen: LiveSegment[] = [];
  if (kept.length > MAX_SEGMENTS) {
    const total = kept.reduce((sum, live) => sum + live.segment.count, 0);
    chosen = kept.filter((live) => live.segment.count * 4 < total);
    if (chosen.length < 2)
      chosen = [...kept]
        .sort((a, b) => a.segment.count - b.segment.count)
        .slice(0, kept.length - MAX_SEGMENTS + 1);
  }
  if (empty.length === 0 && chosen.length < 2) return null;

  const remove = db.prepare('DELETE FROM segments WHERE base = ?');
  for (const live of empty) remove.run(live.segment.base);
  if (chosen.length >= 2) {
    const added = rewrite(db, folder, chosen, conversations);
    for (const live of chosen) remove.run(live.segment.base);
    kept = kept.filter((live) => !chosen.includes(live));
    kept.push(added);
    kept.sort((a, b) => a.segment.base - b.segment.base);
  }
  for (const live of [...empty, ...chosen]) {
    live.segment.close();
    try {
      rmSync(live.segment.file.path, { force: true });
    } catch {
      // Held open elsewhere (Windows): an unused file, removed with the store.
    }
  }
  return { segments: kept, conversations };
}

/** Writes the live rows of `chosen` as one new segment and moves every reference to them. */
function rewrite(
  db: DatabaseSync,
  folder: string,
  chosen: readonly LiveSegment[],
  conversations: Set<string>,
): LiveSegment {
  const builder = new SegmentBuilder();
  const oldIds: number[] = [];
  const hiddenOf: number[] = [];
  for (const live of chosen) {
    const { segment } = live;
    const names = segment.names();
    const day = segment.day();
    const meta = segment.meta();
    const pair = segment.pair();
    const file = segment.files();
    const paths = segment.paths();
    const line = segment.file.section<Uint32Array>('line');
    const key = segment.file.section<Uint32Array>('key');
    const refsByPosition = new Map<number, number[]>();
    const refs = segment.file.section<Float64Array>('refs');
    for (let i = 0; i < refs.length; i++) {
      const position = refs[i]! % POSITION_FACTOR;
      const list = refsByPosition.get(position) ?? [];
      list.push(Math.floor(refs[i]! / POSITION_FACTOR));
      refsByPosition.set(position, list);
    }
    const texts = segment.texts(0, segment.count);
    const extras = segment.extras(0, segment.count);
    for (let position = 0; position < segment.count; position++) {
      if (live.hidden[position]! & Hidden.deleted) continue;
      const conversation = names.conversations[names.pairs[pair[position]! * 2]!]!;
      conversations.add(conversation);
      builder.add({
        conversation,
        speaker: names.speakers[names.pairs[pair[position]! * 2 + 1]!]!,
        path: paths[file[position]!]!,
        line: line[position]!,
        day: day[position]!,
        meta: meta[position]!,
        // The stored text already ends with its searchable suffix.
        text: texts[position]!,
        search: '',
        key: key[position]!,
        extras: extras.get(position) ?? null,
        refs: refsByPosition.get(position) ?? [],
      });
      oldIds.push(segment.base + position);
      hiddenOf.push(live.hidden[position]!);
    }
  }
  const base = Number(readMeta(db, 'next_base') ?? '1');
  writeMeta(db, 'next_base', String(base + builder.size));
  const { positions } = builder.write(segmentPath(folder, base), base);
  const hidden = new Uint8Array(builder.size);
  const moved = new Map<number, number>();
  oldIds.forEach((id, row) => {
    moved.set(id, base + positions[row]!);
    hidden[positions[row]!] = hiddenOf[row]!;
  });
  db.prepare('INSERT INTO segments (base, count, hidden) VALUES (?, ?, ?)').run(
    base,
    builder.size,
    hidden.some((byte) => byte !== 0) ? hidden : null,
  );
  moveReferences(db, chosen, moved, base);
  return { segment: new Segment(segmentPath(folder, base)), hidden };
}

function moveReferences(
  db: DatabaseSync,
  chosen: readonly LiveSegment[],
  moved: ReadonlyMap<number, number>,
  base: number,
): void {
  const inChosen = (id: number) =>
    chosen.some((live) => id >= live.segment.base && id < live.segment.end);
  const follow = (id: number) => (inChosen(id) ? moved.get(id) : id);
  const selectFolded = db.prepare(
    'SELECT id, of, reason FROM folded WHERE (id >= ? AND id < ?) OR (of >= ? AND of < ?)',
  );
  const selectRepeats = db.prepare(
    'SELECT first, second FROM repeats WHERE (first >= ? AND first < ?) OR (second >= ? AND second < ?)',
  );
  const folds = new Map<number, { id: number; of: number; reason: number }>();
  const repeats = new Map<string, { first: number; second: number }>();
  for (const live of chosen) {
    const range = [live.segment.base, live.segment.end, live.segment.base, live.segment.end];
    for (const row of selectFolded.all(...range) as unknown as {
      id: number;
      of: number;
      reason: number;
    }[])
      folds.set(row.id, row);
    for (const row of selectRepeats.all(...range) as unknown as { first: number; second: number }[])
      repeats.set(`${row.first} ${row.second}`, row);
  }
  // Folds and repeats naming rows that were deleted go; the others follow their rows.
  const deleteFold = db.prepare('DELETE FROM folded WHERE id = ?');
  const insertFold = db.prepare('INSERT OR REPLACE INTO folded (id, of, reason) VALUES (?, ?, ?)');
  for (const row of folds.values()) deleteFold.run(row.id);
  for (const row of folds.values()) {
    const id = follow(row.id);
    const of = follow(row.of);
    if (id !== undefined && of !== undefined) insertFold.run(id, of, row.reason);
  }
  const deleteRepeat = db.prepare('DELETE FROM repeats WHERE first = ? AND second = ?');
  const updateRepeat = db.prepare(
    'UPDATE repeats SET first = ?, second = ? WHERE first = ? AND second = ?',
  );
  for (const row of repeats.values()) {
    const first = follow(row.first);
    const second = follow(row.second);
    if (first === undefined || second === undefined) deleteRepeat.run(row.first, row.second);
    else updateRepeat.run(first, second, row.first, row.second);
  }
  const bases = new Set(chosen.map((live) => live.segment.base));
  const updateFile = db.prepare('UPDATE files SET segments = ? WHERE id = ?');
  for (const row of db.prepare('SELECT id, segments FROM files').all() as unknown as {
    id: number;
    segments: string;
  }[]) {
    const list = JSON.parse(row.segments) as number[];
    if (!list.some((each) => bases.has(each))) continue;
    updateFile.run(
      JSON.stringify([...new Set(list.map((each) => (bases.has(each) ? base : each)))]),
      row.id,
    );
  }
}
