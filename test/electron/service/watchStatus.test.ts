/**
 * A watch that fails shows in the archive's status (it used to be dropped without a word, and
 * live updates could stop silently): 'restarting' while changes are not seen, 'live' again once
 * the watch is back, and a file written during the gap is read.
 */
import { watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, ArchiveInfo } from '../../../shared/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { until } from '../../fixtures/until';

describe('the status of an archive whose watch fails', () => {
  let archive: TempArchive;
  let service: ArchiveService;
  afterEach(() => {
    service?.close();
    archive?.remove();
  });

  it('says restarting while changes are not seen, then live, and reads what changed', async () => {
    archive = tempArchive();
    archive.write(
      'group/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'Ann', text: 'first' }]),
    );
    const watchers: FSWatcher[] = [];
    service = new ArchiveService({
      cacheDir: null,
      watchFunction: (path, options, listener) => {
        const created = watch(path, options, listener);
        watchers.push(created);
        return created;
      },
    });
    const watching: ArchiveInfo['watching'][] = [];
    service.onEvent((event: ApiEvent) => {
      if (event.type === 'status' && event.status.state === 'ready')
        watching.push(event.status.archive.watching);
    });
    await service.open(archive.root);
    await service.settled();
    await until(() => watching.at(-1) === 'live', 'the watch');

    // The system reports a failure (an unmounted disk, a revoked permission), and meanwhile a
    // file is written.
    watchers[0]!.emit('error', new Error('the watch failed'));
    expect(watching.at(-1)).toBe('restarting');
    writeFileSync(
      join(archive.root, 'group/2018-05-16-chat.md'),
      chatLog('2018-05-16', [{ time: '10:00:00', speaker: 'Ann', text: 'during the gap' }]),
    );

    await until(() => watching.at(-1) === 'live', 'the watch started again');
    await until(
      () => service.days('group').some((activity) => activity.day === '2018-05-16'),
      'the day written during the gap',
    );
    expect(watching).toContain('restarting');
  });
});
