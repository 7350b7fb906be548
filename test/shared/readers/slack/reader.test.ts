/** The Slack export reader on an export written for the project (fictional people). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { chooseReader } from '../../../../shared/readers/registry';
import { slackReader } from '../../../../shared/readers/slack/reader';
import {
  context,
  decode,
  encode,
  expectSameInAnyChunks,
  expectSurvivesDamage,
  fixtureBytes,
  lineOf,
} from '../json/helpers';

const ROOT = 'exports/slack';
const COMPANIONS = ['users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json'];
const companions = Object.fromEntries(
  COMPANIONS.map((name) => [`${ROOT}/${name}`, fixtureBytes('slack', name)]),
);

function read(
  day: string,
  options: { chunkSize?: number; bytes?: Uint8Array; without?: string[]; zone?: string } = {},
) {
  const given = { ...companions };
  for (const name of options.without ?? []) delete given[`${ROOT}/${name}`];
  return readWhole(
    slackReader,
    `${ROOT}/${day}`,
    options.bytes ?? fixtureBytes('slack', ...day.split('/')),
    context(given, options.zone),
    options.chunkSize,
  );
}
const messagesOf = (day: string) => read(day).conversations[0]!.messages;

describe('Slack sniff and companions', () => {
  it('recognises a day file in a channel folder by its name and content', () => {
    const bytes = fixtureBytes('slack', 'general', '2024-03-04.json');
    expect(slackReader.sniff(`${ROOT}/general/2024-03-04.json`, bytes)).toBeGreaterThan(0.5);
    expect(chooseReader(`${ROOT}/general/2024-03-04.json`, bytes)).toBe(slackReader);
    expect(slackReader.sniff('export.zip!/general/2024-03-04.json', bytes)).toBeGreaterThan(0.5);
  });

  it('scores 0 for the root files, other names and other JSON arrays', () => {
    const day = fixtureBytes('slack', 'general', '2024-03-04.json');
    expect(slackReader.sniff(`${ROOT}/users.json`, fixtureBytes('slack', 'users.json'))).toBe(0);
    expect(slackReader.sniff(`${ROOT}/general/notes.json`, day)).toBe(0);
    expect(slackReader.sniff('2024-03-04.json', day)).toBe(0);
    expect(slackReader.sniff(`${ROOT}/x/2024-03-04.json`, encode('[{"a": 1}]'))).toBe(0);
    expect(slackReader.sniff(`${ROOT}/x/2024-03-04.json`, encode('{"ts": "1.2"}'))).toBe(0);
  });

  it('declares the root files of the export as companions, inside a zip too', () => {
    expect(slackReader.companions!(`${ROOT}/general/2024-03-04.json`)).toEqual(
      COMPANIONS.map((name) => `${ROOT}/${name}`),
    );
    expect(slackReader.companions!('old/export.zip!/general/2024-03-04.json')[0]).toBe(
      'old/export.zip!/users.json',
    );
  });
});

describe('Slack channel', () => {
  it('is the channel folder, titled #name, each message at its instant in the archive zone', () => {
    const result = read('general/2024-03-04.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations).toHaveLength(1);
    expect(result.conversations[0]).toMatchObject({
      id: `${ROOT}/general`,
      title: '#general',
      format: 'slack',
    });
    const text = decode(fixtureBytes('slack', 'general', '2024-03-04.json'));
    // 1709542800 is 09:00 UTC: 17:00 in Shanghai, 04:00 in New York.
    expect(result.conversations[0]!.messages[0]).toMatchObject({
      day: '2024-03-04',
      time: '17:00:00',
      sourceId: '1709542800.000100',
      line: lineOf(text, '"1709542800.000100"') - 3,
    });
    const inNewYork = read('general/2024-03-04.json', { zone: 'America/New_York' });
    expect(inNewYork.conversations[0]!.messages[0]).toMatchObject({
      day: '2024-03-04',
      time: '04:00:00',
    });
  });

  it('renders mentions, channel links, labelled links, broadcasts and escapes', () => {
    const messages = messagesOf('general/2024-03-04.json');
    const message = messages[3]!;
    expect(message).toMatchObject({ speaker: 'Ana Lima' });
    expect(message.text).toBe(
      'Hey @Ben and @小溪, the route is up: the route <15 km> — see #general and @here',
    );
    const [link] = message.styles!;
    expect(message.text.slice(link!.start, link!.end)).toBe('the route');
    expect(link!.href).toBe('https://example.org/route');
    expect(messages[8]!.text).toBe(
      '@channel meeting point moved; ask @hikers or mail ana@example.org, before Mar 5th',
    );
  });

  it('shows emoji shortcodes written in text as their emoji, and leaves times and custom ones', () => {
    const json = JSON.stringify([
      {
        type: 'message',
        user: 'U01ANA',
        text: 'great :+1: see you at 10:30:45 :wave::skin-tone-3: <https://example.org/a:b:c|map> :our_logo:',
        ts: '1709543400.000100',
      },
    ]);
    const result = read('general/2024-03-04.json', { bytes: encode(json), zone: 'UTC' });
    const message = result.conversations[0]!.messages[0]!;
    expect(message.text).toBe('great 👍 see you at 10:30:45 👋 map :our_logo:');
    // The link still covers its words after the shortcodes before it became shorter.
    const [link] = message.styles!;
    expect(message.text.slice(link!.start, link!.end)).toBe('map');
  });

  it('shows joins, topics and purposes as events in plain English', () => {
    const events = messagesOf('general/2024-03-04.json').filter((m) => m.kind === 'event');
    expect(events.map((m) => m.text)).toEqual([
      'Ana Lima has joined the channel',
      'Ana Lima set the channel topic: Weekend hikes & plans',
      'Ana Lima set the channel purpose: Everything about the club',
    ]);
    expect(messagesOf('general/2024-03-05.json')[2]).toMatchObject({
      kind: 'event',
      text: 'Ben has left the channel',
    });
  });

  it('ties thread replies to their first message, on their own day and the next', () => {
    const first = messagesOf('general/2024-03-04.json');
    expect(first[4]).toMatchObject({ text: '周六几点集合？', speaker: '小溪' });
    expect(first[4]!.threadOf).toBeUndefined();
    expect(first[5]).toMatchObject({
      threadOf: '1709543400.000500',
      // Shortcodes written in text show as their emoji, as Slack shows them.
      text: '七点，北门 ⛰️',
    });
    const next = messagesOf('general/2024-03-05.json');
    expect(next.slice(0, 2).map((m) => [m.threadOf, m.day])).toEqual([
      ['1709543400.000500', '2024-03-05'],
      ['1709543400.000500', '2024-03-05'],
    ]);
  });

  it('reads files, edits, reactions and pins', () => {
    const messages = messagesOf('general/2024-03-04.json');
    expect(messages[6]!.attachments).toEqual([
      {
        kind: 'image',
        name: 'ridge.png',
        path: null,
        url: 'https://files.slack.com/files-pri/T0TRAIL-F01PHOTO/ridge.png',
        size: 48213,
        mime: 'image/png',
        width: 800,
        height: 600,
      },
    ]);
    expect(messages[7]).toMatchObject({
      text: 'Bring water, *lots* of it',
      edited: '2024-03-04 17:14:00',
    });
    expect(messages[7]!.reactions).toEqual([
      { emoji: '👍', count: 2, names: ['Ana Lima', '小溪'] },
      { emoji: '🥾', count: 1, names: ['Ana Lima'] },
      { emoji: ':trailclub-logo:', count: 1, names: ['小溪'] },
    ]);
    expect(messages[8]!.pinned).toBe(true);
  });

  it('names bots, shows unfurls as link cards and keeps bot attachments as text', () => {
    const messages = messagesOf('random/2024-03-04.json');
    expect(messages.map((m) => m.speaker)).toEqual(['trailbot', 'Ana Lima', 'Polly']);
    expect(messages[0]!.text).toBe('Weekend forecast\nSunny, 18°C, light wind');
    expect(messages[1]).toMatchObject({
      text: 'Nice article https://example.org/blog/ridge',
      links: [
        {
          url: 'https://example.org/blog/ridge',
          title: 'Hiking the ridge',
          description: 'Five tips for a safe hike & a happy crew',
        },
      ],
    });
  });
});

describe('Slack groups and direct messages', () => {
  it('titles a private channel #name, a DM and a group DM with their people', () => {
    const titles = [
      'trip-planning/2024-03-05.json',
      'D0A1B2C3D4E/2024-03-06.json',
      'mpdm-ana.lima--ben.okafor--lin.xiaoxi-1/2024-03-06.json',
    ].map((day) => read(day).conversations[0]!.title);
    expect(titles).toEqual(['#trip-planning', 'Ana Lima, Ben', 'Ana Lima, Ben, 小溪']);
    expect(messagesOf('trip-planning/2024-03-05.json')[0]).toMatchObject({
      kind: 'event',
      text: 'Ana Lima has joined the group',
    });
  });

  it('falls back to the messages’ own profiles, then to user ids, and says so once', () => {
    const result = read('general/2024-03-04.json', { without: ['users.json'] });
    const messages = result.conversations[0]!.messages;
    // The join comes before any message that carries Ana's profile.
    expect(messages[0]!.speaker).toBe('U01ANA');
    expect(messages[3]!.speaker).toBe('Ana Lima');
    // Ben's and 小溪's profiles come with later messages.
    expect(messages[3]!.text).toContain('@U02BEN and @U03XI');
    expect(messages[7]!.reactions![0]!.names).toEqual(['Ana Lima', '小溪']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "3 people's names could not be found (users.json is missing from the export); their Slack user ids are shown instead.",
    ]);
    const titles = read('D0A1B2C3D4E/2024-03-06.json', { without: ['dms.json'] });
    expect(titles.conversations[0]!.title).toBe('D0A1B2C3D4E');
  });
});

describe('Slack reader properties', () => {
  it('gives the same result however the bytes are cut into chunks', () => {
    expectSameInAnyChunks((chunkSize) => read('general/2024-03-04.json', { chunkSize }));
  });

  it('reads generated messages back: text, speaker, day and time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({
              unit: fc.constantFrom('a', ' ', '\n', '"', '\\', '雪', '🏔', '*', '_'),
            }),
            user: fc.constantFrom('U01ANA', 'U02BEN', 'U03XI'),
            seconds: fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }),
          }),
          { maxLength: 10 },
        ),
        (messages) => {
          const json = JSON.stringify(
            messages.map((m, index) => ({
              type: 'message',
              user: m.user,
              text: m.text,
              ts: `${m.seconds}.00000${index}`,
            })),
          );
          const result = read('general/2024-01-01.json', {
            bytes: encode(json),
            chunkSize: 11,
            zone: 'UTC',
          });
          const names: Record<string, string> = {
            U01ANA: 'Ana Lima',
            U02BEN: 'Ben',
            U03XI: '小溪',
          };
          const expected = messages.map((m) => {
            const iso = new Date(m.seconds * 1000).toISOString();
            return [m.text, names[m.user], iso.slice(0, 10), iso.slice(11, 19)];
          });
          const got = (result.conversations[0]?.messages ?? []).map((m) => [
            m.text,
            m.speaker,
            m.day,
            m.time,
          ]);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes or on damaged companions', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 100 }),
        (day, users) => {
          readWhole(
            slackReader,
            `${ROOT}/general/2024-03-04.json`,
            day,
            context({ [`${ROOT}/users.json`]: users }),
            5,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on a damaged day file', () => {
    const bytes = fixtureBytes('slack', 'general', '2024-03-04.json');
    expectSurvivesDamage(bytes, (damaged) =>
      read('general/2024-03-04.json', { bytes: damaged, chunkSize: 61 }),
    );
  });

  it('keeps the messages before a cut, and says where', () => {
    const text = decode(fixtureBytes('slack', 'general', '2024-03-04.json'));
    const result = read('general/2024-03-04.json', {
      bytes: encode(text.slice(0, text.indexOf('Last trip'))),
    });
    expect(result.conversations[0]!.messages).toHaveLength(6);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/cut off/);
  });
});

describe('Slack reader time zone', () => {
  it('shows instants in UTC when the archive zone is unknown, and says so', () => {
    const result = read('general/2024-03-04.json', { zone: 'Mars/Olympus_Mons' });
    expect(result.conversations[0]!.messages[0]).toMatchObject({ time: '09:00:00' });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'The time zone "Mars/Olympus_Mons" is unknown here, so times stored as instants are shown in UTC.',
    ]);
  });
});
