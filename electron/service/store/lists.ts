/**
 * What the store answers straight from its tables: the conversations (with their overlaps and
 * the parts merged into them), where a message was read, the diagnostics.
 */
import type { DatabaseSync } from 'node:sqlite';
import { compareStrings } from '../../../shared/archive/compare';
import type { ConversationSummary, Diagnostic, FormatId, MergedPart } from '../../../shared/model';
import { conversationInfo } from './records';
import { Hidden, type Rows } from './rows';

export function storedConversations(
  db: DatabaseSync,
  root: string,
  merges: ReadonlyMap<string, string>,
): ConversationSummary[] {
  const overlaps = new Map<string, { with: string; shared: number }[]>();
  for (const row of db
    .prepare('SELECT conversation, other, shared FROM overlaps ORDER BY shared DESC, other')
    .all() as unknown as { conversation: string; other: string; shared: number }[]) {
    const list = overlaps.get(row.conversation) ?? [];
    list.push({ with: row.other, shared: row.shared });
    overlaps.set(row.conversation, list);
  }
  // A merged part's own title (its files declare it; the merge does not change them).
  const parts = new Map<string, MergedPart[]>();
  if (merges.size > 0) {
    const own = conversationInfo(db, root, new Map(), new Set(merges.keys()));
    for (const [part, into] of merges)
      parts.set(into, [...(parts.get(into) ?? []), { id: part, title: own(part).title }]);
  }
  return (
    db
      .prepare(
        'SELECT id, title, format, lines, messages, unique_messages AS "unique", events, days, speakers, first, last, last_time AS lastTime FROM conversations',
      )
      .all() as unknown as (Omit<ConversationSummary, 'overlaps' | 'format'> & {
      format: FormatId;
    })[]
  )
    .map((row) => {
      const merged = parts.get(row.id);
      return {
        ...row,
        overlaps: overlaps.get(row.id) ?? [],
        ...(merged ? { merged: merged.sort((a, b) => compareStrings(a.id, b.id)) } : {}),
      };
    })
    .sort((a, b) => compareStrings(a.id, b.id));
}

/** Where a message was read: its own file and line, and those of its copies. */
export function sourcesOf(
  db: DatabaseSync,
  rows: Rows,
  id: number,
): { path: string; line: number }[] {
  if (!rows.find(id)) return [];
  const copies = db
    .prepare('SELECT id FROM folded WHERE of = ? AND reason = ?')
    .all(id, Hidden.copy) as unknown as { id: number }[];
  return [id, ...copies.map((row) => row.id)].flatMap((each) => {
    const place = rows.find(each);
    if (!place) return [];
    const { segment } = place.live;
    return [{ path: rows.path(segment, place.position), line: rows.line(segment, place.position) }];
  });
}

/** Every file's diagnostics and the last sync's own problems, by path and line. */
export function storedDiagnostics(db: DatabaseSync, problems: readonly Diagnostic[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...problems];
  for (const row of db
    .prepare("SELECT diagnostics FROM files WHERE diagnostics <> '[]'")
    .all() as unknown as { diagnostics: string }[])
    diagnostics.push(...(JSON.parse(row.diagnostics) as Diagnostic[]));
  return diagnostics.sort(
    (a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0),
  );
}
