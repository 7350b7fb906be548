/**
 * A path typed in the browser's export dialog: `~` and relative paths from the home folder, a
 * folder given a file name from the conversation and days (never the hidden `.txt` that
 * `/tmp/out/` used to become), a name without extension given the format's.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  exportFileName,
  resolveExportPath,
  type ExportNaming,
} from '../../../../electron/service/export/exportPath';
import { tempArchive } from '../../../fixtures/archive';

const naming: ExportNaming = {
  conversation: 'proddev',
  firstDay: '2018-05-15',
  lastDay: '2018-05-16',
};

describe('resolveExportPath', () => {
  const home = tempArchive('scrollback-home-');
  const other = tempArchive('scrollback-out-');
  mkdirSync(join(home.root, 'exports'));
  symlinkSync(other.root, join(home.root, 'linked'));
  afterAll(() => {
    home.remove();
    other.remove();
  });
  const resolve = (typed: string) => resolveExportPath(typed, 'txt', naming, home.root);

  it('gives a folder a file name from the conversation and the days', async () => {
    expect(await resolve(`${other.root}/`)).toBe(
      join(other.root, 'proddev_2018-05-15_2018-05-16.txt'),
    );
    expect(await resolve(other.root)).toBe(join(other.root, 'proddev_2018-05-15_2018-05-16.txt'));
    expect(await resolve('~')).toBe(join(home.root, 'proddev_2018-05-15_2018-05-16.txt'));
    expect(await resolve('~/exports')).toBe(
      join(home.root, 'exports', 'proddev_2018-05-15_2018-05-16.txt'),
    );
    // A link to a folder is that folder.
    expect(await resolve('linked')).toBe(
      join(home.root, 'linked', 'proddev_2018-05-15_2018-05-16.txt'),
    );
  });

  it('reads ~ and relative paths from the home folder, not the server’s working folder', async () => {
    expect(await resolve('~/thread.txt')).toBe(join(home.root, 'thread.txt'));
    expect(await resolve('thread.txt')).toBe(join(home.root, 'thread.txt'));
    expect(await resolve('exports/../thread.txt')).toBe(join(home.root, 'thread.txt'));
    expect(await resolve('  /tmp/x/thread.txt ')).toBe('/tmp/x/thread.txt');
  });

  it('adds the format’s extension to a name without one', async () => {
    expect(await resolve('~/thread')).toBe(join(home.root, 'thread.txt'));
    expect(await resolve('~/thread.v2.md')).toBe(join(home.root, 'thread.v2.md'));
  });

  it('refuses what it cannot read: nothing typed, another user’s ~', async () => {
    await expect(resolve('   ')).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(resolve('~root/x.txt')).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('exportFileName', () => {
  it('names a file after the conversation and its days, safely', () => {
    expect(exportFileName('html', { ...naming, lastDay: '2018-05-15' })).toBe(
      'proddev_2018-05-15.html',
    );
    expect(
      exportFileName('md', { conversation: '../a/b:c*?\u0007', firstDay: null, lastDay: null }),
    ).toBe('a_b_c.md');
    expect(
      exportFileName('csv', { conversation: null, firstDay: '2018-05-15', lastDay: null }),
    ).toBe('scrollback-export_2018-05-15.csv');
    expect(exportFileName('txt', { conversation: '...', firstDay: null, lastDay: null })).toBe(
      'scrollback-export.txt',
    );
  });
});
