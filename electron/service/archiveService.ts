/**
 * The archive service: opens an archive folder and answers the UI's calls (shared/api.ts). Plain
 * Node, no Electron: the app's main process, `scrollback serve`, the CLI and the tests all use
 * it. An archive opened before is shown at once from its store and then checked against the
 * folder in the background; a new one is read first, with progress. While an archive is open it
 * is watched: files added, changed or removed are read into the store and the UI is told which
 * conversations changed (openArchive.ts: the open archive, its watch and its refreshes).
 */
import { resolve } from 'node:path';
import type {
  ApiEvent,
  ArchiveInfo,
  ArchiveStatus,
  MessagePage,
  MessageSource,
  SearchResult,
  Settings,
  SpeakersResult,
} from '../../shared/api';
import { ServiceError } from '../../shared/apiErrors';
import { isTimeZone } from '../../shared/dates';
import { errorMessage } from '../../shared/errors';
import type { ConversationSummary, DayActivity, Diagnostic, Message } from '../../shared/model';
import { ArchiveError, checkArchiveFolder } from './archiveFolder';
import { OpenArchive } from './openArchive';
import type { SettingsStore } from './settings';
import { defaultCacheDir } from './store/location';
import { ArchiveStore, type Paging } from './store/store';
import type { WatchFunction } from './watch/folderWatch';

export interface ServiceOptions {
  /** The bundled sample archive, offered on first run. */
  samplePath?: string;
  /**
   * Where archives' stores are kept: the platform's per-user cache folder when absent, a
   * temporary folder removed on close when null.
   */
  cacheDir?: string | null;
  /** The IANA zone for formats that store only instants; else the settings', else the system's. */
  timeZone?: string;
  /** Where the user's choices are kept: the time zone, and merged conversations per archive. */
  settings?: SettingsStore;
  /** Whether to watch open archives for changes (the CLI's one-shot commands do not). */
  watch?: boolean;
  /** The system's watch function (tests wrap it to make a watch fail). */
  watchFunction?: WatchFunction;
}

type Listener = (event: ApiEvent) => void;

export class ArchiveService {
  private current: OpenArchive | null = null;
  private state: ArchiveStatus = { state: 'empty' };
  private readonly listeners = new Set<Listener>();
  /** Bumped by every open and close: a slower earlier open never replaces a later one. */
  private opening = 0;

  constructor(private readonly options: ServiceOptions = {}) {}

  /** Where the user's choices are kept, when the host makes it after the service. */
  attachSettings(settings: SettingsStore): void {
    this.options.settings = settings;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): ArchiveStatus {
    return this.state;
  }

  get root(): string | null {
    return this.current?.root ?? null;
  }

  /** The open archive's store (the CLI reads through it). */
  get store(): ArchiveStore {
    return this.opened().store;
  }

  /**
   * Opens a folder. A folder that cannot be opened leaves the open archive open and answering;
   * the error goes back to the caller (the dialog that asked).
   */
  async open(path: string): Promise<ArchiveInfo> {
    const root = resolve(path);
    try {
      await checkArchiveFolder(root);
    } catch (error) {
      throw new ServiceError('folder-unreadable', errorMessage(error));
    }
    const ticket = ++this.opening;
    const previous = this.state;
    const settings = await this.options.settings?.get();
    let store: ArchiveStore;
    try {
      store = ArchiveStore.open(root, {
        cacheDir: this.options.cacheDir === undefined ? defaultCacheDir() : this.options.cacheDir,
        timeZone: () => this.timeZone(settings),
        merges: mergesOf(settings, root),
        // A watched archive is checked after every change: with a second core.
        statThread: this.options.watch !== false,
      });
      if (!store.synced) {
        this.setStatus({ state: 'loading', root, phase: 'reading', done: 0, total: 0 });
        await store.sync((done, total) => {
          if (ticket === this.opening)
            this.setStatus({ state: 'loading', root, phase: 'reading', done, total });
        });
      }
    } catch (error) {
      if (ticket === this.opening) this.restore(previous);
      if (error instanceof ArchiveError) throw new ServiceError('folder-unreadable', error.message);
      throw new ServiceError('internal', errorMessage(error));
    }
    if (ticket !== this.opening) {
      store.close();
      throw new ServiceError('internal', 'Another archive was opened meanwhile.');
    }
    this.current?.close();
    const opened = new OpenArchive(root, store, this.options.samplePath, {
      onInfo: (archive) => this.setStatus({ state: 'ready', archive }),
      onChanged: (conversations) => this.emit({ type: 'changed', conversations }),
    });
    this.current = opened;
    this.setStatus({ state: 'ready', archive: opened.info });
    // An archive opened before shows what was stored; now it is checked against the folder.
    opened.start(this.options.watch !== false, this.options.watchFunction);
    return opened.info;
  }

  /** Resolves once no refresh is under way or waiting (for tests and an orderly shutdown). */
  async settled(): Promise<void> {
    await this.current?.settled();
  }

  async openSample(): Promise<ArchiveInfo> {
    if (!this.options.samplePath)
      throw new ServiceError('unsupported', 'No sample archive is bundled with this build.');
    return this.open(this.options.samplePath);
  }

  conversations(): ConversationSummary[] {
    return this.opened().store.conversations();
  }

  days(conversation: string): DayActivity[] {
    return this.opened().store.days(conversation);
  }

  dayMessages(conversation: string, day: string, page?: Paging): MessagePage {
    return this.opened().store.dayMessages(conversation, day, page);
  }

  /** Messages of a person: every name grouped with `person` in that conversation. */
  personMessages(conversation: string, person: string, page: Paging = { limit: 500 }): MessagePage {
    const { store } = this.opened();
    const { persons } = store.speakers(conversation);
    const names = persons.find((p) => p.id === person || p.names.includes(person))?.names ?? [
      person,
    ];
    return store.speakerMessages(conversation, names, page);
  }

  thread(id: number): Message[] {
    return this.opened().store.thread(id);
  }

  messageSources(id: number): MessageSource[] {
    return this.opened().store.messageSources(id);
  }

  /** Merges conversations into the first of `ids` (remembered for this archive folder). */
  async mergeConversations(ids: readonly string[]): Promise<ArchiveInfo> {
    const archive = this.opened();
    const [into, ...others] = ids;
    const merges = new Map(archive.store.merges);
    for (const other of others) {
      if (other === into) continue;
      // The other's own parts follow it into `into`.
      for (const [part, target] of merges) if (target === other) merges.set(part, into!);
      merges.set(other, into!);
    }
    return this.applyMerges(archive, merges);
  }

  /** Makes the conversations merged into `conversation` separate again. */
  async separateConversation(conversation: string): Promise<ArchiveInfo> {
    const archive = this.opened();
    const merges = new Map(
      [...archive.store.merges].filter(
        ([part, into]) => into !== conversation && part !== conversation,
      ),
    );
    return this.applyMerges(archive, merges);
  }

  private async applyMerges(
    archive: OpenArchive,
    merges: ReadonlyMap<string, string>,
  ): Promise<ArchiveInfo> {
    const settings = this.options.settings;
    if (settings) {
      const all = { ...(await settings.get()).merges };
      if (merges.size === 0) delete all[archive.root];
      else all[archive.root] = [...merges].sort();
      await settings.update({ merges: all });
    }
    archive.store.setMerges(merges);
    await archive.refreshNow();
    return archive.info;
  }

  /** Settings changed: a new time zone reads the files whose times depend on it again. */
  async settingsChanged(settings: Settings): Promise<void> {
    const archive = this.current;
    if (!archive) return;
    archive.store.setTimeZone(this.timeZone(settings));
    await archive.refreshNow();
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    return this.opened().store.speakers(conversation, day);
  }

  locate(id: number) {
    const location = this.opened().store.locate(id);
    if (!location)
      throw new ServiceError('not-found', `There is no message ${id} in this archive.`);
    return location;
  }

  messagesByIds(ids: readonly number[]): Message[] {
    return this.opened().store.messagesByIds(ids);
  }

  search(
    query: string,
    options: {
      limit?: number | undefined;
      cursor?: string | undefined;
      order?: 'newest' | 'oldest' | undefined;
      conversation?: string | undefined;
    } = {},
  ): SearchResult {
    return this.opened().store.search(query, {
      limit: options.limit ?? 50,
      order: options.order ?? 'newest',
      cursor: options.cursor,
      conversation: options.conversation,
    });
  }

  diagnostics(): Diagnostic[] {
    return this.current?.store.diagnostics() ?? [];
  }

  close(): void {
    this.opening++;
    this.current?.close();
    this.current = null;
    this.setStatus({ state: 'empty' });
  }

  private timeZone(settings: Settings | undefined): string {
    if (this.options.timeZone) return this.options.timeZone;
    const chosen = settings?.timeZone;
    if (chosen && chosen !== 'system' && isTimeZone(chosen)) return chosen;
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  /** Back to what the status was before a failed open (the open archive stays open). */
  private restore(previous: ArchiveStatus): void {
    this.setStatus(this.current ? { state: 'ready', archive: this.current.info } : previous);
  }

  private opened(): OpenArchive {
    if (!this.current) throw new ServiceError('no-archive', 'No archive is open.');
    return this.current;
  }

  private setStatus(status: ArchiveStatus): void {
    this.state = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The merges the user chose for the archive at `root`. */
function mergesOf(settings: Settings | undefined, root: string): Map<string, string> {
  return new Map(settings?.merges[root] ?? []);
}
