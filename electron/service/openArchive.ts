/**
 * The archive open in the service: its folder, its store, what the UI is told of it (ArchiveInfo),
 * and the watch that keeps the store up to date. Replaced as one when another archive opens, so
 * no part of an earlier archive answers after it (archiveService.ts).
 *
 * Changes reach the store by refreshes, one at a time: batches the watcher reports during one are
 * folded into a single next refresh. A refresh reads what changed without a 'loading' status: the
 * UI keeps showing the archive and refetches what it shows when told which conversations changed.
 */
import { basename, resolve } from 'node:path';
import type { ArchiveInfo } from '../../shared/api';
import type { ArchiveStore } from './store/store';
import { readyForChanges } from './store/sync';
import type { WatchFunction } from './watch/folderWatch';
import { watchArchive, type ArchiveWatcher } from './watcher';

export interface OpenArchiveEvents {
  /** What the UI is told of the archive changed (counts after a refresh, the watch's mode). */
  onInfo: (info: ArchiveInfo) => void;
  /** Files changed on disk were read: the conversations they belong to. */
  onChanged: (conversations: string[]) => void;
}

export class OpenArchive {
  info: ArchiveInfo;
  private watcher: ArchiveWatcher | null = null;
  /** Until the watch is set up: the first check of the folder waits for it. */
  private watching: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private closed = false;

  constructor(
    readonly root: string,
    readonly store: ArchiveStore,
    private readonly sample: string | undefined,
    private readonly events: OpenArchiveEvents,
  ) {
    this.info = this.describe();
  }

  /**
   * Checks the folder against the store, watching it first (unless `watch` is false) so that no
   * change made meanwhile falls between the check and the watch. A watch that fails restarts by
   * itself (or falls back to polling); the info says 'restarting' meanwhile, and the changes
   * missed are read once it is back.
   */
  start(watch: boolean, watchFunction?: WatchFunction): void {
    if (!watch) {
      this.requestRefresh();
      return;
    }
    // A watched archive will change: the code that reads changes is loaded now, not on the first.
    // (Should it fail, the refresh that needs it reports why.)
    readyForChanges().catch(() => undefined);
    const watcher = watchArchive(this.root, () => this.requestRefresh(), undefined, {
      onMode: (mode) => this.update({ ...this.info, watching: mode }),
      ...(watchFunction ? { watch: watchFunction } : {}),
    });
    this.watcher = watcher;
    this.watching = watcher.ready.then(() => {
      this.watching = null;
      this.requestRefresh();
    });
  }

  /** Reads what changed again, now (after a merge, or a new time zone), and waits for it. */
  async refreshNow(): Promise<void> {
    await this.settled();
    this.requestRefresh();
    await this.settled();
  }

  /** Resolves once no refresh is under way or waiting. */
  async settled(): Promise<void> {
    if (this.watching) await this.watching;
    while (this.refreshing) await this.refreshing;
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    // A refresh under way finishes on its own and tells nobody.
    if (this.refreshing) void this.refreshing.finally(() => this.store.close());
    else this.store.close();
  }

  private requestRefresh(): void {
    if (this.closed) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.refresh();
        } while (this.refreshAgain && !this.closed);
      } finally {
        this.refreshing = null;
      }
    })();
  }

  /** A file caught half-written is read as it is; the write that completes it refreshes again. */
  private async refresh(): Promise<void> {
    let report;
    try {
      report = await this.store.sync();
    } catch {
      // A folder gone away keeps showing what was read; the next change tries again.
      return;
    }
    if (!report || (report.changed === 0 && !report.reloaded) || this.closed) return;
    this.update(this.describe());
    // Another process (the CLI) changed the store: which conversations it touched is not known.
    this.events.onChanged(
      report.reloaded
        ? this.store.conversations().map((conversation) => conversation.id)
        : report.conversations,
    );
  }

  private update(info: ArchiveInfo): void {
    this.info = info;
    if (!this.closed) this.events.onInfo(info);
  }

  private describe(): ArchiveInfo {
    const { store } = this;
    return {
      root: this.root,
      name: basename(this.root),
      files: store.files,
      messages: store.messageCount,
      conversations: store.conversations(),
      diagnostics: store.diagnostics().length,
      sample: this.sample !== undefined && resolve(this.sample) === this.root,
      watching:
        this.watcher === null || this.watcher.mode === 'starting' ? 'off' : this.watcher.mode,
    };
  }
}
