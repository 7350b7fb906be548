/**
 * An HTML export of messages with attachments stands alone: attached photos and stickers are
 * embedded (from a folder or from inside a zip), through the same gate the reader's own view
 * uses; a file named like a photo that is not one is never embedded; a video is a link to its
 * file; an attachment pointing out of the archive is neither.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import { exportToFile } from '../../../electron/service/export';
import { tempArchive, type TempArchive } from '../../fixtures/archive';
import { writeZip } from '../../fixtures/zip';

/** The first bytes of a JPEG: enough for the signature the gate checks. */
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

function telegramExport(messages: object[]): string {
  return JSON.stringify({ name: 'Trail Crew', type: 'private_group', id: 7, messages });
}

const base = (id: number, text: string, extra: object) => ({
  id,
  type: 'message',
  date: `2024-03-10T08:3${id}:00`,
  date_unixtime: String(1710059400 + id * 60),
  from: 'Mira Holt',
  from_id: 'user1',
  text,
  ...extra,
});

describe('attachments in an HTML export', () => {
  let archive: TempArchive;
  let out: string;
  let html: string;
  const service = new ArchiveService({ cacheDir: null, watch: false });

  beforeAll(async () => {
    archive = tempArchive();
    const secret = mkdtempSync(join(tmpdir(), 'scrollback-secret-'));
    writeFileSync(join(secret, 'private.jpg'), JPEG);
    archive.write('folder/photos/view.jpg', Buffer.from(JPEG));
    archive.write('folder/photos/fake.jpg', '<svg onload="alert(1)"></svg>');
    archive.write('folder/video_files/walk.mp4', 'not really a video');
    symlinkSync(join(secret, 'private.jpg'), join(archive.root, 'folder/photos/escape.jpg'));
    archive.write(
      'folder/result.json',
      telegramExport([
        base(1, 'the view', { photo: 'photos/view.jpg', width: 4, height: 3 }),
        base(2, 'not a photo', { photo: 'photos/fake.jpg' }),
        base(3, 'the walk', { file: 'video_files/walk.mp4', media_type: 'video_file' }),
        base(4, 'from elsewhere', { photo: 'photos/escape.jpg' }),
      ]),
    );
    archive.write(
      'zipped/Telegram.zip',
      Buffer.from(
        writeZip([
          { name: 'result.json', data: telegramExport([base(5, 'zipped', { photo: 'p/z.jpg' })]) },
          { name: 'p/z.jpg', data: JPEG },
        ]),
      ),
    );
    await service.open(archive.root);
    await service.settled();
    out = mkdtempSync(join(tmpdir(), 'scrollback-export-'));
    const ids = service
      .conversations()
      .flatMap((conversation) =>
        service
          .days(conversation.id)
          .flatMap((day) => service.dayMessages(conversation.id, day.day).messages),
      )
      .map((message) => message.id);
    expect(ids).toHaveLength(5);
    const path = join(out, 'export.html');
    await exportToFile(service, { ids, format: 'html', path });
    html = readFileSync(path, 'utf8');
    rmSync(secret, { recursive: true, force: true });
  });

  afterAll(() => {
    service.close();
    archive.remove();
    rmSync(out, { recursive: true, force: true });
  });

  const dataUri = `data:image/jpeg;base64,${Buffer.from(JPEG).toString('base64')}`;

  it('embeds an attached photo, from a folder and from inside a zip', () => {
    // Two, not four: the fake and the photo outside the archive (same bytes) are not embedded.
    expect(html.split(dataUri).length - 1).toBe(2);
    expect(html).toContain(`<img class="attachment picture" src="${dataUri}" alt="view.jpg"`);
  });

  it("never embeds a file that only has a photo's name, nor one outside the archive", () => {
    expect(html).not.toContain('onload');
    expect(html).not.toContain('scrollback-secret-');
    expect(html).toContain('fake.jpg');
    expect(html).toContain('escape.jpg');
  });

  it('links a video to its file, relative to the page', () => {
    expect(html).toMatch(/href="[^"]*video_files\/walk\.mp4"/);
  });
});
