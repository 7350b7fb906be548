/** ArchiveService opens archives through the store, reporting its phases. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import type { ArchiveStatus } from '../../../shared/api';
import { SAMPLE_ARCHIVE } from '../../fixtures/archive';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('ArchiveService with a store', () => {
  it('reports reading and indexing, then searches the archive', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-service-'));
    folders.push(cacheDir);
    const service = new ArchiveService({ cacheDir });
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
    expect(phases).toEqual(['listing', 'reading', 'indexing']);
    expect(info.messages).toBe(4081);
    expect((service.status() as Extract<ArchiveStatus, { state: 'ready' }>).archive.messages).toBe(
      4081,
    );
    const result = service.search('支付 from:李雄峰', { limit: 3 });
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.every((hit) => hit.text.includes('支付'))).toBe(true);
    service.close();
  });

  it('keeps nothing on disk with cacheDir null', async () => {
    const service = new ArchiveService({ cacheDir: null });
    const info = await service.open(SAMPLE_ARCHIVE);
    expect(info.conversations.map((c) => c.id)).toEqual([
      'source/devarch',
      'source/prodarch',
      'source/proddev',
      'wechat',
    ]);
    expect(service.search('支付', {}).total).toBe(491);
    service.close();
  });
});
