/**
 * The files messages attach are served from inside the archive only: from a folder or from a zip
 * (inflated in memory), never through a link out of the archive, never a FIFO, never as a page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaHeaders, readArchiveMedia } from '../../../electron/service/media';
import { tempArchive, type TempArchive } from '../../fixtures/archive';
import { writeZip } from '../../fixtures/zip';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let archive: TempArchive | null = null;
afterEach(() => {
  archive?.remove();
  archive = null;
});

describe('readArchiveMedia', () => {
  it('serves a photo beside a chat and one inside a zip, with their types', async () => {
    archive = tempArchive();
    archive.write('chats/IMG-0001.jpg', PNG);
    archive.write(
      'chats/export.zip',
      writeZip([
        { name: '_chat.txt', data: Buffer.from('x') },
        { name: 'PTT-0001.opus', data: Buffer.from('voice') },
      ]),
    );
    const photo = await readArchiveMedia(archive.root, 'chats/IMG-0001.jpg');
    expect(photo).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    const voice = await readArchiveMedia(archive.root, 'chats/export.zip!/PTT-0001.opus');
    expect(voice.ok && Buffer.from(voice.bytes).toString()).toBe('voice');
    expect(voice).toMatchObject({ contentType: 'audio/ogg' });
    expect(await readArchiveMedia(archive.root, 'chats/export.zip!/missing.jpg')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('refuses paths out of the archive however written, and links out of it', async () => {
    archive = tempArchive();
    archive.write('a/b.txt', 'inside');
    symlinkSync('/etc', join(archive.root, 'a', 'out'));
    for (const path of [
      '../x',
      '/etc/passwd',
      'a/../../x',
      'a\\b.txt',
      'C:/x',
      'a/b.txt\u0000',
      '',
    ])
      expect(await readArchiveMedia(archive.root, path), path).toMatchObject({
        ok: false,
        reason: 'outside',
      });
    expect(await readArchiveMedia(archive.root, 'a/out/passwd')).toMatchObject({ ok: false });
    expect(await readArchiveMedia(archive.root, 'a/b.txt!/../../x')).toMatchObject({ ok: false });
  });

  it('does not hang on a FIFO named like a photo', async () => {
    archive = tempArchive();
    mkdirSync(join(archive.root, 'a'));
    execFileSync('mkfifo', [join(archive.root, 'a', 'x.png')]);
    expect(await readArchiveMedia(archive.root, 'a/x.png')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('serves what could run in a page (HTML, SVG) only as a download', async () => {
    archive = tempArchive();
    writeFileSync(join(archive.root, 'x.svg'), '<svg onload="alert(1)"/>');
    const svg = await readArchiveMedia(archive.root, 'x.svg');
    expect(svg).toMatchObject({ ok: true, contentType: 'application/octet-stream' });
    expect(mediaHeaders('application/octet-stream')).toMatchObject({
      'Content-Disposition': 'attachment',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
