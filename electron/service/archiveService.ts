/**
 * The archive service: opens an archive folder and answers the UI's calls (shared/api.ts). Plain
 * Node, no Electron: the app's main process, `scrollback serve` and the tests all use it.
 */
import { basename, resolve } from 'node:path';
import type { ApiEvent, ArchiveInfo, ArchiveStatus, MessagePage, SearchResult, SpeakersResult } from '../../shared/api';
import { ServiceError } from '../../shared/api';
import type { ConversationSummary, DayActivity, Diagnostic, Message } from '../../shared/model';
import type { ArchiveData } from './archiveData';
import { ArchiveError } from './readArchive';
import { defaultCacheDir } from './store/location';
import { openStore } from './store/openStore';

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
  /** Bumped on every open, so that a slow earlier open cannot replace a later one. */
  private generation = 0;

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
    this.setStatus({ state: 'loading', root, phase: 'listing', done: 0, total: 0 });
    let data: ArchiveData;
    try {
      const cacheDir = this.options.cacheDir === undefined ? defaultCacheDir() : this.options.cacheDir;
      const opened = await openStore(root, {
        cacheDir,
        onProgress: (phase, done, total) => {
          if (generation === this.generation) this.setStatus({ state: 'loading', root, phase, done, total });
        },
      });
      data = opened.data;
    } catch (error) {
      const failure =
        error instanceof ArchiveError ? new ServiceError('folder-unreadable', error.message) : new ServiceError('internal', String(error));
      if (generation === this.generation) this.setStatus({ state: 'failed', root, error: { code: failure.code, message: failure.message } });
      throw failure;
    }
    if (generation !== this.generation) {
      data.close();
      throw new ServiceError('internal', 'Another archive was opened meanwhile.');
    }
    this.data?.close();
    this.data = data;
    this.info = {
      root,
      name: basename(root),
      files: data.files,
      messages: data.messageCount,
      conversations: data.conversations(),
      diagnostics: data.diagnostics().length,
      sample: this.options.samplePath !== undefined && resolve(this.options.samplePath) === root,
    };
    this.setStatus({ state: 'ready', archive: this.info });
    return this.info;
  }

  async openSample(): Promise<ArchiveInfo> {
    if (!this.options.samplePath) throw new ServiceError('unsupported', 'No sample archive is bundled with this build.');
    return this.open(this.options.samplePath);
  }

  conversations(): ConversationSummary[] {
    return this.opened().conversations();
  }

  days(conversation: string): DayActivity[] {
    return this.opened().days(conversation);
  }

  dayMessages(conversation: string, day: string): Message[] {
    return this.opened().dayMessages(conversation, day);
  }

  /** Messages of a person: every name grouped with `person` in that conversation. */
  personMessages(conversation: string, person: string, cursor = 0, limit = 500): MessagePage {
    const data = this.opened();
    const { persons } = data.speakers(conversation);
    const names = persons.find((p) => p.id === person || p.names.includes(person))?.names ?? [person];
    return data.speakerMessages(conversation, names, cursor, limit);
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    return this.opened().speakers(conversation, day);
  }

  locate(id: number) {
    const location = this.opened().locate(id);
    if (!location) throw new ServiceError('not-found', `There is no message ${id} in this archive.`);
    return location;
  }

  messagesByIds(ids: readonly number[]): Message[] {
    return this.opened().messagesByIds(ids);
  }

  search(query: string, options: { limit?: number; cursor?: string; order?: 'newest' | 'oldest' } = {}): SearchResult {
    return this.opened().search(query, { limit: options.limit ?? 50, order: options.order ?? 'newest', ...(options.cursor ? { cursor: options.cursor } : {}) });
  }

  diagnostics(): Diagnostic[] {
    return this.data?.diagnostics() ?? [];
  }

  close(): void {
    this.generation++;
    this.data?.close();
    this.data = null;
    this.info = null;
    this.setStatus({ state: 'empty' });
  }

  private opened(): ArchiveData {
    if (!this.data) throw new ServiceError('no-archive', 'No archive is open.');
    return this.data;
  }

  private setStatus(status: ArchiveStatus): void {
    this.state = status;
    for (const listener of this.listeners) listener({ type: 'status', status });
  }
}
