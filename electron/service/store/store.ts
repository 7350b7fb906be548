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
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  FileKind,
  Message,
} from '../../../shared/model';
import { searchSegments, withCursor, type SearchOptions } from '../index/search';
import { nextCursor, pageStart } from '../../../shared/paging';
import { closeQuietly, openDatabase } from './database';
import { storeFolder } from './location';
import { Hidden, loadSegments, Rows, type LiveSegment } from './rows';
import { daySpeakers, storedSpeakers } from './people';
import { sourcesOf, storedConversations, storedDiagnostics } from './lists';
import { readMeta } from './schema';
import { syncStore, type SyncReport } from './sync';
import { KEPT_THREAD_FILES, StatThread } from './statThread';
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
  /**
   * Whether to keep a stat worker while open, from KEPT_THREAD_FILES files on: the app's checks
   * after each change then use two cores. A one-shot command does not (it starts in ~100 ms).
   */
  statThread?: boolean;
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
  /** The kept stat worker (null: none to be had), started after the first sync that finds
   *  KEPT_THREAD_FILES files or more. */
  private statThread: StatThread | null | undefined;
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
        statThread: this.statThread,
      },
    );
    this.generation = readMeta(this.db, 'generation');
    // Started after a sync, so that it boots while the reader reads rather than beside the
    // opening check (which, from 20,000 files on, starts a worker of its own: known.ts).
    if (
      this.options.statThread &&
      this.statThread === undefined &&
      this.fileCount() >= KEPT_THREAD_FILES
    )
      this.statThread = StatThread.start();
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
    return this.cached('conversations', () =>
      storedConversations(this.db, this.root, this.mergeMap),
    );
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

  /** A conversation's speakers and persons; with a day, that day's counts. */
  speakers(conversation: string, day?: string): SpeakersResult {
    return day === undefined
      ? storedSpeakers(this.db, conversation)
      : daySpeakers(this.db, conversation, day, this.dayMessages(conversation, day).messages);
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
    return sourcesOf(this.db, this.rows, id);
  }

  diagnostics(): Diagnostic[] {
    return storedDiagnostics(this.db, this.lastReport?.problems ?? []);
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
    this.statThread?.close();
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
