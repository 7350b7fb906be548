/**
 * The Markdown round trip through the store (issue 14.9): a thread of three days exported to
 * Markdown and opened as an archive gives back every message on its own day with its exact text,
 * whatever the file is called, even when the texts hold NUL and other control characters (which a
 * JSON export can carry, and which once made the file read back as "binary").
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import { exportToFile } from '../../../electron/service/export';
import { tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';

const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code))
  .filter((character) => character !== '\n')
  .join('');

const TEXTS = [
  'plain words',
  `nul\u0000inside, and at the end\u0000`,
  `every control: ${CONTROLS}\u007f end`,
  '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000e\u000f\u0010\u0011\u0012\u0013\u0014',
  'a & b with \u001b[31m red',
  'two\nlines\u0000',
];

function telegramChat(): string {
  const days = ['2024-03-01', '2024-03-02', '2024-03-03'];
  const messages = TEXTS.map((text, index) => ({
    id: index + 1,
    type: 'message',
    date: `${days[index % 3]}T10:0${index}:00`,
    from: index % 2 === 0 ? 'Ana Lima' : 'Ben Okafor',
    from_id: `user${index % 2}`,
    text,
  }));
  return JSON.stringify({ name: 'Ana Lima', type: 'personal_chat', id: 4242, messages });
}

describe('Markdown round trip through the store', () => {
  let archive: TempArchive;
  let out: string;
  const service = new ArchiveService({ cacheDir: null });

  beforeAll(async () => {
    archive = tempArchive();
    archive.write('telegram/result.json', telegramChat());
    await service.open(archive.root);
    out = mkdtempSync(join(tmpdir(), 'scrollback-roundtrip-'));
  });
  afterAll(() => {
    service.close();
    archive.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('keeps NUL and control characters in the store, as the export wrote them', () => {
    const conversation = service.conversations()[0]!.id;
    const texts = service
      .days(conversation)
      .flatMap(({ day }) => service.dayMessages(conversation, day).messages.map((m) => m.text));
    // Day by day: the texts were given to days 1, 2, 3, 1, 2, 3.
    expect(texts).toEqual([0, 3, 1, 4, 2, 5].map((index) => TEXTS[index]));
  });

  it('reads an exported thread back with its days and exact texts, whatever the file is called', async () => {
    const conversation = service.conversations()[0]!.id;
    const original = service
      .days(conversation)
      .flatMap(({ day }) => service.dayMessages(conversation, day).messages);
    expect(new Set(original.map((m) => m.day)).size).toBe(3);
    for (const name of ['thread.md', '2099-01-01-export.md']) {
      const copy = tempArchive();
      try {
        const path = join(copy.root, name);
        await exportToFile(service, { ids: original.map((m) => m.id), format: 'md', path });
        // Control characters are written as references: the file is text, not "binary".
        expect(readFileSync(path, 'utf8')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
        const reread = await openSynced(copy.root);
        try {
          expect(reread.diagnostics()).toEqual([]);
          const back = dayByDayMessages(reread);
          expect(
            back.map((m) => [m.day, m.time, m.speaker, m.text]),
            name,
          ).toEqual(original.map((m) => [m.day, m.time, m.speaker, m.text]));
          // Each day opens with its messages, and the day list holds exactly those days.
          const [only] = reread.conversations();
          expect(reread.days(only!.id).map((d) => [d.day, d.messages])).toEqual([
            ['2024-03-01', 2],
            ['2024-03-02', 2],
            ['2024-03-03', 2],
          ]);
        } finally {
          reread.close();
        }
      } finally {
        copy.remove();
      }
    }
  });
});
