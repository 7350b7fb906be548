/**
 * An archive's store: opened in the same time at 100k and at 10M messages (the database and the
 * segments' headers; nothing else is read until a view or a query needs it), brought up to date
 * with the folder by `sync` (only what changed is read), and answering the service's calls.
 * The design and why: README.md beside this file.
 */
import type { DatabaseSync } from 'node:sqlite';
import type {
  MessageLocation,
  MessagePage,
  SearchResult,
  SpeakersResult,
} from '../../../shared/api';
import { splitGroupCard } from '../../../shared/archive/groupCard';
import { compareStrings } from '../../../shared/archive/compare';
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  FileKind,
  FormatId,
  MergedPart,
  Message,
  PersonSummary,
  SpeakerSummary,
} from '../../../shared/model';
import { searchSegments, withCursor, type SearchOptions } from '../index/search';
import { nextCursor, pageStart } from '../../../shared/paging';
import { closeQuietly, openDatabase } from './database';
import { storeFolder } from './location';
import { Hidden, loadSegments, Rows, type LiveSegment } from './rows';
import { conversationInfo } from './records';
import { readMeta } from './schema';
import { syncStore, type SyncReport } from './sync';
import { dayPlaces, messagesAt, messagesByIds, speakerPlaces, threadOf, type Place } from './views';
import { rmSync } from 'node:fs';

export interface StoreOptions {
  /** Folder for stores; null keeps this one in a temporary folder, removed on close. */
  cacheDir: string | null;
  /**
   * The IANA zone for formats that store only instants; a function, so that it is looked up
   * (which loads the platform's time zone data) only when a file needing it is read.
   */
  timeZone: string | (() => string);
  /** Raw conversation id -> the conversation it is merged into (the user's choice). */
  merges?: ReadonlyMap<string, string>;
}

/** A page of a list (shared/paging.ts): `limit` items from `cursor` (default: all). */
export interface Paging {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export class ArchiveStore {
  readonly persistent: boolean;
  /** Why the store on disk was rebuilt or not used, when it was. */
  readonly note: string | undefined;
  private segments: LiveSegment[];
  private rows: Rows;
  private lastReport: SyncReport | null = null;
  private mergeMap: ReadonlyMap<string, string>;
  private readonly caches = new Map<string, unknown>();
  private closed = false;
  /** The store's generation the segments held reflect (sync.ts). */
  private generation: string | null;
  private zoneValue: string | null = null;
  private readonly zone = (): string => {
    const zone = this.options.timeZone;
    this.zoneValue ??= typeof zone === 'string' ? zone : zone();
    return this.zoneValue;
  };

  private constructor(
    readonly root: string,
    private readonly db: DatabaseSync,
    private readonly folder: string,
    persistent: boolean,
    note: string | undefined,
    private readonly options: StoreOptions,
  ) {
    this.persistent = persistent;
    this.note = note;
    this.mergeMap = options.merges ?? new Map();
    this.generation = readMeta(db, 'generation');
    this.segments = loadSegments(db, folder, []);
    this.rows = new Rows(this.segments);
  }

  /** Opens the store of `root` as it was last synced (nothing of the folder is read). */
  static open(root: string, options: StoreOptions): ArchiveStore {
    const folder = options.cacheDir === null ? null : storeFolder(options.cacheDir, root);
    const opened = openDatabase(folder, root);
    try {
      return new ArchiveStore(
        root,
        opened.db,
        opened.folder,
        opened.persistent,
        opened.note,
        options,
      );
    } catch {
      // Segments missing or damaged: the store is a cache, so start it again.
      closeQuietly(opened.db);
      rmSync(opened.folder, { recursive: true, force: true });
      const again = openDatabase(folder, root);
      return new ArchiveStore(
        root,
        again.db,
        again.folder,
        again.persistent,
        'its index files were damaged',
        options,
      );
    }
  }

  /** Whether the store has ever been synced (a new store shows nothing until it is). */
  get synced(): boolean {
    return this.lastReport !== null || this.segments.length > 0 || this.fileCount() > 0;
  }

  /** Reads what changed in the folder; null when nothing did. */
  async sync(onProgress?: (done: number, total: number) => void): Promise<SyncReport | null> {
    const report = await syncStore(
      this.db,
      this.segments.map((live) => ({ segment: live.segment, hidden: live.hidden.slice() })),
      {
        root: this.root,
        folder: this.folder,
        timeZone: this.zone,
        merges: this.mergeMap,
        generation: this.generation,
        onProgress,
      },
    );
    this.generation = readMeta(this.db, 'generation');
    const first = this.lastReport === null;
    this.lastReport = report;
    if (report.changed === 0 && !report.reloaded) return first ? report : null;
    // Segments another process (or a compaction) let go of are closed; the others stay open.
    for (const live of this.segments)
      if (!report.segments.some((kept) => kept.segment === live.segment)) live.segment.close();
    this.segments = report.segments;
    this.rows = new Rows(this.segments);
    this.caches.clear();
    return report;
  }

  /** Raw conversation id -> the conversation it is merged into. */
  get merges(): ReadonlyMap<string, string> {
    return this.mergeMap;
  }

  /** Changes which conversations are merged; the next sync reads their files again. */
  setMerges(merges: ReadonlyMap<string, string>): void {
    this.mergeMap = merges;
  }

  /** Changes the zone of instants; the next sync reads the files whose times depend on it. */
  setTimeZone(zone: string): void {
    this.zoneValue = zone;
  }

  get files(): FileCounts {
    const counts: FileCounts = { total: 0, chat: 0, timeline: 0, document: 0, skipped: 0 };
    for (const row of this.db
      .prepare('SELECT kind, count(*) AS n FROM files GROUP BY kind')
      .all() as unknown as { kind: FileKind; n: number }[]) {
      counts[row.kind] += row.n;
      counts.total += row.n;
    }
    const skipped = this.lastReport?.skipped ?? 0;
    counts.skipped += skipped;
    counts.total += skipped;
    return counts;
  }

  /** Messages a user sees, in every conversation. */
  get messageCount(): number {
    return this.conversations().reduce((sum, conversation) => sum + conversation.messages, 0);
  }

  conversations(): ConversationSummary[] {
    return this.cached('conversations', () => {
      const overlaps = new Map<string, { with: string; shared: number }[]>();
      for (const row of this.db
        .prepare('SELECT conversation, other, shared FROM overlaps ORDER BY shared DESC, other')
        .all() as unknown as { conversation: string; other: string; shared: number }[]) {
        const list = overlaps.get(row.conversation) ?? [];
        list.push({ with: row.other, shared: row.shared });
        overlaps.set(row.conversation, list);
      }
      // A merged part's own title (its files declare it; the merge does not change them).
      const parts = new Map<string, MergedPart[]>();
      if (this.mergeMap.size > 0) {
        const own = conversationInfo(this.db, this.root, new Map());
        for (const [part, into] of this.mergeMap)
          parts.set(into, [...(parts.get(into) ?? []), { id: part, title: own(part).title }]);
      }
      return (
        this.db
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
    });
  }

  days(conversation: string): DayActivity[] {
    return (
      this.db
        .prepare('SELECT day, messages, events FROM days WHERE conversation = ? ORDER BY day')
        .all(conversation) as unknown as DayActivity[]
    ).map((row) => ({ ...row }));
  }

  /** A day's messages in order (events and marked echoes included), a page at a time. */
  dayMessages(conversation: string, day: string, page: Paging = {}): MessagePage {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { messages: [], total: 0 };
    const places = this.cached(`day ${conversation}\u0000${day}`, () =>
      dayPlaces(this.rows, conversation, day),
    );
    return this.page(places, page);
  }

  /** Messages a user sees of any of `names` in a conversation, oldest first, a page at a time. */
  speakerMessages(conversation: string, names: readonly string[], page: Paging = {}): MessagePage {
    const key = `speaker ${conversation}\u0000${[...names].sort().join('\u0000')}`;
    const places = this.cached<Place[]>(key, () =>
      speakerPlaces(this.rows, conversation, new Set(names)),
    );
    return this.page(places, page);
  }

  private page(places: readonly Place[], page: Paging): MessagePage {
    const start = pageStart(page.cursor);
    const limit = page.limit ?? places.length;
    const messages = messagesAt(this.db, this.rows, places.slice(start, start + limit));
    return {
      messages,
      total: places.length,
      ...withCursor(nextCursor(start, limit, places.length)),
    };
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    const stored = (
      this.db
        .prepare('SELECT name, messages, first, last, person FROM speakers WHERE conversation = ?')
        .all(conversation) as unknown as Omit<SpeakerSummary, 'card'>[]
    ).map((row) => ({ ...row, card: splitGroupCard(row.name) }));
    const persons = (
      this.db
        .prepare('SELECT id, names, messages, evidence FROM persons WHERE conversation = ?')
        .all(conversation) as unknown as (Omit<PersonSummary, 'names'> & { names: string })[]
    ).map((row) => ({ ...row, names: JSON.parse(row.names) as string[] }));
    if (day === undefined)
      return {
        // Names seen only on echoes stay among their person's names, not in the list of speakers.
        speakers: sortSpeakers(stored.filter((speaker) => speaker.messages > 0)),
        persons: sortPersons(persons),
      };
    // A day's speakers: counts of that day, persons as known from the whole conversation.
    const known = new Map(stored.map((speaker) => [speaker.name, speaker]));
    const counts = new Map<string, number>();
    for (const message of this.dayMessages(conversation, day).messages) {
      if (message.kind === 'event' || message.echoOf !== undefined || message.speaker === '')
        continue;
      counts.set(message.speaker, (counts.get(message.speaker) ?? 0) + 1);
    }
    const speakers = [...counts].map(([name, messages]) => ({
      name,
      messages,
      first: day,
      last: day,
      card: splitGroupCard(name),
      person: known.get(name)?.person ?? name,
    }));
    const dayPersons = new Map<string, PersonSummary>();
    for (const speaker of speakers) {
      const person = dayPersons.get(speaker.person);
      if (person) {
        person.names.push(speaker.name);
        person.messages += speaker.messages;
      } else {
        const evidence = persons.find((p) => p.id === speaker.person)?.evidence ?? 0;
        dayPersons.set(speaker.person, {
          id: speaker.person,
          names: [speaker.name],
          messages: speaker.messages,
          evidence,
        });
      }
    }
    return { speakers: sortSpeakers(speakers), persons: sortPersons([...dayPersons.values()]) };
  }

  locate(id: number): MessageLocation | null {
    const found = this.rows.find(id);
    if (!found || (found.live.hidden[found.position]! & Hidden.deleted) !== 0) return null;
    const { segment } = found.live;
    return {
      id,
      conversation: this.rows.conversation(segment, found.position),
      day: this.rows.day(segment, found.position),
    };
  }

  /** Messages by id in the one order of messages (shared/model.ts); unknown ids left out. */
  messagesByIds(ids: readonly number[]): Message[] {
    return messagesByIds(this.db, this.rows, ids);
  }

  /** A thread (Slack): its first message and its replies, in time order. */
  thread(id: number): Message[] {
    return threadOf(this.db, this.rows, id);
  }

  /** Where a message was read: its own file and line, and its copies'. */
  messageSources(id: number): { path: string; line: number }[] {
    const found = this.rows.find(id);
    if (!found) return [];
    const ids = [
      id,
      ...(
        this.db
          .prepare('SELECT id FROM folded WHERE of = ? AND reason = ?')
          .all(id, Hidden.copy) as unknown as {
          id: number;
        }[]
      ).map((row) => row.id),
    ];
    return ids.flatMap((each) => {
      const place = this.rows.find(each);
      if (!place) return [];
      return [
        {
          path: this.rows.path(place.live.segment, place.position),
          line: this.rows.line(place.live.segment, place.position),
        },
      ];
    });
  }

  diagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [...(this.lastReport?.problems ?? [])];
    for (const row of this.db
      .prepare("SELECT diagnostics FROM files WHERE diagnostics <> '[]'")
      .all() as unknown as { diagnostics: string }[])
      diagnostics.push(...(JSON.parse(row.diagnostics) as Diagnostic[]));
    return diagnostics.sort(
      (a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0),
    );
  }

  search(query: string, options: SearchOptions): SearchResult {
    const titles = () =>
      this.cached(
        'titles',
        () => new Map(this.conversations().map((summary) => [summary.id, summary.title])),
      );
    // Read only when the query asks for someone (from:).
    const persons = () =>
      this.cached('persons', () => {
        const map = new Map<string, string[][]>();
        for (const row of this.db
          .prepare('SELECT conversation, names FROM persons')
          .all() as unknown as {
          conversation: string;
          names: string;
        }[]) {
          const list = map.get(row.conversation) ?? [];
          list.push(JSON.parse(row.names) as string[]);
          map.set(row.conversation, list);
        }
        return map;
      });
    return searchSegments(
      {
        segments: this.segments,
        persons: (conversation) => persons().get(conversation) ?? [],
        title: (conversation) => titles().get(conversation) ?? conversation,
      },
      query,
      options,
      (ids) =>
        this.messagesByIds(ids).map(({ id, conversation, day, time, speaker, text, path }) => ({
          id,
          conversation,
          day,
          time,
          speaker,
          text,
          path,
        })),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const live of this.segments) live.segment.close();
    closeQuietly(this.db);
    if (!this.persistent) rmSync(this.folder, { recursive: true, force: true });
  }

  private fileCount(): number {
    return Number((this.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n);
  }

  private cached<T>(key: string, make: () => T): T {
    if (this.caches.has(key)) return this.caches.get(key) as T;
    const value = make();
    // A few recent day and person lists are kept; the rest are made again when asked.
    if (this.caches.size > 64) this.caches.clear();
    this.caches.set(key, value);
    return value;
  }
}

function sortSpeakers(speakers: SpeakerSummary[]): SpeakerSummary[] {
  return speakers.sort((a, b) => b.messages - a.messages || compareStrings(a.name, b.name));
}

function sortPersons(persons: PersonSummary[]): PersonSummary[] {
  return persons.sort((a, b) => b.messages - a.messages || compareStrings(a.id, b.id));
}
