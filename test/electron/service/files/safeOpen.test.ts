/**
 * Opening what an archive names: a FIFO never blocks, and a folder swapped for a symbolic link
 * while the archive is read is never followed (the file read must be where the walk found it).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, realpathSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeOpenProblem,
  openFolder,
  openRegularFile,
  openRegularFileSync,
} from '../../../../electron/service/files/safeOpen';
import { dayByDayMessages, openSynced } from '../../../fixtures/store';
import { walkArchive } from '../../../../electron/service/walk';
import { chatLog, tempArchive, type TempArchive } from '../../../fixtures/archive';
import { canMakeFifo, makeFifo, releaseFifos } from '../../../fixtures/fifo';

const SECRET = 'SECRET-OUTSIDE-THE-ARCHIVE';

/** Whatever `promise` gives within `ms`, or 'blocked'. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'blocked'> {
  return Promise.race([
    promise,
    new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), ms)),
  ]);
}

describe('opening files of an archive', () => {
  let archive: TempArchive;
  let outside: TempArchive;
  afterEach(() => {
    archive?.remove();
    outside?.remove();
  });

  function plant(): void {
    archive = tempArchive();
    outside = tempArchive('scrollback-outside-');
    archive.write(
      'group/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'a', text: 'inside' }]),
    );
    outside.write(
      '2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'spy', text: SECRET }]),
    );
  }

  /** Swaps the folder `group` for a link to the outside folder, as another process might. */
  function swapForLink(): void {
    renameSync(join(archive.root, 'group'), join(archive.root, 'group-real'));
    symlinkSync(outside.root, join(archive.root, 'group'));
  }

  it.skipIf(!canMakeFifo)('answers at once for a FIFO, without waiting for a writer', async () => {
    archive = tempArchive();
    const fifo = makeFifo(join(archive.root, '2018-05-15-chat.md'));
    try {
      const opened = await within(openRegularFile(fifo), 3000);
      expect(opened).toMatchObject({ ok: false, problem: { kind: 'not-regular' } });
    } finally {
      releaseFifos([fifo]);
    }
  });

  it('refuses a file whose folder was swapped for a link after the walk listed it', async () => {
    plant();
    const [entry] = await walkArchive(archive.root, () => {});
    expect(entry?.path).toBe('group/2018-05-15-chat.md');
    swapForLink();
    const read = openRegularFileSync(entry!.absolute);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(describeOpenProblem(read.problem)).toMatch(/replaced by a link/);
  });

  it('refuses to list a folder that is now a link, or lies behind one', async () => {
    plant();
    mkdirSync(join(archive.root, 'group/inner'));
    const folder = join(realpathSync(archive.root), 'group');
    swapForLink();
    mkdirSync(join(outside.root, 'inner'));
    // Linux says ENOTDIR for a link opened as a folder without following it; others ELOOP.
    const linked = await openFolder(folder).then(
      () => 'opened',
      (error: { code?: string }) => error.code,
    );
    expect(['ENOTDIR', 'ELOOP']).toContain(linked);
    await expect(openFolder(join(folder, 'inner'))).rejects.toMatchObject({ code: 'EMOVED' });
    const fine = await openFolder(join(realpathSync(archive.root), 'group-real'));
    await fine.close();
  });

  it('never reads a file outside the archive while another process flips a folder', async () => {
    plant();
    // Another process swaps the folder for a link and back, as fast as it can.
    const flipper = spawn(
      'sh',
      [
        '-c',
        'while :; do mv group group-real && ln -s "$1" group && rm group && mv group-real group; done',
        'flip',
        outside.root,
      ],
      // Its own process group: the mv, ln and rm it runs die with it (a survivor would go on
      // changing the folder while the test removes it).
      { cwd: archive.root, stdio: 'ignore', detached: true },
    );
    try {
      for (let round = 0; round < 150; round++) {
        // Each round reads the archive afresh through the store, as opening it does.
        const store = await openSynced(archive.root).catch(() => null);
        if (!store) continue;
        try {
          const texts = dayByDayMessages(store).map((message) => message.text);
          expect(texts.some((text) => text.includes(SECRET))).toBe(false);
        } finally {
          store.close();
        }
      }
    } finally {
      const exited = new Promise((resolve) => flipper.once('exit', resolve));
      process.kill(-flipper.pid!, 'SIGKILL');
      await exited;
    }
  }, 60_000);
});
