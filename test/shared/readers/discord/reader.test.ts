/** The DiscordChatExporter reader on exports written for the project (fictional people). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { discordReader } from '../../../../shared/readers/discord/reader';
import { chooseReader } from '../../../../shared/readers/registry';
import {
  context,
  decode,
  encode,
  expectSameInAnyChunks,
  expectSurvivesDamage,
  fixtureBytes,
  lineOf,
} from '../json/helpers';

const GENERAL = 'Trail Club - Text Channels - general [1100000000000000001].json';
const GROUP = 'Direct Messages - Group - Ana Lima, Ben, 林小溪 [1200000000000000002].json';
const PRIVATE = 'Direct Messages - Private - benokafor [1200000000000000004].json';
const TRIPS = 'Trail Club - Text Channels - trips [1100000000000000003]';

const read = (name: string, chunkSize?: number, bytes = fixtureBytes('discord', name)) =>
  readWhole(discordReader, `exports/discord/${name}`, bytes, context(), chunkSize);

function general() {
  const result = read(GENERAL);
  const messages = result.conversations[0]!.messages;
  return {
    result,
    byId: (last: number) =>
      messages.find((m) => m.sourceId!.endsWith(String(last).padStart(2, '0')))!,
  };
}

describe('DiscordChatExporter sniff', () => {
  it('recognises an export by its guild, channel and messages', () => {
    const bytes = fixtureBytes('discord', GENERAL);
    expect(discordReader.sniff(`x/${GENERAL}`, bytes)).toBeGreaterThan(0.5);
    expect(chooseReader(`x/${GENERAL}`, bytes)).toBe(discordReader);
  });

  it('scores 0 for other JSON', () => {
    for (const text of [
      '{"name": "Ben", "type": "personal_chat", "id": 1, "messages": []}',
      '{"messages": [{"id": "1", "type": "Default"}]}',
      '{"guild": "x", "channel": "y"}',
      '[]',
    ])
      expect(discordReader.sniff('a/export.json', encode(text))).toBe(0);
  });
});

describe('DiscordChatExporter channel', () => {
  it('is one conversation titled with the server and channel, named by the file', () => {
    const { result } = general();
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations).toHaveLength(1);
    expect(result.conversations[0]).toMatchObject({
      id: `exports/discord/${GENERAL}`,
      title: 'Trail Club › #general',
      format: 'discord',
    });
    expect(result.conversations[0]!.messages).toHaveLength(10);
  });

  it('takes the wall clock as written, the nickname, and the line where a message starts', () => {
    const { byId } = general();
    const text = decode(fixtureBytes('discord', GENERAL));
    expect(byId(2)).toMatchObject({
      day: '2024-03-05',
      time: '09:01:12',
      speaker: 'Ana Lima',
      text: '大家好！Saturday hike: **High Ridge**, meet at 7 :boot: @Ben',
      line: lineOf(text, '"id": "2000000000000000002"') - 1,
    });
  });

  it('reads replies, edits, pins and reactions', () => {
    const { byId } = general();
    expect(byId(3)).toMatchObject({
      replyTo: '2000000000000000002',
      edited: '2024-03-05 09:03:30',
    });
    expect(byId(10).pinned).toBe(true);
    expect(byId(2).reactions).toEqual([
      { emoji: '👍', count: 2, names: ['Ben', '林小溪'] },
      { emoji: ':boot:', count: 1 },
    ]);
  });

  it('gives attachments their local path beside the export, or their address on the web', () => {
    const { byId } = general();
    expect(byId(3).attachments).toEqual([
      {
        kind: 'image',
        name: 'map.png',
        path: `exports/discord/${GENERAL}_Files/map-5A3F2.png`,
        size: 2048,
      },
    ]);
    expect(byId(4).attachments).toEqual([
      {
        kind: 'file',
        name: 'packing-list.pdf',
        path: null,
        url: 'https://cdn.discordapp.com/attachments/1100000000000000001/4000000000000000002/packing-list.pdf',
        size: 51200,
      },
    ]);
    expect(byId(7).attachments).toEqual([
      {
        kind: 'sticker',
        name: 'Happy Hiker',
        path: `exports/discord/${GENERAL}_Files/happy-hiker-77AB.png`,
      },
    ]);
  });

  it('shows embeds as link cards, and keeps the text of embeds without a link', () => {
    const { byId } = general();
    expect(byId(4).links).toEqual([
      {
        url: 'https://example.org/trails/high-ridge',
        title: 'High Ridge Trail',
        description: 'A 15 km loop with two water stops.',
      },
    ]);
    expect(byId(6)).toMatchObject({
      speaker: 'TrailBot',
      text: 'Weather for Saturday\nSunny, 18°C\nWind: light',
    });
  });

  it('shows system messages as events in plain English', () => {
    const { result } = general();
    expect(
      result.conversations[0]!.messages.filter((m) => m.kind === 'event').map((m) => m.text),
    ).toEqual([
      'Ana Lima joined the server',
      'Ana Lima pinned a message',
      '林小溪 changed the channel name to off-topic',
      '林小溪 started a thread: Gear talk',
    ]);
  });
});

describe('DiscordChatExporter direct messages', () => {
  it('titles a DM and a group DM with their own names, and reads group events', () => {
    const group = read(GROUP);
    expect(group.conversations[0]!.title).toBe('Ana Lima, Ben, 林小溪');
    expect(group.conversations[0]!.messages.map((m) => [m.kind ?? 'message', m.text])).toEqual([
      ['event', 'Ana Lima added 林小溪 to the group'],
      ['message', '谢谢拉我进群'],
      ['event', 'Ben started a call that lasted 12 min'],
      ['event', 'Ben changed the channel icon'],
      ['event', '林小溪 left the group'],
    ]);
    const direct = read(PRIVATE);
    expect(direct.conversations[0]!.title).toBe('benokafor');
    // As written, whatever the offset (-05:00): the exporter's own clock.
    expect(direct.conversations[0]!.messages[0]).toMatchObject({
      day: '2024-03-08',
      time: '07:30:00',
    });
  });
});

describe('DiscordChatExporter partitions', () => {
  it('reads the parts of one channel as one conversation, messages keeping their ids', () => {
    const parts = [1, 2].map((part) => read(`${TRIPS} [part ${part}].json`));
    expect(parts[0]!.conversations[0]!.id).toBe(`exports/discord/${TRIPS}.json`);
    expect(parts[1]!.conversations[0]!.id).toBe(parts[0]!.conversations[0]!.id);
    const ids = parts.flatMap((part) => part.conversations[0]!.messages.map((m) => m.sourceId));
    // The parts overlap by one message, which the store folds by its id.
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(6);
  });
});

describe('DiscordChatExporter properties', () => {
  it('gives the same result however the bytes are cut into chunks', () => {
    expectSameInAnyChunks((size) => read(GENERAL, size));
  });

  it('reads generated messages back: text, speaker, day and time', () => {
    const twoDigits = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            content: fc.string({
              unit: fc.constantFrom('a', ' ', '\n', '"', '\\', '你', '🙂', '<', '>'),
            }),
            nickname: fc.constantFrom('Ana Lima', 'Ben', '林小溪'),
            day: fc.integer({ min: 1, max: 28 }).map((d) => `2023-11-${twoDigits(d)}`),
            seconds: fc.integer({ min: 0, max: 86399 }),
          }),
          { maxLength: 10 },
        ),
        (messages) => {
          const time = (s: number) =>
            [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map(twoDigits).join(':');
          const json = JSON.stringify({
            guild: { id: '1', name: 'G' },
            channel: { id: '2', type: 'GuildTextChat', name: 'c' },
            messages: messages.map((m, index) => ({
              id: String(index),
              type: 'Default',
              timestamp: `${m.day}T${time(m.seconds)}.000+08:00`,
              content: m.content,
              author: { id: '3', name: 'x', nickname: m.nickname },
            })),
          });
          const result = readWhole(discordReader, 'c.json', encode(json), context(), 13);
          const read_ = result.conversations[0]?.messages ?? [];
          expect(read_.map((m) => [m.text, m.speaker, m.day, m.time])).toEqual(
            messages.map((m) => [m.content, m.nickname, m.day, time(m.seconds)]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes or on a damaged export', () => {
    const bytes = fixtureBytes('discord', GENERAL);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (noise) => {
        read('noise.json', 7, noise);
      }),
      { numRuns: 1000 },
    );
    expectSurvivesDamage(bytes, (damaged) => read(GENERAL, 101, damaged));
  });

  it('keeps the messages before a cut, and says so', () => {
    const text = decode(fixtureBytes('discord', GENERAL));
    const result = read(GENERAL, undefined, encode(text.slice(0, text.indexOf('Trail report'))));
    expect(result.conversations[0]!.messages.map((m) => m.sourceId)).toEqual([
      '2000000000000000001',
      '2000000000000000002',
      '2000000000000000003',
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/cut off/);
  });
});
