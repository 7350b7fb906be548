import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveError, readArchive } from '../../../electron/service/readArchive';
import { SAMPLE_ARCHIVE, chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';

/** Counts headers with a plain scan, independently of the parser. */
function countHeaders(root: string): { messages: number; perConversation: Map<string, number> } {
  const perConversation = new Map<string, number>();
  let messages = 0;
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.markdown')) {
        const lines = readFileSync(path, 'utf8').split('\n');
        let count = lines.filter((l) => /^> \d\d:\d\d:\d\d {2,}\S/.test(l)).length;
        if (count === 0) count = lines.filter((l) => /^\s*\d\d:\d\d:\d\d {2,}\S/.test(l)).length;
        const conversation = relative(root, folder).replace(/\/_posts$/, '');
        perConversation.set(conversation, (perConversation.get(conversation) ?? 0) + count);
        messages += count;
      }
    }
  };
  visit(root);
  return { messages, perConversation };
}

describe('readArchive on the real archive sample', () => {
  it('reads every message the files hold, in the counts of its README', async () => {
    const archive = await readArchive(SAMPLE_ARCHIVE);
    const independent = countHeaders(SAMPLE_ARCHIVE);
    expect(archive.messages).toHaveLength(independent.messages);
    expect(archive.messages).toHaveLength(4081);
    expect(archive.files).toEqual({ total: 46, chat: 41, timeline: 2, document: 3, skipped: 0 });
    expect(new Map(archive.conversations.map((c) => [c.id, c.messages]))).toEqual(
      independent.perConversation,
    );
    expect(Object.fromEntries(archive.conversations.map((c) => [c.id, c.messages]))).toEqual({
      'source/proddev': 2682,
      'source/prodarch': 919,
      'source/devarch': 169,
      wechat: 311,
    });
    expect(archive.diagnostics).toEqual([]);
  });

  it('finds the echo pairs of the busy December day and groups those names', async () => {
    const archive = await readArchive(SAMPLE_ARCHIVE);
    const echoes = archive.messages.filter((m) => m.echoOf !== undefined);
    expect(echoes.length).toBeGreaterThan(0);
    for (const echo of echoes) {
      const original = archive.messages[echo.echoOf!]!;
      expect([original.day, original.time, original.text]).toEqual([
        echo.day,
        echo.time,
        echo.text,
      ]);
      expect(original.speaker).not.toBe(echo.speaker);
    }
    const grouped = archive.persons.get('source/prodarch')!.filter((p) => p.names.length > 1);
    expect(grouped.length).toBeGreaterThan(0);
    expect(grouped.every((p) => p.evidence > 0)).toBe(true);
  });
});

describe('readArchive on awkward folders', () => {
  let archive: TempArchive;
  afterEach(() => archive?.remove());

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
      const result = await readArchive(archive.root);
      expect(result.messages.map((m) => m.text)).toEqual(['deep']);
      expect(result.conversations.map((c) => c.id)).toEqual(['a/b/c/d/e']);
      expect(result.files).toEqual({ total: 3, chat: 1, timeline: 0, document: 0, skipped: 2 });
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
    const result = await readArchive(archive.root);
    expect(result.messages.map((m) => m.text)).toEqual(['good', 'still read', 'no js']);
    expect(result.files).toMatchObject({ total: 5, skipped: 1 });
    expect(
      result.diagnostics.map((d) => [d.path.replace('g/_posts/', ''), d.line ?? null]),
    ).toEqual([
      ['2018-05-16-chat.md', null],
      ['2018-05-17-chat.md', 1],
      ['2018-05-18-chat.md', 1],
      ['chat-without-date.md', null],
    ]);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(
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
    const result = await readArchive(archive.root);
    expect(result.messages.map((m) => [m.conversation, m.speaker, m.text])).toEqual([
      ['crlf', '张三', '支付你好'],
      ['gb', '张三', '支付你好'],
      ['utf16', '张三', '支付你好'],
      ['utf8', '张三', '支付你好'],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('says in one sentence when the folder is missing or not a folder', async () => {
    await expect(readArchive('/nonexistent/scrollback')).rejects.toThrow(ArchiveError);
    await expect(readArchive('/nonexistent/scrollback')).rejects.toThrow(/does not exist/);
    await expect(readArchive(join(SAMPLE_ARCHIVE, 'README.md'))).rejects.toThrow(/not a folder/);
  });
});
