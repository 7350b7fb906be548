/** The Telegram Desktop reader on exports written for the project (fictional people). */
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { chooseReader } from '../../../../shared/readers/registry';
import { telegramReader } from '../../../../shared/readers/telegram/reader';
import { context, decode, encode, fixtureBytes, lineOf } from '../json/helpers';

const SINGLE = fixtureBytes('telegram', 'single', 'result.json');
const FULL = fixtureBytes('telegram', 'full', 'result.json');
const SINGLE_PATH = 'exports/ben/result.json';
const FULL_PATH = 'exports/DataExport_2024-03-06/result.json';

function single() {
  const result = readWhole(telegramReader, SINGLE_PATH, SINGLE, context());
  const messages = result.conversations[0]!.messages;
  return { result, byId: (id: number) => messages.find((m) => m.sourceId === String(id))! };
}

describe('Telegram sniff', () => {
  it('recognises a single chat and a full export by their content', () => {
    expect(telegramReader.sniff('a/result.json', SINGLE)).toBeGreaterThan(0.5);
    expect(telegramReader.sniff('a/result.json', FULL)).toBeGreaterThan(0.5);
    expect(chooseReader('a/result.json', FULL)).toBe(telegramReader);
    const empty = encode(
      '{\n "name": "Quiet",\n "type": "personal_chat",\n "id": 5,\n "messages": []\n}',
    );
    expect(telegramReader.sniff('x/result.json', empty)).toBeGreaterThan(0.5);
    const newType = encode(
      '{\n "name": "Forum",\n "type": "private_forum",\n "id": 6,\n "messages": [\n  {\n   "id": 1,\n   "type": "message",',
    );
    expect(telegramReader.sniff('x/result.json', newType)).toBeGreaterThan(0.5);
  });

  it('scores 0 for other JSON and for the same bytes under another extension', () => {
    for (const text of [
      '{"name": "scrollback", "version": "1.0.0", "dependencies": {}}',
      '{"guild": {"id": "1", "name": "G"}, "channel": {}, "messages": [{"id": "2", "type": "Default"}]}',
      '[{"type": "message", "user": "U1", "text": "hi", "ts": "1.2"}]',
      '{"messages": [{"role": "user", "content": "hi"}]}',
      '',
    ])
      expect(telegramReader.sniff('data/result.json', encode(text))).toBe(0);
    expect(telegramReader.sniff('a/result.txt', SINGLE)).toBe(0);
  });
});

describe('Telegram single chat', () => {
  it('is one conversation named by the file, titled with the chat name', () => {
    const { result } = single();
    expect(result.kind).toBe('chat');
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations).toHaveLength(1);
    expect(result.conversations[0]).toMatchObject({
      id: SINGLE_PATH,
      title: 'Ben Okafor',
      format: 'telegram',
    });
    expect(result.conversations[0]!.messages).toHaveLength(17);
  });

  it('reads the wall-clock date as written, and the line where each message starts', () => {
    const { byId } = single();
    const text = decode(SINGLE);
    expect(byId(1)).toMatchObject({
      day: '2024-03-04',
      time: '09:00:12',
      speaker: 'Ana Lima',
      text: '早上好！Ready for Saturday?',
      line: lineOf(text, '"id": 1,') - 1,
    });
    expect(byId(12).line).toBe(lineOf(text, '"id": 12,') - 1);
  });

  it('uses date_unixtime in the archive zone only when date is missing', () => {
    const { byId } = single();
    // 1709632800 is 2024-03-05 10:00:00 UTC: 18:00 in Shanghai.
    expect(byId(13)).toMatchObject({ day: '2024-03-05', time: '18:00:00' });
    const inUtc = readWhole(telegramReader, SINGLE_PATH, SINGLE, context({}, 'UTC'));
    const message = inUtc.conversations[0]!.messages.find((m) => m.sourceId === '13')!;
    expect(message).toMatchObject({ day: '2024-03-05', time: '10:00:00' });
    // Messages with a date do not move with the zone.
    expect(inUtc.conversations[0]!.messages[0]!.time).toBe('09:00:12');
  });

  it('joins text entities into plain text, with styles over it and mentions kept readable', () => {
    const { byId } = single();
    const message = byId(2);
    expect(message.text).toBe(
      'Yes! See the route at https://example.org/route and ask @trailclub_bot or 林小溪. Run npm run hike, see the map.',
    );
    const span = (kind: string) => {
      const style = message.styles!.find((s) => s.kind === kind)!;
      return [message.text.slice(style.start, style.end), style.href];
    };
    expect(span('bold')).toEqual(['the route', undefined]);
    expect(span('code')).toEqual(['npm run hike', undefined]);
    expect(span('link')).toEqual(['map', 'https://example.org/map']);
    expect(byId(3).text).toBe('好的 👍 maybe');
    expect(byId(3).styles!.map((s) => s.kind)).toEqual(['italic', 'strike']);
    expect(byId(17)).toMatchObject({
      text: 'boots\nwater',
      styles: [{ kind: 'pre', start: 0, end: 11 }],
    });
  });

  it('reads replies, edits, forwards, reactions and a deleted sender', () => {
    const { byId } = single();
    expect(byId(3)).toMatchObject({ replyTo: '2', edited: '2024-03-04 09:05:00' });
    expect(byId(3).reactions).toEqual([{ emoji: '❤', count: 1, names: ['Ben Okafor'] }]);
    expect(byId(4)).toMatchObject({ forwardedFrom: 'Trail Weather', speaker: 'Ben Okafor' });
    expect(byId(14).speaker).toBe('Deleted Account');
    expect(byId(1).replyTo).toBeUndefined();
  });

  it('gives media their paths relative to the export, or a name when not included', () => {
    const { byId } = single();
    expect(byId(5).attachments).toEqual([
      {
        kind: 'image',
        name: 'photo_1@04-03-2024_09-10-00.jpg',
        path: 'exports/ben/photos/photo_1@04-03-2024_09-10-00.jpg',
        width: 640,
        height: 480,
      },
    ]);
    expect(byId(6).attachments![0]).toMatchObject({
      kind: 'sticker',
      path: 'exports/ben/stickers/sticker.webp',
    });
    expect(byId(7).attachments![0]).toMatchObject({
      kind: 'voice',
      duration: 5,
      mime: 'audio/ogg',
    });
    expect(byId(8).attachments![0]).toMatchObject({
      kind: 'video',
      name: 'file_1@04-03-2024_09-13-00.mp4',
    });
    expect(byId(9).attachments).toEqual([
      { kind: 'file', name: '路线规划V2.pdf', path: null, mime: 'application/pdf' },
    ]);
    expect(byId(10).attachments).toEqual([
      { kind: 'image', name: 'Photo', path: null, width: 1280, height: 960 },
    ]);
    expect(byId(15).attachments![0]).toMatchObject({
      kind: 'audio',
      name: 'The Ramblers – High Ridge',
    });
    expect(byId(16).attachments![0]).toMatchObject({
      kind: 'video',
      name: 'summit.mp4',
      width: 1920,
    });
    expect(byId(17).attachments![0]).toMatchObject({
      kind: 'file',
      path: 'exports/ben/files/checklist.txt',
    });
  });

  it('shows service messages as events in plain English', () => {
    const { byId } = single();
    expect(byId(11)).toMatchObject({
      kind: 'event',
      speaker: 'Ana Lima',
      text: 'Ana Lima pinned a message',
      replyTo: '2',
    });
    expect(byId(12)).toMatchObject({ kind: 'event', text: 'Ben Okafor called (2 min 5 s)' });
  });
});

describe('Telegram full export', () => {
  const result = readWhole(telegramReader, FULL_PATH, FULL, context());
  const conversation = (title: string) => result.conversations.find((c) => c.title === title)!;

  it('gives one conversation per chat with messages, named by the file and the chat id', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations.map((c) => [c.id, c.title])).toEqual([
      [`${FULL_PATH}#1900000001`, '山野社 TrailClub'],
      [`${FULL_PATH}#1002`, 'Ben Okafor'],
      [`${FULL_PATH}#1800000002`, 'Trail Weather'],
      [`${FULL_PATH}#1001`, 'Saved Messages'],
      [`${FULL_PATH}#1700000003`, 'Old Hiking Group'],
    ]);
    expect(result.conversations.reduce((sum, c) => sum + c.messages.length, 0)).toBe(16);
  });

  it('reads group events, polls and places', () => {
    const group = conversation('山野社 TrailClub').messages;
    expect(group.filter((m) => m.kind === 'event').map((m) => m.text)).toEqual([
      'Ana Lima created the group "山野社"',
      'Ana Lima changed the group name to "山野社 TrailClub"',
      'Ana Lima added 周远山 and Deleted Account',
      'Carla Mendes joined the group via an invite link',
      'Carla Mendes left the group',
    ]);
    expect(group.find((m) => m.sourceId === '7')!.text).toBe(
      '📊 Which trail?\n- High Ridge (2)\n- River Loop (1)',
    );
    expect(group.find((m) => m.sourceId === '8')!.text).toBe(
      '📍 Meeting point, North Gate 30.25, 120.16',
    );
    expect(group.find((m) => m.sourceId === '10')!.attachments![0]!.path).toBe(
      'exports/DataExport_2024-03-06/chats/chat_001/photos/photo_2@01-03-2024_08-10-00.jpg',
    );
  });

  it('names channel posts by their sender and saved messages by where they came from', () => {
    expect(conversation('Trail Weather').messages[1]).toMatchObject({
      speaker: 'Trail Weather',
      text: 'Saturday: sunny, 18°C',
    });
    expect(conversation('Saved Messages').messages[0]).toMatchObject({
      speaker: 'Ana Lima',
      forwardedFrom: 'Trail Weather',
    });
  });
});
