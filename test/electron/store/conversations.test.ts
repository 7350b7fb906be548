/**
 * From files to conversations, through the store: a conversation per folder, the files of one
 * day merged in time order, speakers with their first and last days, and the exporter's echo
 * pairs grouping a nickname and a group card into one person.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveStore } from '../../../electron/service/store/store';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';

type Line = [time: string, speaker: string, text: string];

const log = (day: string, lines: Line[]) =>
  chatLog(
    day,
    lines.map(([time, speaker, text]) => ({ time, speaker, text })),
  );

let archive: TempArchive;
let store: ArchiveStore | undefined;

async function read(files: Record<string, string | Uint8Array>): Promise<ArchiveStore> {
  archive = tempArchive();
  for (const [path, content] of Object.entries(files)) archive.write(path, content);
  store = await openSynced(archive.root);
  return store;
}

afterEach(() => {
  store?.close();
  store = undefined;
  archive?.remove();
});

describe('conversations of an archive', () => {
  it('places files in conversations by folder, dropping a trailing _posts', async () => {
    const opened = await read({
      'source/proddev/_posts/2018-05-15-chat.markdown': log('2018-05-15', [['09:00:00', 'a', 'x']]),
      'wechat/_posts/2017-05-05-w.markdown':
        '---\ndate: 2017-05-05 12:00:00\n---\n   09:00:00  speakerless line  \n',
      'notes.md': '# Notes\n\nAn article about payments, not a chat log.\n',
      'images/a.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'index.html': '<html></html>',
      'css/site.css': 'body{}',
    });
    expect(opened.conversations().map((c) => [c.id, c.title])).toEqual([
      ['source/proddev', 'proddev'],
      ['wechat', 'wechat'],
    ]);
    expect(opened.files).toEqual({ total: 6, chat: 1, timeline: 1, document: 1, skipped: 3 });
  });

  it('merges files of one conversation and day in time order, and counts days with messages', async () => {
    const opened = await read({
      'g/_posts/2018-05-15-b.md': log('2018-05-15', [
        ['10:00:00', 'b', 'second'],
        ['12:00:00', 'b', 'fourth'],
      ]),
      'g/_posts/2018-05-15-a.md': log('2018-05-15', [
        ['09:00:00', 'a', 'first'],
        ['11:00:00', 'a', 'third'],
      ]),
      'g/_posts/2018-05-16-a.md': log('2018-05-16', []),
    });
    expect(opened.dayMessages('g', '2018-05-15').messages.map((m) => m.text)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ]);
    expect(opened.days('g')).toEqual([{ day: '2018-05-15', messages: 4, events: 0 }]);
    expect(opened.conversations()[0]).toMatchObject({
      messages: 4,
      lines: 4,
      days: 1,
      speakers: 2,
      first: '2018-05-15',
      last: '2018-05-15',
      lastTime: '12:00:00',
    });
  });

  it('counts speakers per conversation with first and last day', async () => {
    const opened = await read({
      'g/2018-05-15.md': log('2018-05-15', [
        ['09:00:00', '张三', 'x'],
        ['09:01:00', '李四', 'y'],
      ]),
      'g/2018-05-17.md': log('2018-05-17', [['09:00:00', '张三', 'z']]),
      'h/2018-05-16.md': log('2018-05-16', [['09:00:00', '张三', 'elsewhere']]),
    });
    expect(opened.speakers('g').speakers.map((s) => [s.name, s.messages, s.first, s.last])).toEqual(
      [
        ['张三', 2, '2018-05-15', '2018-05-17'],
        ['李四', 1, '2018-05-15', '2018-05-15'],
      ],
    );
    // A day's speakers are that day's, counted on that day alone.
    expect(opened.speakers('g', '2018-05-17').speakers.map((s) => [s.name, s.messages])).toEqual([
      ['张三', 1],
    ]);
  });

  /** One person writing under a nickname and a group card, each line echoed; and two people. */
  const echoes = {
    'g/2018-05-15.md': log('2018-05-15', [
      ['09:00:00', '范双', '我们用的是分账接口'],
      ['09:00:00', '范双-奇付通-开发-北京', '我们用的是分账接口'],
      ['09:05:00', '范双', '另一条消息内容'],
      ['09:05:00', '范双-奇付通-开发-北京', '另一条消息内容'],
      ['09:06:00', '王五', '[强]'],
      ['09:06:00', '赵六', '[强]'],
    ]),
  };

  it('marks the second line of an echo pair as the echo of the first, and shows it no more', async () => {
    const opened = await read(echoes);
    const day = dayByDayMessages(opened);
    expect(day).toHaveLength(6);
    const idOf = (index: number) => day[index]!.id;
    expect(day.map((m) => m.echoOf ?? null)).toEqual([null, idOf(0), null, idOf(2), null, null]);
    expect(opened.conversations()[0]).toMatchObject({ lines: 6, unique: 6, messages: 4 });
    expect(opened.days('g')).toEqual([{ day: '2018-05-15', messages: 4, events: 0 }]);
    const { persons } = opened.speakers('g');
    expect(persons.find((p) => p.id === '范双')).toMatchObject({ messages: 2, evidence: 2 });
    // Two people sending the same emoji in one second are not one person.
    expect(
      persons
        .filter((p) => p.id !== '范双')
        .map((p) => [p.id, p.names, p.evidence])
        .sort(),
    ).toEqual([
      ['王五', ['王五'], 0],
      ['赵六', ['赵六'], 0],
    ]);
    expect(opened.search('from:范双', { limit: 10, order: 'oldest' }).total).toBe(2);
  });

  // BUG (electron/service/store/summaries.ts, write(): `person.names.filter((name) =>
  // tally.speakers.has(name))`): a name all of whose lines are echoes is dropped from its person,
  // so the person shows one name with evidence 2 (PersonSummary says evidence is 0 for one name),
  // and from: on the group card's company no longer reaches the person (README: "or by any other
  // name of the same person"). The old reader kept both names.
  it('keeps a name whose every line is an echo among its person’s names', async () => {
    const opened = await read(echoes);
    const { persons } = opened.speakers('g');
    expect(persons.find((p) => p.id === '范双')?.names).toEqual(['范双', '范双-奇付通-开发-北京']);
    expect(opened.search('from:奇付通', { limit: 10, order: 'oldest' }).total).toBe(2);
  });
});
