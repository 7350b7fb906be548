/**
 * The store's records of files: written after a file is read, the rows of a file that changed
 * or went away marked deleted, and the titles and formats its conversations declared.
 */
import { basename } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { baseName, ZIP_SEPARATOR } from '../../../shared/readers/paths';
import type { FileConversation, FileRecord } from './ingest';
import { Hidden, type LiveSegment } from './rows';
import type { ConversationInfo } from './summaries';

export function prepareFileWrite(db: DatabaseSync) {
  const insert = db.prepare(
    "INSERT INTO files (path, size, mtime, hash, kind, format, diagnostics, messages, events, segments, conversations, companions, aligned) VALUES (?, 0, 0, '', 'skipped', NULL, '[]', 0, 0, '[]', '[]', '[]', 0)",
  );
  const update = db.prepare(
    'UPDATE files SET size = ?, mtime = ?, hash = ?, kind = ?, format = ?, diagnostics = ?, messages = ?, events = ?, segments = ?, conversations = ?, companions = ?, aligned = ? WHERE id = ?',
  );
  const clearRepeats = db.prepare('DELETE FROM repeats WHERE file = ?');
  const write = (
    id: number,
    record: FileRecord,
    source: { size: number; mtime: number; hash: string },
  ) => {
    update.run(
      source.size,
      source.mtime,
      source.hash,
      record.kind,
      record.format,
      JSON.stringify(record.diagnostics),
      record.messages,
      record.events,
      JSON.stringify(record.segments),
      JSON.stringify(record.conversations),
      JSON.stringify(record.companions),
      record.aligned ? 1 : 0,
      id,
    );
  };
  return Object.assign(write, {
    reserve: (path: string) => Number(insert.run(path).lastInsertRowid),
    clearRepeats: (id: number) => void clearRepeats.run(id),
  });
}

/** Marks the rows of `path` (and of its zip entries) deleted; notes their keys. */
export function deleteRowsOf(
  live: LiveSegment,
  path: string,
  deleted: Set<number>,
  keys: Set<number>,
  refs: Set<number>,
): void {
  const { segment } = live;
  const paths = segment.paths();
  const mine = paths.map((p) => p === path || p.startsWith(`${path}${ZIP_SEPARATOR}`));
  if (!mine.includes(true)) return;
  const file = segment.files();
  const key = segment.file.section<Uint32Array>('key');
  for (let position = 0; position < segment.count; position++) {
    if (!mine[file[position]!]) continue;
    live.hidden[position]! |= Hidden.deleted;
    deleted.add(segment.base + position);
    keys.add(key[position]!);
  }
  const sortedRefs = segment.file.section<Float64Array>('refs');
  for (let i = 0; i < sortedRefs.length; i++) {
    const position = sortedRefs[i]! % 2 ** 21;
    if (mine[file[position]!]) refs.add(Math.floor(sortedRefs[i]! / 2 ** 21));
  }
}

/**
 * Titles and formats of conversations, from what their files declared: of every conversation,
 * or (faster: a change touches few of 10,000 files) only of those in `only`.
 */
export function conversationInfo(
  db: DatabaseSync,
  root: string,
  merges: ReadonlyMap<string, string>,
  only: ReadonlySet<string> | null = null,
): (conversation: string) => ConversationInfo {
  const known = new Map<string, ConversationInfo>();
  for (const file of declaringFiles(db, merges, only)) {
    for (const declared of JSON.parse(file.conversations) as FileConversation[]) {
      const id = merges.get(declared.id) ?? declared.id;
      const existing = known.get(id);
      if (!existing)
        known.set(id, { title: declared.title ?? defaultTitle(id, root), format: declared.format });
      else if (declared.title !== null && existing.title === defaultTitle(id, root))
        existing.title = declared.title;
    }
  }
  return (conversation) =>
    known.get(conversation) ?? { title: defaultTitle(conversation, root), format: 'markdown' };
}

/** Most ids a query names at once; more read every file's row. */
const MOST_IDS = 200;

/**
 * The files (in path order) declaring a conversation that is, or is merged into, one of `only`
 * (all files when null). A file's list is JSON.stringify's, so the id's JSON string is in it:
 * SQLite finds the few rows, and what else matches (a title spelt as an id) is parsed and
 * told apart as any row is.
 */
function declaringFiles(
  db: DatabaseSync,
  merges: ReadonlyMap<string, string>,
  only: ReadonlySet<string> | null,
): Declaring[] {
  const ids = new Set(only);
  for (const [part, into] of merges) if (only?.has(into)) ids.add(part);
  if (only === null || ids.size > MOST_IDS)
    return db
      .prepare('SELECT path, conversations FROM files ORDER BY path')
      .all() as unknown as Declaring[];
  if (ids.size === 0) return [];
  const test = [...ids].map(() => 'instr(conversations, ?) > 0').join(' OR ');
  return db
    .prepare(`SELECT path, conversations FROM files WHERE ${test} ORDER BY path`)
    .all(...[...ids].map((id) => JSON.stringify(id))) as unknown as Declaring[];
}

interface Declaring {
  path: string;
  conversations: string;
}

/** A folder's last name (the archive's own for its root), or a file's name without extension. */
export function defaultTitle(id: string, root: string): string {
  if (id === '.') return basename(root);
  const file = id.replace(/#.*$/, '');
  const name = baseName(file);
  return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name.replace(/\.[A-Za-z0-9]{1,8}$/, '') : name;
}

export type FileWriter = ReturnType<typeof prepareFileWrite>;
