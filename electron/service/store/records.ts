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

/** Titles and formats of conversations, from what their files declared. */
export function conversationInfo(
  db: DatabaseSync,
  root: string,
  merges: ReadonlyMap<string, string>,
): (conversation: string) => ConversationInfo {
  const known = new Map<string, ConversationInfo>();
  const files = db
    .prepare('SELECT path, conversations FROM files ORDER BY path')
    .all() as unknown as {
    path: string;
    conversations: string;
  }[];
  for (const file of files) {
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

/** A folder's last name (the archive's own for its root), or a file's name without extension. */
export function defaultTitle(id: string, root: string): string {
  if (id === '.') return basename(root);
  const file = id.replace(/#.*$/, '');
  const name = baseName(file);
  return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name.replace(/\.[A-Za-z0-9]{1,8}$/, '') : name;
}

export type FileWriter = ReturnType<typeof prepareFileWrite>;
