import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveRelativeImagePath,
  imageContentType,
  readArchiveImage,
} from '../../../electron/service/imagePath';
import { BUNDLED_SAMPLE, tempArchive, type TempArchive } from '../../fixtures/archive';
import { canMakeFifo, makeFifo, releaseFifos } from '../../fixtures/fifo';

const PNG = readFileSync(
  join(BUNDLED_SAMPLE, 'groups/trailclub/_posts/images/2024-03-05-trail.png'),
);
const CHAT = 'group/_posts/2024-03-05-chat.markdown';

describe('archiveRelativeImagePath', () => {
  it('resolves a relative link against the folder of its Markdown file', () => {
    expect(archiveRelativeImagePath(CHAT, 'images/a.png')).toBe('group/_posts/images/a.png');
    expect(archiveRelativeImagePath(CHAT, './images/a.png')).toBe('group/_posts/images/a.png');
    expect(archiveRelativeImagePath(CHAT, '../../img/a.png')).toBe('img/a.png');
    expect(archiveRelativeImagePath(CHAT, 'my%20photo.png')).toBe('group/_posts/my photo.png');
    expect(archiveRelativeImagePath(CHAT, 'a.png?v=2#top')).toBe('group/_posts/a.png');
  });

  it('refuses links that climb out of the archive', () => {
    expect(archiveRelativeImagePath(CHAT, '../../../secret.png')).toBeNull();
    expect(archiveRelativeImagePath(CHAT, '%2e%2e/%2e%2e/%2e%2e/secret.png')).toBeNull();
    expect(archiveRelativeImagePath(CHAT, '..%2f..%2f..%2fsecret.png')).toBeNull();
    expect(archiveRelativeImagePath('a.markdown', '../a.png')).toBeNull();
  });

  it('refuses absolute paths, schemes, backslashes and NUL', () => {
    for (const src of [
      '/etc/passwd',
      '%2fetc%2fpasswd',
      '//host/share/a.png',
      'file:///etc/passwd',
      'FILE:/etc/passwd',
      'http://example.com/a.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'C:/Windows/a.png',
      'C:\\Windows\\a.png',
      '..\\..\\a.png',
      '..%5c..%5ca.png',
      'a.png%00.txt',
      '%E0%A4%A',
      '',
    ]) {
      expect(archiveRelativeImagePath(CHAT, src), src).toBeNull();
    }
    expect(archiveRelativeImagePath('/etc/x.markdown', 'a.png')).toBeNull();
    expect(archiveRelativeImagePath('..\\x.markdown', 'a.png')).toBeNull();
  });
});

describe('imageContentType', () => {
  it('knows raster images and nothing else', () => {
    expect(imageContentType('a.PNG')).toBe('image/png');
    expect(imageContentType('a.jpeg')).toBe('image/jpeg');
    expect(imageContentType('a.svg')).toBeNull();
    expect(imageContentType('a.html')).toBeNull();
    expect(imageContentType('png')).toBeNull();
  });
});

describe('readArchiveImage', () => {
  let archive: TempArchive;
  let outside: TempArchive;

  beforeAll(() => {
    archive = tempArchive();
    outside = tempArchive('scrollback-outside-');
    archive.write('group/_posts/images/a.png', PNG);
    archive.write('group/_posts/fake.png', '<script>alert(1)</script>');
    archive.write('group/_posts/notes.txt', 'text');
    archive.write(
      'group/_posts/page.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    outside.write('secret.png', PNG);
    symlinkSync(join(outside.root, 'secret.png'), join(archive.root, 'group/_posts/link-out.png'));
    symlinkSync(outside.root, join(archive.root, 'group/_posts/folder-out'));
    symlinkSync(
      join(archive.root, 'group/_posts/images/a.png'),
      join(archive.root, 'group/_posts/link-in.png'),
    );
    symlinkSync(
      join(archive.root, 'group/_posts/notes.txt'),
      join(archive.root, 'group/_posts/text-link.png'),
    );
    mkdirSync(join(archive.root, 'group/_posts/folder.png'));
  });

  afterAll(() => {
    archive.remove();
    outside.remove();
  });

  it('reads a real image inside the archive, with its type', async () => {
    const image = await readArchiveImage(archive.root, CHAT, 'images/a.png');
    expect(image).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(image.ok && image.bytes.equals(PNG)).toBe(true);
  });

  it('follows a symbolic link that stays inside the archive', async () => {
    expect(await readArchiveImage(archive.root, CHAT, 'link-in.png')).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
  });

  it('refuses a symbolic link that points out of the archive', async () => {
    expect(await readArchiveImage(archive.root, CHAT, 'link-out.png')).toEqual({
      ok: false,
      reason: 'outside',
    });
    expect(await readArchiveImage(archive.root, CHAT, 'folder-out/secret.png')).toEqual({
      ok: false,
      reason: 'outside',
    });
  });

  it('refuses paths out of the archive, however written', async () => {
    // Enough ../ to reach the file system's root from anywhere, then down to the file outside.
    const relativeToOutside = `${'../'.repeat(40)}${join(outside.root, 'secret.png').slice(1)}`;
    for (const src of [
      relativeToOutside,
      join(outside.root, 'secret.png'),
      `file://${join(outside.root, 'secret.png')}`,
      encodeURIComponent(relativeToOutside),
    ]) {
      const image = await readArchiveImage(archive.root, CHAT, src);
      expect(image.ok, src).toBe(false);
    }
  });

  it('refuses files that are not images, by name or by content', async () => {
    expect(await readArchiveImage(archive.root, CHAT, 'notes.txt')).toEqual({
      ok: false,
      reason: 'not-image',
    });
    expect(await readArchiveImage(archive.root, CHAT, 'page.svg')).toEqual({
      ok: false,
      reason: 'not-image',
    });
    expect(await readArchiveImage(archive.root, CHAT, 'fake.png')).toEqual({
      ok: false,
      reason: 'not-image',
    });
    expect(await readArchiveImage(archive.root, CHAT, 'text-link.png')).toEqual({
      ok: false,
      reason: 'not-image',
    });
  });

  it('says not-found for missing files and folders', async () => {
    expect(await readArchiveImage(archive.root, CHAT, 'missing.png')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await readArchiveImage(archive.root, CHAT, 'folder.png')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it.skipIf(!canMakeFifo)('answers not-found at once for a FIFO named like an image', async () => {
    // Opening a FIFO for reading waits for a writer: four such waits held every libuv thread
    // and stopped the whole server.
    const fifo = makeFifo(join(archive.root, 'group/_posts/fifo.png'));
    try {
      const image = await Promise.race([
        readArchiveImage(archive.root, CHAT, 'fifo.png'),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 3000)),
      ]);
      expect(image).toEqual({ ok: false, reason: 'not-found' });
    } finally {
      releaseFifos([fifo]);
    }
  });
});
