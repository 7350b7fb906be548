/**
 * Which files an export a page asks for may write: never a hidden file or folder of the home
 * folder, and an existing file only in a folder chosen in a save dialog or when this session
 * wrote it.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportPolicy, isHiddenInHome } from '../../../../electron/service/export/policy';
import { tempArchive } from '../../../fixtures/archive';

describe('ExportPolicy', () => {
  const home = tempArchive('scrollback-home-');
  const elsewhere = tempArchive('scrollback-out-');
  mkdirSync(join(home.root, 'Documents'));
  // A folder outside the home folder that leads back into it.
  symlinkSync(home.root, join(elsewhere.root, 'home-link'));
  afterAll(() => {
    home.remove();
    elsewhere.remove();
  });

  it('never writes into hidden files or folders of the home folder, however reached', async () => {
    const policy = new ExportPolicy(home.root);
    for (const path of [
      join(home.root, '.bashrc'),
      join(home.root, '.config/autostart/x.desktop'),
      join(home.root, 'Documents/.hidden.txt'),
      join(elsewhere.root, 'home-link/.profile'),
    ]) {
      expect((await policy.refusal(path, false))?.code, path).toBe('unsupported');
      expect((await policy.refusal(path, true))?.code, path).toBe('unsupported');
    }
    // Elsewhere hidden names are fine: the rule guards what runs at login.
    expect(await policy.refusal(join(elsewhere.root, '.notes.txt'), false)).toBeNull();
  });

  it('replaces an existing file only where the user chose, or what this session wrote', async () => {
    const policy = new ExportPolicy(home.root);
    const notes = join(home.root, 'Documents/notes.txt');
    expect((await policy.refusal(notes, true))?.code).toBe('file-exists');
    expect(await policy.refusal(notes, false)).toBeNull();

    await policy.wrote(join(home.root, 'Documents/thread.txt'));
    expect(await policy.refusal(join(home.root, 'Documents/thread.txt'), true)).toBeNull();
    expect((await policy.refusal(notes, true))?.code).toBe('file-exists');

    await policy.choseInDialog(join(home.root, 'Documents/anything.md'));
    expect(await policy.refusal(notes, true)).toBeNull();
    // Chosen means that folder, not the ones around it.
    expect((await policy.refusal(join(home.root, 'x.txt'), true))?.code).toBe('file-exists');
  });

  it('knows what is hidden in the home folder', () => {
    expect(isHiddenInHome('/home/u', '/home/u/.bashrc')).toBe(true);
    expect(isHiddenInHome('/home/u', '/home/u/a/.b/c')).toBe(true);
    expect(isHiddenInHome('/home/u', '/home/u/a/b.txt')).toBe(false);
    expect(isHiddenInHome('/home/u', '/home/user2/.bashrc')).toBe(false);
    expect(isHiddenInHome('/home/u', '/tmp/.x')).toBe(false);
    expect(isHiddenInHome('/home/u', '/home/u')).toBe(false);
  });
});
