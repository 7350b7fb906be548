/**
 * ArchiveService opens archives through the store: a new one is read first, with progress; one
 * opened before is shown at once from its store and checked against the folder in the background.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import type { ApiEvent, ArchiveStatus } from '../../../shared/api';
import {
  SAMPLE_ARCHIVE,
  chatLog,
  sampleMissing,
  tempArchive,
  type TempArchive,
} from '../../fixtures/archive';
import { withTemporaryFolder } from '../../fixtures/store';

const folders: string[] = [];
const archives: TempArchive[] = [];
const services: ArchiveService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) {
    await service.settled();
    service.close();
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  for (const archive of archives.splice(0)) archive.remove();
});

function cacheFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'scrollback-service-'));
  folders.push(folder);
  return folder;
}

/** A service that records its events; the CLI's one-shot commands do not watch, nor do these. */
function recordedService(cacheDir: string | null): { service: ArchiveService; events: ApiEvent[] } {
  const service = new ArchiveService({ cacheDir, watch: false });
  services.push(service);
  const events: ApiEvent[] = [];
  service.onEvent((event) => events.push(event));
  return { service, events };
}

const ready = (status: ArchiveStatus) => (status.state === 'ready' ? status.archive : null);

describe.skipIf(sampleMissing())('ArchiveService with a store, on the archive sample', () => {
  it('reports reading a new archive, then searches it', async () => {
    const { service, events } = recordedService(cacheFolder());
    const phases: string[] = [];
    service.onEvent((event) => {
      if (
        event.type === 'status' &&
        event.status.state === 'loading' &&
        phases[phases.length - 1] !== event.status.phase
      )
        phases.push(event.status.phase);
    });
    const info = await service.open(SAMPLE_ARCHIVE);
    expect(phases).toEqual(['reading']);
    const progress = events.flatMap((event) =>
      event.type === 'status' && event.status.state === 'loading' ? [event.status] : [],
    );
    expect(progress.at(-1)).toMatchObject({ done: 46, total: 46 });
    // Messages a user sees: every message line but the exporter's echoes.
    expect(info.messages).toBe(4030);
    expect(info.files).toEqual({ total: 46, chat: 41, timeline: 2, document: 3, skipped: 0 });
    expect(ready(service.status())?.messages).toBe(4030);
    const result = service.search('支付 from:李雄峰', { limit: 3 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.text.includes('支付'))).toBe(true);
  });

  it('keeps nothing on disk with cacheDir null', async () => {
    const temporary = cacheFolder();
    const { service } = recordedService(null);
    const info = await withTemporaryFolder(temporary, () => service.open(SAMPLE_ARCHIVE));
    expect(info.conversations.map((c) => c.id)).toEqual([
      'source/devarch',
      'source/prodarch',
      'source/proddev',
      'wechat',
    ]);
    expect(readdirSync(temporary)).toHaveLength(1);
    expect(service.search('支付', {}).total).toBe(486);
    await service.settled();
    service.close();
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('ArchiveService opening an archive it opened before', () => {
  it('shows the stored archive at once, then reads what changed meanwhile in the background', async () => {
    const archive = tempArchive();
    archives.push(archive);
    archive.write(
      'g/_posts/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'alice', text: 'first day' }]),
    );
    const cacheDir = cacheFolder();
    const first = recordedService(cacheDir);
    await first.service.open(archive.root);
    await first.service.settled();
    first.service.close();

    // While no Scrollback has it open, a day is added.
    archive.write(
      'g/_posts/2018-05-16-chat.md',
      chatLog('2018-05-16', [{ time: '10:00:00', speaker: 'bob', text: 'a zebra arrives' }]),
    );
    const { service, events } = recordedService(cacheDir);
    const info = await service.open(archive.root);
    // What the store held is shown without a loading status...
    expect(events.some((e) => e.type === 'status' && e.status.state === 'loading')).toBe(false);
    expect(info.messages).toBe(1);
    // ...and the day added meanwhile follows, with a changed event naming its conversation.
    await service.settled();
    expect(service.days('g').map((day) => day.day)).toEqual(['2018-05-15', '2018-05-16']);
    expect(events).toContainEqual({ type: 'changed', conversations: ['g'] });
    expect(ready(service.status())?.messages).toBe(2);
    expect(service.search('zebra').hits.map((hit) => hit.text)).toEqual(['a zebra arrives']);
  });
});

describe('ArchiveService when another folder cannot be opened', () => {
  it('keeps the open archive open, answering, and says so in its status', async () => {
    const archive = tempArchive();
    archives.push(archive);
    archive.write(
      'g/_posts/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'alice', text: 'still here' }]),
    );
    const { service, events } = recordedService(cacheFolder());
    await service.open(archive.root);
    await service.settled();
    events.length = 0;
    await expect(service.open(join(archive.root, 'missing'))).rejects.toMatchObject({
      code: 'folder-unreadable',
    });
    // The status never says 'failed' or 'loading' while this archive is the one answering.
    expect(ready(service.status())?.root).toBe(archive.root);
    expect(events.filter((e) => e.type === 'status' && e.status.state !== 'ready')).toEqual([]);
    expect(service.dayMessages('g', '2018-05-15').messages.map((m) => m.text)).toEqual([
      'still here',
    ]);
  });
});
