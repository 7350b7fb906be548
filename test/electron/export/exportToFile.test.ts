/** exportToFile against real folders: atomic writes, no overwrite without asking, archive untouched. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/api';
import { ArchiveService } from '../../../electron/service/archiveService';
import { exportToFile } from '../../../electron/service/export';
import { BUNDLED_SAMPLE, chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';

const NOW = new Date(Date.UTC(2026, 10, 24, 17, 30, 12));

/** Every file under a folder with its size and modification time, to prove nothing changed. */
function snapshot(root: string): string[] {
  const entries: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else entries.push(`${path} ${statSync(path).size} ${statSync(path).mtimeMs}`);
    }
  };
  walk(root);
  return entries.sort();
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('exportToFile', () => {
  let archive: TempArchive;
  let out: string;
  const service = new ArchiveService({ cacheDir: null });

  beforeAll(async () => {
    archive = tempArchive();
    archive.write(
      'group/_posts/2018-05-15-chat.markdown',
      chatLog('2018-05-15', [
        { time: '09:02:16', speaker: '李雄峰', text: '近期分享安排' },
        { time: '09:03:00', speaker: '范双', text: 'R&D <script>alert(1)</script>' },
      ]),
    );
    archive.write(
      'group/_posts/2018-05-16-chat.markdown',
      chatLog('2018-05-16', [{ time: '10:00:00', speaker: '李雄峰', text: 'next day' }]),
    );
    await service.open(archive.root);
    out = mkdtempSync(join(tmpdir(), 'scrollback-export-'));
  });

  afterAll(() => {
    service.close();
    archive.remove();
    rmSync(out, { recursive: true, force: true });
  });

  const allIds = () =>
    service
      .days('group')
      .flatMap(({ day }) => service.dayMessages('group', day).messages.map((m) => m.id));
  const firstId = () => allIds()[0]!;

  it('writes the file and reports where, how many messages and how many bytes', async () => {
    const path = join(out, 'thread.md');
    const result = await exportToFile(service, { ids: allIds(), format: 'md', path }, undefined, {
      now: NOW,
    });
    const written = readFileSync(path);
    expect(result).toEqual({ path, messages: 3, bytes: written.length });
    expect(written.toString('utf8')).toContain('<!-- day: 2018-05-16 in group -->');
  });

  it('refuses to replace an existing file without overwrite, and leaves it as it was', async () => {
    const path = join(out, 'existing.txt');
    writeFileSync(path, 'precious');
    const error = await rejection(exportToFile(service, { ids: allIds(), format: 'txt', path }));
    expect(error.code).toBe('file-exists');
    expect(error.message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    await exportToFile(service, { ids: allIds(), format: 'txt', path, overwrite: true });
    expect(readFileSync(path, 'utf8')).toMatch(/^2018-05-15 09:02:16 李雄峰: 近期分享安排\n/);
  });

  it('leaves no temporary file behind, after success or failure', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'scrollback-atomic-'));
    try {
      await exportToFile(service, { ids: allIds(), format: 'json', path: join(folder, 'a.json') });
      await exportToFile(service, {
        ids: allIds(),
        format: 'csv',
        path: join(folder, 'a.json'),
        overwrite: true,
      });
      const failing = async () => {
        throw new Error('printer broke');
      };
      await expect(
        exportToFile(
          service,
          { ids: allIds(), format: 'pdf', path: join(folder, 'b.pdf') },
          failing,
        ),
      ).rejects.toThrow('printer broke');
      expect(readdirSync(folder)).toEqual(['a.json']);
      expect(readFileSync(join(folder, 'a.json'), 'utf8').startsWith('\uFEFF"conversation"')).toBe(
        true,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says clearly what is wrong: no messages, a missing folder, a folder as target, no PDF printer', async () => {
    expect(
      (await rejection(exportToFile(service, { ids: [], format: 'md', path: join(out, 'x.md') })))
        .code,
    ).toBe('invalid-argument');
    expect(
      (
        await rejection(
          exportToFile(service, { ids: [999_999], format: 'md', path: join(out, 'x.md') }),
        )
      ).code,
    ).toBe('not-found');
    expect(
      (
        await rejection(
          exportToFile(service, {
            ids: [firstId()],
            format: 'md',
            path: join(out, 'missing', 'x.md'),
          }),
        )
      ).code,
    ).toBe('write-failed');
    expect(
      (
        await rejection(
          exportToFile(service, { ids: [firstId()], format: 'md', path: out, overwrite: true }),
        )
      ).code,
    ).toBe('write-failed');
    expect(
      (
        await rejection(
          exportToFile(service, { ids: [firstId()], format: 'pdf', path: join(out, 'x.pdf') }),
        )
      ).code,
    ).toBe('unsupported');
    expect((await rejection(exportToFile(service, { ids: [firstId()], format: 'md' }))).code).toBe(
      'invalid-argument',
    );
  });

  it('never writes into the archive folder on its own', async () => {
    const before = snapshot(archive.root);
    for (const format of ['md', 'html', 'json', 'csv', 'txt'] as const) {
      await exportToFile(service, { ids: allIds(), format, path: join(out, `all.${format}`) });
    }
    expect(snapshot(archive.root)).toEqual(before);
  });

  it('writes into the archive only when that path was chosen, and the export reads back as the same days', async () => {
    const copy = tempArchive();
    try {
      copy.write(
        'group/_posts/2018-05-15-chat.markdown',
        readFileSync(join(archive.root, 'group/_posts/2018-05-15-chat.markdown')),
      );
      const path = join(copy.root, 'exports', 'thread.md');
      copy.write('exports/.keep', '');
      await exportToFile(service, { ids: allIds(), format: 'md', path });
      const reread = await openSynced(copy.root);
      try {
        const exported = dayByDayMessages(reread).filter((m) => m.conversation === 'exports');
        expect(exported.map((m) => [m.day, m.time, m.speaker, m.text])).toEqual(
          service.messagesByIds(allIds()).map((m) => [m.day, m.time, m.speaker, m.text]),
        );
        expect(reread.diagnostics()).toEqual([]);
      } finally {
        reread.close();
      }
    } finally {
      copy.remove();
    }
  });
});

describe('exportToFile with archive images', () => {
  it('embeds the bundled sample image as a data: URI and shows remote ones as placeholders', async () => {
    const service = new ArchiveService({ cacheDir: null });
    await service.open(BUNDLED_SAMPLE);
    const out = mkdtempSync(join(tmpdir(), 'scrollback-export-'));
    try {
      const messages = service.dayMessages('groups/trailclub', '2024-03-05').messages;
      const path = join(out, 'trail.html');
      await exportToFile(
        service,
        { ids: messages.map((m) => m.id), format: 'html', path },
        undefined,
        { now: NOW },
      );
      const html = readFileSync(path, 'utf8');
      expect(html).toMatch(/<img class="picture" src="data:image\/png;base64,iVBORw0KGgo/);
      expect(html).toContain('Image not included: 2024-03-05 10:01:00');
      expect(html).not.toMatch(/<script/i);

      const small = join(out, 'linked.html');
      await exportToFile(
        service,
        { ids: messages.map((m) => m.id), format: 'html', path: small },
        undefined,
        { imageLimits: { each: 10, total: 10 } },
      );
      expect(readFileSync(small, 'utf8')).toMatch(
        /<a class="placeholder" href="[^"]*groups\/trailclub\/_posts\/images\/2024-03-05-trail.png"/,
      );
    } finally {
      service.close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});
