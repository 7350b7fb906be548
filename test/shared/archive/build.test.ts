import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../shared/archive/build';
import { resolveMention } from '../../../shared/archive/mentions';
import type { ParsedFile, ParsedMessage } from '../../../shared/model';

function file(
  path: string,
  day: string | null,
  messages: [string, string, string][],
  kind: ParsedFile['kind'] = 'chat',
): ParsedFile {
  const parsed: ParsedMessage[] = messages.map(([time, speaker, text], i) => ({
    time,
    speaker,
    text,
    line: i + 1,
  }));
  return { path, kind, day, title: null, messages: parsed, diagnostics: [] };
}

describe('buildArchive', () => {
  it('places files in conversations by folder, dropping a trailing _posts', () => {
    const archive = buildArchive(
      [
        file('source/proddev/_posts/2018-05-15-chat.markdown', '2018-05-15', [
          ['09:00:00', 'a', 'x'],
        ]),
        file(
          'wechat/_posts/2017-05-05-w.markdown',
          '2017-05-05',
          [['09:00:00', '', 'y']],
          'timeline',
        ),
        file('notes.md', null, [], 'document'),
      ],
      3,
    );
    expect(archive.conversations.map((c) => [c.id, c.title])).toEqual([
      ['source/proddev', 'proddev'],
      ['wechat', 'wechat'],
    ]);
    expect(archive.files).toEqual({ total: 6, chat: 1, timeline: 1, document: 1, skipped: 3 });
  });

  it('merges files of one conversation and day in time order, and counts days with messages', () => {
    const archive = buildArchive([
      file('g/_posts/2018-05-15-b.md', '2018-05-15', [
        ['10:00:00', 'b', 'second'],
        ['12:00:00', 'b', 'fourth'],
      ]),
      file('g/_posts/2018-05-15-a.md', '2018-05-15', [
        ['09:00:00', 'a', 'first'],
        ['11:00:00', 'a', 'third'],
      ]),
      file('g/_posts/2018-05-16-a.md', '2018-05-16', []),
    ]);
    expect(archive.messages.map((m) => m.text)).toEqual(['first', 'second', 'third', 'fourth']);
    expect(archive.conversations[0]).toMatchObject({
      messages: 4,
      days: 1,
      speakers: 2,
      first: '2018-05-15',
      last: '2018-05-15',
    });
  });

  it('counts speakers per conversation with first and last day', () => {
    const archive = buildArchive([
      file('g/2018-05-15.md', '2018-05-15', [
        ['09:00:00', '张三', 'x'],
        ['09:01:00', '李四', 'y'],
      ]),
      file('g/2018-05-17.md', '2018-05-17', [['09:00:00', '张三', 'z']]),
    ]);
    expect(archive.speakers.get('g')!.map((s) => [s.name, s.messages, s.first, s.last])).toEqual([
      ['张三', 2, '2018-05-15', '2018-05-17'],
      ['李四', 1, '2018-05-15', '2018-05-15'],
    ]);
  });

  it('groups a nickname and a group card into one person by echo pairs, and marks the echo', () => {
    const archive = buildArchive([
      file('g/2018-05-15.md', '2018-05-15', [
        ['09:00:00', '范双', '我们用的是分账接口'],
        ['09:00:00', '范双-奇付通-开发-北京', '我们用的是分账接口'],
        ['09:05:00', '范双', '另一条消息内容'],
        ['09:05:00', '范双-奇付通-开发-北京', '另一条消息内容'],
        ['09:06:00', '王五', '[强]'],
        ['09:06:00', '赵六', '[强]'],
      ]),
    ]);
    const persons = archive.persons.get('g')!;
    expect(persons.find((p) => p.names.length > 1)).toEqual({
      id: '范双',
      names: ['范双', '范双-奇付通-开发-北京'],
      messages: 4,
      evidence: 2,
    });
    // Two people sending the same emoji in one second are not one person.
    expect(
      persons
        .filter((p) => p.names.length === 1)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['王五', '赵六']);
    expect(
      archive.messages.filter((m) => m.echoOf !== undefined).map((m) => [m.id, m.echoOf]),
    ).toEqual([
      [1, 0],
      [3, 2],
    ]);
    expect(archive.conversations[0]!.speakers).toBe(4);
  });
});

describe('resolveMention', () => {
  const archive = buildArchive([
    file('g/2018-05-15.md', '2018-05-15', [
      ['09:00:00', '范双-奇付通-开发-北京', 'x'],
      ['09:00:01', '李玉福@农信互联', 'y'],
      ['09:00:02', '张三', 'z'],
      ['09:00:03', '张三丰', 'w'],
    ]),
  ]);
  const speakers = archive.speakers.get('g')!;
  it('resolves a mention by whole name, card name, or unique prefix', () => {
    expect(resolveMention('李玉福@农信互联', speakers)?.name).toBe('李玉福@农信互联');
    expect(resolveMention('范双', speakers)?.name).toBe('范双-奇付通-开发-北京');
    expect(resolveMention('李玉福', speakers)?.name).toBe('李玉福@农信互联');
    expect(resolveMention('张三', speakers)?.name).toBe('张三');
  });
  it('does not guess when several or no names fit', () => {
    expect(resolveMention('张', speakers)).toBeNull();
    expect(resolveMention('nobody', speakers)).toBeNull();
  });
});
