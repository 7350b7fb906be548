/**
 * The archive service: opens an archive folder and answers the UI's calls (shared/api.ts). Plain
 * Node, no Electron: the app's main process, `scrollback serve` and the tests all use it. While an
 * archive is open it is watched: files added, changed or removed are read into the store and the
 * UI is told which conversations changed (a 'changed' event and a fresh 'ready' status).
 */
import { basename, resolve } from 'node:path';
import type {
  ApiEvent,
  ArchiveInfo,
  ArchiveStatus,
  MessagePage,
  SearchResult,
  SpeakersResult,
} from '../../shared/api';
import { ServiceError } from '../../shared/api';
import type { ConversationSummary, DayActivity, Diagnostic, Message } from '../../shared/model';
import type { ArchiveData, DaySlice } from './archiveData';
import { ArchiveError } from './readArchive';
import { defaultCacheDir } from './store/location';
import { openStore, refreshStore, type LiveStore } from './store/openStore';
import { watchArchive, type ArchiveWatcher } from './watcher';

export interface ServiceOptions {
  /** The bundled sample archive, offered on first run. */
  samplePath?: string;
  /**
   * Where archives' stores (database and search index) are kept: the platform's per-user cache
   * folder when absent, nothing on disk when null (everything is then read into memory).
   */
  cacheDir?: string | null;
}

type Listener = (event: ApiEvent) => void;

export class ArchiveService {
  private data: ArchiveData | null = null;
  private info: ArchiveInfo | null = null;
  private state: ArchiveStatus = { state: 'empty' };
  private readonly listeners = new Set<Listener>();
  /** Bumped on every open and close, so that a slow earlier open or refresh cannot replace a later one. */
  private generation = 0;
  /** The open store, for refreshing it in place when the folder changes. */
  private live: LiveStore | null = null;
  private watcher: ArchiveWatcher | null = null;
  /** The refreshes under way (one at a time), and whether changes came in during the current one. */
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(private readonly options: ServiceOptions = {}) {}

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): ArchiveStatus {
    return this.state;
  }

  get root(): string | null {
    return this.info?.root ?? null;
  }

  async open(path: string): Promise<ArchiveInfo> {
    const root = resolve(path);
    const generation = ++this.generation;
    this.stopWatching();
    // A refresh of the archive open now writes to its store; let it end (it sees the new
    // generation and stops) before that store may be opened again.
    if (this.refreshing) await this.refreshing;
    this.setStatus({ state: 'loading', root, phase: 'listing', done: 0, total: 0 });
    let data: ArchiveData;
    let live: LiveStore;
    try {
      const cacheDir =
        this.options.cacheDir === undefined ? defaultCacheDir() : this.options.cacheDir;
      const opened = await openStore(root, {
        cacheDir,
        onProgress: (phase, done, total) => {
          if (generation === this.generation)
            this.setStatus({ state: 'loading', root, phase, done, total });
        },
      });
      data = opened.data;
      live = opened.live;
    } catch (error) {
      const failure =
        error instanceof ArchiveError
          ? new ServiceError('folder-unreadable', error.message)
          : new ServiceError('internal', String(error));
      if (generation === this.generation)
        this.setStatus({
          state: 'failed',
          root,
          error: { code: failure.code, message: failure.message },
        });
      throw failure;
    }
    if (generation !== this.generation) {
      data.close();
      throw new ServiceError('internal', 'Another archive was opened meanwhile.');
    }
    this.data?.close();
    this.data = data;
    this.live = live;
    this.info = this.describe(root, data);
    this.setStatus({ state: 'ready', archive: this.info });
    this.watcher = watchArchive(root, () => this.requestRefresh(generation));
    return this.info;
  }

  /** Resolves once no refresh is under way or waiting (for tests and an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  async openSample(): Promise<ArchiveInfo> {
    if (!this.options.samplePath)
      throw new ServiceError('unsupported', 'No sample archive is bundled with this build.');
    return this.open(this.options.samplePath);
  }

  conversations(): ConversationSummary[] {
    return this.opened().conversations();
  }

  days(conversation: string): DayActivity[] {
    return this.opened().days(conversation);
  }

  dayMessages(conversation: string, day: string, slice?: DaySlice): Message[] {
    return this.opened().dayMessages(conversation, day, slice);
  }

  /** Messages of a person: every name grouped with `person` in that conversation. */
  personMessages(conversation: string, person: string, cursor = 0, limit = 500): MessagePage {
    const data = this.opened();
    const { persons } = data.speakers(conversation);
    const names = persons.find((p) => p.id === person || p.names.includes(person))?.names ?? [
      person,
    ];
    return data.speakerMessages(conversation, names, cursor, limit);
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    return this.opened().speakers(conversation, day);
  }

  locate(id: number) {
    const location = this.opened().locate(id);
    if (!location)
      throw new ServiceError('not-found', `There is no message ${id} in this archive.`);
    return location;
  }

  messagesByIds(ids: readonly number[]): Message[] {
    return this.opened().messagesByIds(ids);
  }

  search(
    query: string,
    options: { limit?: number; cursor?: string; order?: 'newest' | 'oldest' } = {},
  ): SearchResult {
    return this.opened().search(query, {
      limit: options.limit ?? 50,
      order: options.order ?? 'newest',
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
  }

  diagnostics(): Diagnostic[] {
    return this.data?.diagnostics() ?? [];
  }

  close(): void {
    this.generation++;
    this.stopWatching();
    this.data?.close();
    this.data = null;
    this.live = null;
    this.info = null;
    this.setStatus({ state: 'empty' });
  }

  /**
   * Called with each batch the watcher reports. Refreshes run one at a time; batches arriving
   * during one are folded into a single next refresh, which reads whatever the folder then holds.
   */
  private requestRefresh(generation: number): void {
    if (generation !== this.generation) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.refresh(generation);
        } while (this.refreshAgain && generation === this.generation);
      } finally {
        this.refreshing = null;
      }
    })();
  }

  /**
   * Reads what changed into the open store, without a 'loading' status: the UI keeps showing
   * the archive, and refetches what it shows when told which conversations changed. A file
   * caught half-written is read as it is; the write that completes it triggers the next refresh,
   * which replaces its rows.
   */
  private async refresh(generation: number): Promise<void> {
    const live = this.live;
    if (!live || generation !== this.generation) return;
    let refreshed: Awaited<ReturnType<typeof refreshStore>>;
    try {
      refreshed = await refreshStore(live);
    } catch (error) {
      // A folder gone away keeps showing what was read. A store that failed half-way may hold
      // some changes and not others: reading the archive again is the way back to the truth.
      if (!(error instanceof ArchiveError) && generation === this.generation)
        void this.open(live.root).catch(() => undefined);
      return;
    }
    // Another archive was opened or this one closed meanwhile: the connection is closed or
    // belongs to an earlier open, and what was read is dropped.
    if (!refreshed || generation !== this.generation) return;
    // Not closed: the earlier data shares the connection with the new one.
    this.data = refreshed.data;
    this.live = refreshed.live;
    this.info = this.describe(live.root, refreshed.data);
    this.setStatus({ state: 'ready', archive: this.info });
    this.emit({
      type: 'changed',
      conversations: refreshed.report.conversations,
      renumberedFrom: refreshed.renumberedFrom,
    });
  }

  private describe(root: string, data: ArchiveData): ArchiveInfo {
    return {
      root,
      name: basename(root),
      files: data.files,
      messages: data.messageCount,
      conversations: data.conversations(),
      diagnostics: data.diagnostics().length,
      sample: this.options.samplePath !== undefined && resolve(this.options.samplePath) === root,
    };
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private opened(): ArchiveData {
    if (!this.data) throw new ServiceError('no-archive', 'No archive is open.');
    return this.data;
  }

  private setStatus(status: ArchiveStatus): void {
    this.state = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
