/**
 * Opening costs the same at 100k and at 10M messages: reopening an unchanged archive reads no
 * archive file and no message text, only the store's database and the index's headers; a query
 * then reads the posting lists and columns it needs, and the texts of the page it shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../electron/service/store/store';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';

let archive: TempArchive | null = null;
let cacheDir: string | null = null;
afterEach(() => {
  archive?.remove();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  archive = null;
  cacheDir = null;
});

/** Bytes each section of the store's segments has read since they were opened. */
function bytesRead(store: ArchiveStore): Map<string, number> {
  const totals = new Map<string, number>();
  for (const live of (
    store as unknown as { segments: { segment: { file: { bytesRead: Map<string, number> } } }[] }
  ).segments)
    for (const [section, bytes] of live.segment.file.bytesRead)
      totals.set(section, (totals.get(section) ?? 0) + bytes);
  return totals;
}

describe('reopening an archive', () => {
  it('reads no file of the archive and no message text, and still lists and counts everything', async () => {
    archive = tempArchive();
    cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-cache-'));
    for (let day = 1; day <= 9; day++)
      archive.write(
        `group/_posts/2024-05-0${day}-chat.md`,
        chatLog(`2024-05-0${day}`, [
          { time: '09:00:00', speaker: 'Ana', text: `支付 day ${day}` },
          { time: '09:05:00', speaker: 'Ben', text: 'a reply' },
        ]),
      );
    const first = ArchiveStore.open(archive.root, { cacheDir, timeZone: 'UTC' });
    await first.sync();
    first.close();

    const store = ArchiveStore.open(archive.root, { cacheDir, timeZone: 'UTC' });
    try {
      const report = await store.sync();
      expect(report?.read).toBe(0);
      expect(store.conversations()).toMatchObject([{ id: 'group', messages: 18, days: 9 }]);
      expect(store.days('group')).toHaveLength(9);
      expect(store.speakers('group').speakers.map((s) => s.name)).toEqual(['Ana', 'Ben']);
      expect(bytesRead(store).get('text') ?? 0).toBe(0);

      // A search reads the texts of the hits it shows, not of every message.
      const result = store.search('支付', { limit: 2, order: 'newest' });
      expect(result.total).toBe(9);
      const texts = bytesRead(store).get('text') ?? 0;
      expect(texts).toBeGreaterThan(0);
      expect(texts).toBeLessThan(2 * 64);
    } finally {
      store.close();
    }
  });
});
