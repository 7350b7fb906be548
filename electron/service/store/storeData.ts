/**
 * ArchiveData backed by the persistent store (SQLite, electron/service/store/) and the search
 * index. Columns of the index answer which messages; the database gives their text, only for
 * the messages a page shows.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  MessageLocation,
  MessagePage,
  SearchResult,
  SpeakersResult,
} from '../../../shared/api';
import { emptyFileCounts, summarizeSpeakers } from '../../../shared/archive/build';
import { compareStrings } from '../../../shared/archive/compare';
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  FileKind,
  Message,
  PersonSummary,
  SpeakerSummary,
} from '../../../shared/model';
import { sliceOfDay, type ArchiveData, type DaySlice, type SearchOptions } from '../archiveData';
import { personGroups } from '../search/archiveIndex';
import { dayNumber, dayOfNumber, type Corpus } from '../search/corpus';
import { searchIndex, type SearchIndex } from '../search/engine';
import type { Postings } from '../search/postings';
import { lowerBound } from '../search/sets';
import type { SyncReport } from './sync';

const NO_ID = 0xffffffff;

/** What only the database holds of a message: [row, time, text, echo_of]. The rest (speaker,
 *  file, line, day) is in the index's columns, whose strings are shared rather than copied. */
type MessageRow = [number, string, string, number | null];

export class StoreArchiveData implements ArchiveData {
  readonly files: FileCounts;
  private readonly index: SearchIndex;
  /** Row id in the store -> message id (NO_ID for rows not indexed). */
  private readonly idOfRow: Uint32Array;
  private readonly conversationIndex: Map<string, number>;
  private readonly readMessages: StatementSync;
  private summaries: ConversationSummary[] | null = null;

  constructor(
    private readonly db: DatabaseSync,
    corpus: Corpus,
    postings: Postings,
    private readonly report: SyncReport,
  ) {
    const persons = (
      db.prepare('SELECT conversation, names FROM persons').all() as unknown as {
        conversation: string;
        names: string;
      }[]
    ).reduce((map, row) => {
      const list = map.get(row.conversation) ?? [];
      list.push({ names: JSON.parse(row.names) as string[] });
      return map.set(row.conversation, list);
    }, new Map<string, { names: string[] }[]>());
    this.index = { corpus, postings, persons: personGroups(corpus, persons) };
    let maxRow = 0;
    for (let id = 0; id < corpus.count; id++) maxRow = Math.max(maxRow, corpus.row[id]!);
    this.idOfRow = new Uint32Array(corpus.count === 0 ? 0 : maxRow + 1).fill(NO_ID);
    for (let id = 0; id < corpus.count; id++) this.idOfRow[corpus.row[id]!] = id;
    this.conversationIndex = new Map(corpus.conversationNames.map((name, index) => [name, index]));
    this.files = fileCounts(db, report.skipped);
    this.readMessages = db.prepare(
      'SELECT id, time, text, echo_of FROM messages WHERE id IN (SELECT value FROM json_each(?))',
    );
    // Arrays rather than objects with named fields: a day of 10,000 messages reads faster.
    this.readMessages.setReturnArrays(true);
  }

  get messageCount(): number {
    return this.index.corpus.count;
  }

  conversations(): ConversationSummary[] {
    this.summaries ??= (
      this.db
        .prepare('SELECT id, title, messages, days, speakers, first, last FROM conversations')
        .all() as unknown as ConversationSummary[]
    )
      .map((row) => ({ ...row }))
      .sort((a, b) => compareStrings(a.id, b.id));
    return this.summaries;
  }

  days(conversation: string): DayActivity[] {
    return (
      this.db
        .prepare('SELECT day, messages FROM days WHERE conversation = ? ORDER BY day')
        .all(conversation) as unknown as DayActivity[]
    ).map((row) => ({ ...row }));
  }

  dayMessages(conversation: string, day: string, slice?: DaySlice): Message[] {
    const { corpus } = this.index;
    const wanted = this.conversationIndex.get(conversation);
    if (wanted === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return [];
    const value = dayNumber(day);
    const ids: number[] = [];
    for (
      let id = lowerBound(corpus.day, value);
      id < corpus.count && corpus.day[id] === value;
      id++
    ) {
      if (corpus.conversation[id] === wanted) ids.push(id);
    }
    // Only the rows of the slice are read from the database.
    return this.messages(sliceOfDay(ids, slice));
  }

  speakerMessages(
    conversation: string,
    names: readonly string[],
    cursor: number,
    limit: number,
  ): MessagePage {
    const { corpus } = this.index;
    const wanted = this.conversationIndex.get(conversation);
    const speakers = new Set(names);
    const selected = corpus.speakerNames.map((name) => speakers.has(name));
    const ids: number[] = [];
    if (wanted !== undefined) {
      for (let id = 0; id < corpus.count; id++)
        if (corpus.conversation[id] === wanted && selected[corpus.speaker[id]!]) ids.push(id);
    }
    const messages = this.messages(ids.slice(cursor, cursor + limit));
    return cursor + limit < ids.length
      ? { messages, total: ids.length, nextCursor: cursor + limit }
      : { messages, total: ids.length };
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    const speakers = (
      this.db
        .prepare(
          'SELECT name, messages, first, last, card, person FROM speakers WHERE conversation = ?',
        )
        .all(conversation) as unknown as (Omit<SpeakerSummary, 'card'> & {
        card: string;
      })[]
    )
      .map((row) => ({
        name: row.name,
        messages: row.messages,
        first: row.first,
        last: row.last,
        card: JSON.parse(row.card) as SpeakerSummary['card'],
        person: row.person,
      }))
      .sort((a, b) => b.messages - a.messages || compareStrings(a.name, b.name));
    if (day !== undefined) return summarizeSpeakers(this.dayMessages(conversation, day), speakers);
    const persons: PersonSummary[] = (
      this.db
        .prepare('SELECT id, names, messages, evidence FROM persons WHERE conversation = ?')
        .all(conversation) as unknown as (Omit<PersonSummary, 'names'> & { names: string })[]
    )
      .map((row) => ({
        id: row.id,
        names: JSON.parse(row.names) as string[],
        messages: row.messages,
        evidence: row.evidence,
      }))
      .sort((a, b) => b.messages - a.messages || compareStrings(a.id, b.id));
    return { speakers, persons };
  }

  locate(id: number): MessageLocation | null {
    const { corpus } = this.index;
    if (!Number.isInteger(id) || id < 0 || id >= corpus.count) return null;
    return {
      id,
      conversation: corpus.conversationNames[corpus.conversation[id]!]!,
      day: dayOfNumber(corpus.day[id]!),
    };
  }

  messagesByIds(ids: readonly number[]): Message[] {
    const { corpus } = this.index;
    const valid = [...new Set(ids)].filter(
      (id) => Number.isInteger(id) && id >= 0 && id < corpus.count,
    );
    // Archive order: by conversation, then time (ids run in time order).
    valid.sort(
      (a, b) =>
        compareStrings(
          corpus.conversationNames[corpus.conversation[a]!]!,
          corpus.conversationNames[corpus.conversation[b]!]!,
        ) || a - b,
    );
    return this.messages(valid);
  }

  diagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [...this.report.problems];
    for (const row of this.db
      .prepare("SELECT diagnostics FROM files WHERE diagnostics <> '[]'")
      .all() as unknown as { diagnostics: string }[]) {
      diagnostics.push(...(JSON.parse(row.diagnostics) as Diagnostic[]));
    }
    return diagnostics.sort(
      (a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0),
    );
  }

  search(query: string, options: SearchOptions): SearchResult {
    return searchIndex(this.index, query, options, (ids) => this.messages(ids));
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      // Already closed: nothing left to release.
    }
  }

  /** Messages of the given ids, in the order given. */
  private messages(ids: readonly number[]): Message[] {
    if (ids.length === 0) return [];
    const { corpus } = this.index;
    const rows = this.readMessages.all(
      JSON.stringify(ids.map((id) => corpus.row[id]!)),
    ) as unknown as MessageRow[];
    const byRow = new Map(rows.map((row) => [row[0], row]));
    const days = new Map<number, string>();
    const messages: Message[] = [];
    for (const id of ids) {
      const row = byRow.get(corpus.row[id]!);
      if (!row) continue;
      const [, time, text, echoOf] = row;
      const dayValue = corpus.day[id]!;
      let day = days.get(dayValue);
      if (day === undefined) days.set(dayValue, (day = dayOfNumber(dayValue)));
      const message: Message = {
        id,
        conversation: corpus.conversationNames[corpus.conversation[id]!]!,
        day,
        time,
        speaker: corpus.speakerNames[corpus.speaker[id]!]!,
        text,
        path: corpus.pathNames[corpus.path[id]!]!,
        line: corpus.line[id]!,
      };
      const echo = echoOf === null ? NO_ID : (this.idOfRow[echoOf] ?? NO_ID);
      if (echo !== NO_ID) message.echoOf = echo;
      messages.push(message);
    }
    return messages;
  }
}

function fileCounts(db: DatabaseSync, skipped: number): FileCounts {
  const counts = emptyFileCounts();
  counts.total = skipped;
  counts.skipped = skipped;
  for (const row of db
    .prepare('SELECT kind, count(*) AS n FROM files GROUP BY kind')
    .all() as unknown as { kind: FileKind; n: number }[]) {
    counts[row.kind] += row.n;
    counts.total += row.n;
  }
  return counts;
}
