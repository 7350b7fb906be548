/**
 * Listing an archive again after a change: only the folders whose time changed are listed (a new
 * day file costs one folder's listing), and what the store then holds is what a store built
 * afresh holds: files added in new folders, folders removed, files not worth reading counted.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../../electron/service/store/store';
import { walkArchive, type PreviousListing } from '../../../electron/service/walk';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';

let archive: TempArchive;
let cacheDir: string;
const stores: ArchiveStore[] = [];

beforeEach(() => {
  archive = tempArchive();
  cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-listing-'));
  for (const group of ['alpha', 'beta', 'gamma'])
    archive.write(
      `${group}/_posts/2024-01-02-chat.md`,
      chatLog('2024-01-02', [{ time: '09:00:00', speaker: 'Ana', text: `hello from ${group}` }]),
    );
  archive.write('alpha/_posts/images/map.png', 'not read');
});

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  archive.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

async function open(): Promise<ArchiveStore> {
  const store = await openSynced(archive.root, { cacheDir });
  stores.push(store);
  return store;
}

/** What a user would see of the archive, to compare a store kept up to date with a fresh one. */
async function seen(store: ArchiveStore) {
  const fresh = await openSynced(archive.root, {});
  stores.push(fresh);
  const view = (s: ArchiveStore) => ({
    files: s.files,
    conversations: s.conversations().map((c) => [c.id, c.messages]),
    texts: dayByDayMessages(s).map((m) => m.text),
  });
  return { kept: view(store), fresh: view(fresh) };
}

describe('listing an archive again', () => {
  it('finds a new day file, a new folder and a removed folder as a fresh store does', async () => {
    const store = await open();
    expect(store.files).toMatchObject({ chat: 3, skipped: 1 });

    archive.write(
      'beta/_posts/2024-01-03-chat.md',
      chatLog('2024-01-03', [{ time: '10:00:00', speaker: 'Ben', text: 'a new day' }]),
    );
    archive.write(
      'delta/_posts/2024-01-03-chat.md',
      chatLog('2024-01-03', [{ time: '11:00:00', speaker: 'Cy', text: 'a new group' }]),
    );
    archive.write('delta/_posts/photo.jpg', 'not read either');
    rmSync(join(archive.root, 'gamma'), { recursive: true });
    await store.sync();
    const { kept, fresh } = await seen(store);
    expect(kept).toEqual(fresh);
    expect(kept.texts).toContain('a new day');
    expect(kept.texts).toContain('a new group');
    expect(kept.texts).not.toContain('hello from gamma');
    expect(kept.files).toMatchObject({ chat: 4, skipped: 2 });
  });

  it('keeps counting the files of folders it did not list again', async () => {
    const store = await open();
    archive.write(
      'gamma/_posts/2024-01-04-chat.md',
      chatLog('2024-01-04', [{ time: '12:00:00', speaker: 'Di', text: 'later' }]),
    );
    await store.sync();
    // alpha was not listed again: its image is still counted as skipped.
    expect(store.files).toMatchObject({ chat: 4, skipped: 1 });
  });
});

function parentOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A first walk, and what a second walk may reuse of it. */
async function firstWalk(root: string) {
  const folders: { path: string; mtime: number }[] = [];
  const entries = await walkArchive(
    root,
    () => {},
    (path, mtime) => folders.push({ path, mtime }),
  );
  const times = new Map(folders.map((folder) => [folder.path, folder.mtime]));
  const previous: PreviousListing = {
    unchanged: (path, mtime) => times.get(path) === mtime,
    files: (path) => entries.filter((e) => parentOf(e.path) === path).map((e) => nameOf(e.path)),
    folders: (path) =>
      folders
        .filter((folder) => folder.path !== '' && parentOf(folder.path) === path)
        .map((folder) => nameOf(folder.path)),
  };
  return { entries, previous };
}

/** A second walk: the folders it listed (not reused), and what it found. */
async function secondWalk(root: string, previous: PreviousListing) {
  const listed: string[] = [];
  const entries = await walkArchive(
    root,
    () => {},
    (path, _mtime, reused) => {
      if (!reused) listed.push(path);
    },
    previous,
  );
  return { listed, paths: entries.map((entry) => entry.path) };
}

describe('walkArchive with the previous listing', () => {
  it('lists only folders whose time changed, and takes the rest from the previous walk', async () => {
    const first = await firstWalk(archive.root);
    // A new file in beta/_posts: that folder's time changes, no other's.
    archive.write(
      'beta/_posts/2024-01-05-chat.md',
      chatLog('2024-01-05', [{ time: '09:00:00', speaker: 'Ana', text: 'x' }]),
    );
    const second = await secondWalk(archive.root, first.previous);
    expect(second.listed).toEqual(['beta/_posts']);
    expect(second.paths).toEqual(
      [...first.entries.map((entry) => entry.path), 'beta/_posts/2024-01-05-chat.md'].sort(),
    );
  });

  it('lists a folder whose time alone changed, and walks into a folder new to it', async () => {
    const first = await firstWalk(archive.root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(archive.root, 'alpha'), later, later);
    mkdirSync(join(archive.root, 'gamma/_posts/new/deeper'), { recursive: true });
    archive.write('gamma/_posts/new/deeper/2024-01-06-chat.md', chatLog('2024-01-06', []));
    const second = await secondWalk(archive.root, first.previous);
    expect(second.listed.sort()).toEqual([
      'alpha',
      'gamma/_posts',
      'gamma/_posts/new',
      'gamma/_posts/new/deeper',
    ]);
    expect(second.paths).toContain('gamma/_posts/new/deeper/2024-01-06-chat.md');
    expect(second.paths).toContain('alpha/_posts/images/map.png');
  });
});
