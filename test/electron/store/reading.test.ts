/**
 * Reading an archive folder into the store: files at any depth, hidden folders, node_modules and
 * symbolic links left alone, other files counted as skipped, one bad file never stopping the
 * others, every encoding a chat log comes in, and one sentence when the folder cannot be opened.
 */
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../electron/service/archiveFolder';
import type { ArchiveStore } from '../../../electron/service/store/store';
import {
  SAMPLE_ARCHIVE,
  chatLog,
  sampleMissing,
  tempArchive,
  type TempArchive,
} from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';

/** Counts headers with a plain scan, independently of the readers. */
function countHeaders(root: string): { lines: number; perConversation: Map<string, number> } {
  const perConversation = new Map<string, number>();
  let lines = 0;
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.markdown')) {
        const text = readFileSync(path, 'utf8').split('\n');
        let count = text.filter((l) => /^> \d\d:\d\d:\d\d {2,}\S/.test(l)).length;
        if (count === 0) count = text.filter((l) => /^\s*\d\d:\d\d:\d\d {2,}\S/.test(l)).length;
        const conversation = relative(root, folder).replace(/\/_posts$/, '');
        perConversation.set(conversation, (perConversation.get(conversation) ?? 0) + count);
        lines += count;
      }
    }
  };
  visit(root);
  return { lines, perConversation };
}

describe.skipIf(sampleMissing())('reading the real archive sample', () => {
  let store: ArchiveStore;
  beforeAll(async () => {
    store = await openSynced(SAMPLE_ARCHIVE);
  });
  afterAll(() => store?.close());

  it('reads every message line the files hold, in the counts of its README', () => {
    const independent = countHeaders(SAMPLE_ARCHIVE);
    const conversations = store.conversations();
    expect(conversations.reduce((sum, c) => sum + c.lines, 0)).toBe(independent.lines);
    expect(independent.lines).toBe(4081);
    expect(dayByDayMessages(store)).toHaveLength(4081);
    expect(store.files).toEqual({ total: 46, chat: 41, timeline: 2, document: 3, skipped: 0 });
    expect(new Map(conversations.map((c) => [c.id, c.lines]))).toEqual(independent.perConversation);
    expect(Object.fromEntries(conversations.map((c) => [c.id, c.lines]))).toEqual({
      'source/proddev': 2682,
      'source/prodarch': 919,
      'source/devarch': 169,
      wechat: 311,
    });
    expect(store.diagnostics()).toEqual([]);
  });

  it('shows every line but the echoes as a message, and counts no copies in a sample without any', () => {
    const echoes = dayByDayMessages(store).filter((m) => m.echoOf !== undefined);
    for (const conversation of store.conversations()) {
      const own = echoes.filter((m) => m.conversation === conversation.id).length;
      expect(conversation.messages, conversation.id).toBe(conversation.lines - own);
      expect(conversation.unique, conversation.id).toBe(conversation.lines);
    }
    expect(store.messageCount).toBe(4081 - echoes.length);
  });

  it('finds the echo pairs of the busy December day and groups those names', () => {
    const messages = dayByDayMessages(store);
    const echoes = messages.filter((m) => m.echoOf !== undefined);
    expect(echoes.length).toBeGreaterThan(0);
    const originals = new Map(
      store.messagesByIds(echoes.map((echo) => echo.echoOf!)).map((m) => [m.id, m]),
    );
    for (const echo of echoes) {
      const original = originals.get(echo.echoOf!)!;
      expect([original.conversation, original.day, original.time, original.text]).toEqual([
        echo.conversation,
        echo.day,
        echo.time,
        echo.text,
      ]);
      expect(original.speaker).not.toBe(echo.speaker);
      expect(original.echoOf).toBeUndefined();
    }
    const grouped = store.speakers('source/prodarch').persons.filter((p) => p.names.length > 1);
    expect(grouped.length).toBeGreaterThan(0);
    expect(grouped.every((p) => p.evidence > 0)).toBe(true);
  });
});

describe('reading awkward folders', () => {
  let archive: TempArchive;
  let store: ArchiveStore | undefined;
  afterEach(() => {
    store?.close();
    store = undefined;
    archive?.remove();
  });

  it('reads any depth, skips hidden folders, node_modules and symbolic links, counts other files as skipped', async () => {
    archive = tempArchive();
    archive.write(
      'a/b/c/d/e/_posts/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'x', text: 'deep' }]),
    );
    archive.write(
      '.git/_posts/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'x', text: 'hidden' }]),
    );
    archive.write(
      'node_modules/m/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'x', text: 'module' }]),
    );
    archive.write('css/site.css', 'body{}');
    archive.write('index.html', '<html></html>');
    const outside = tempArchive();
    outside.write(
      '2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: 'x', text: 'outside' }]),
    );
    symlinkSync(outside.root, join(archive.root, 'linked'));
    symlinkSync(join(outside.root, '2018-05-15-chat.md'), join(archive.root, '2018-05-16-chat.md'));
    symlinkSync(archive.root, join(archive.root, 'a/loop'));
    try {
      store = await openSynced(archive.root);
      expect(dayByDayMessages(store).map((m) => m.text)).toEqual(['deep']);
      expect(store.conversations().map((c) => c.id)).toEqual(['a/b/c/d/e']);
      expect(store.files).toEqual({ total: 3, chat: 1, timeline: 0, document: 0, skipped: 2 });
    } finally {
      outside.remove();
    }
  });

  it('reads the other files when one is bad, with a diagnostic for each bad one', async () => {
    archive = tempArchive();
    archive.write(
      'g/_posts/2018-05-15-chat.md',
      chatLog('2018-05-15', [{ time: '09:00:00', speaker: '张三', text: 'good' }]),
    );
    archive.write(
      'g/_posts/2018-05-16-chat.md',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    );
    archive.write(
      'g/_posts/2018-05-17-chat.md',
      '---\ntitle: [broken\n---\n> 10:00:00  李四\nstill read\n',
    );
    archive.write('g/_posts/chat-without-date.md', '> 10:00:00  王五\nlost day\n');
    archive.write(
      'g/_posts/2018-05-18-chat.md',
      '---js\n{ title: "x" }\n---\n> 11:00:00  赵六\nno js\n',
    );
    store = await openSynced(archive.root);
    expect(dayByDayMessages(store).map((m) => m.text)).toEqual(['good', 'still read', 'no js']);
    expect(store.files).toMatchObject({ total: 5, skipped: 1 });
    const diagnostics = store.diagnostics();
    expect(diagnostics.map((d) => [d.path.replace('g/_posts/', ''), d.line ?? null])).toEqual([
      ['2018-05-16-chat.md', null],
      ['2018-05-17-chat.md', 1],
      ['2018-05-18-chat.md', 1],
      ['chat-without-date.md', null],
    ]);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(
      /binary[\s\S]*could not be read[\s\S]*only YAML[\s\S]*No date/,
    );
  });

  it('reads GB18030, UTF-16 and BOM files like UTF-8 ones', async () => {
    archive = tempArchive();
    const text = chatLog('2018-05-15', [{ time: '09:00:00', speaker: '张三', text: '支付你好' }]);
    // GB18030 bytes of "张三" and "支付你好", written by hand: Node has no GB18030 encoder.
    const gb = Buffer.concat([
      Buffer.from('---\ndate: 2018-05-15\n---\n> 09:00:00  '),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from('  \n   \n'),
      Buffer.from([0xd6, 0xa7, 0xb8, 0xb6, 0xc4, 0xe3, 0xba, 0xc3]),
      Buffer.from('  \n'),
    ]);
    archive.write('gb/2018-05-15-chat.md', gb);
    archive.write('utf8/2018-05-15-chat.md', `\uFEFF${text}`);
    archive.write(
      'utf16/2018-05-15-chat.md',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    archive.write('crlf/2018-05-15-chat.md', text.replace(/\n/g, '\r\n'));
    store = await openSynced(archive.root);
    expect(dayByDayMessages(store).map((m) => [m.conversation, m.speaker, m.text])).toEqual([
      ['crlf', '张三', '支付你好'],
      ['gb', '张三', '支付你好'],
      ['utf16', '张三', '支付你好'],
      ['utf8', '张三', '支付你好'],
    ]);
    expect(store.diagnostics()).toEqual([]);
  });

  it('says in one sentence when the folder is missing or not a folder', async () => {
    archive = tempArchive();
    const file = archive.write('README.md', '# not a folder');
    const missing = openSynced(join(archive.root, 'missing'));
    await expect(missing).rejects.toThrow(ArchiveError);
    await expect(missing).rejects.toThrow(
      `Cannot open the archive folder "${join(archive.root, 'missing')}": it does not exist.`,
    );
    await expect(openSynced(file)).rejects.toThrow(/not a folder\.$/);
  });
});
