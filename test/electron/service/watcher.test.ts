import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchArchive, type ArchiveWatcher } from '../../../electron/service/watcher';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';

function nextBatch(root: string, act: () => void): Promise<{ paths: string[]; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const watcher: ArchiveWatcher = watchArchive(root, (paths) => {
      watcher.close();
      resolve({ paths, ms: performance.now() - started });
    });
    setTimeout(act, 50);
  });
}

describe('watchArchive', () => {
  let archive: TempArchive;
  afterEach(() => archive?.remove());

  it('reports an added file within a second, as one batch', async () => {
    archive = tempArchive();
    archive.write('g/_posts/2018-05-15-chat.md', chatLog('2018-05-15', []));
    const batch = await nextBatch(archive.root, () => {
      // Written in pieces, as an editor or sync tool would.
      const path = join(archive.root, 'g/_posts/2018-05-16-chat.md');
      writeFileSync(path, '---\n');
      writeFileSync(path, chatLog('2018-05-16', [{ time: '09:00:00', speaker: 'a', text: 'new' }]));
    });
    expect(batch.paths).toEqual(['g/_posts/2018-05-16-chat.md']);
    expect(batch.ms).toBeLessThan(1000);
  });

  it('reports removed files and ignores hidden folders', async () => {
    archive = tempArchive();
    archive.write('g/2018-05-15-chat.md', chatLog('2018-05-15', []));
    archive.write('.git/x', '');
    const batch = await nextBatch(archive.root, () => {
      writeFileSync(join(archive.root, '.git/x'), 'changed');
      rmSync(join(archive.root, 'g/2018-05-15-chat.md'));
    });
    expect(batch.paths).toEqual(['g/2018-05-15-chat.md']);
  });
});
