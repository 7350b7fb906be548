/** The Telegram reader on generated and hostile input: it never throws and never loses a word. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWhole } from '../../../../shared/readers/collect';
import { telegramReader } from '../../../../shared/readers/telegram/reader';
import {
  context,
  decode,
  encode,
  expectSameInAnyChunks,
  expectSurvivesDamage,
  fixtureBytes,
  lineOf,
} from '../json/helpers';

const FULL = fixtureBytes('telegram', 'full', 'result.json');
const PATH = 'export/result.json';
const read = (bytes: Uint8Array, chunkSize?: number) =>
  readWhole(telegramReader, PATH, bytes, context(), chunkSize);

const twoDigits = (n: number) => String(n).padStart(2, '0');
const generatedMessage = fc.record({
  text: fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', '\n', '"', '\\', '支', '付', '😀', '{', ']', '\u2028'),
  }),
  speaker: fc.stringMatching(/^[A-Za-z林周][a-z小溪远山 ]{0,12}$/).map((s) => s.trim() || 'Ana'),
  day: fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${twoDigits(d)}`),
  time: fc
    .tuple(
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map((parts) => parts.map(twoDigits).join(':')),
  entities: fc.boolean(),
});

describe('Telegram reader properties', () => {
  it('reads generated messages back: text, speaker, day and time', () => {
    fc.assert(
      fc.property(fc.array(generatedMessage, { maxLength: 12 }), (messages) => {
        const chat = {
          name: 'Generated',
          type: 'private_group',
          id: 9,
          messages: messages.map((m, index) => ({
            id: index + 1,
            type: 'message',
            date: `${m.day}T${m.time}`,
            from: m.speaker,
            text: m.entities ? [{ type: 'bold', text: m.text }] : m.text,
          })),
        };
        const result = read(encode(JSON.stringify(chat, null, 1)));
        expect(result.diagnostics).toEqual([]);
        const read_ = result.conversations[0]?.messages ?? [];
        expect(read_.map((m) => [m.text, m.speaker, m.day, m.time])).toEqual(
          messages.map((m) => [m.text, m.speaker, m.day, m.time]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result however the bytes are cut into chunks', () => {
    expectSameInAnyChunks((size) => read(FULL, size), 200, 60);
  });

  it('reads a large export pushed whole (decoded in pieces, characters cut between them) as in small chunks', () => {
    // Some 200 KB of CJK, emoji and ASCII text: characters of 1 to 4 bytes fall on every offset,
    // so pieces of 32 KB cut some of them.
    const words = ['支付宝', '😀 ok', 'plain words', 'Ελληνικά', '\u2028', '清分'];
    const messages = Array.from({ length: 1500 }, (_, i) => ({
      id: i + 1,
      type: 'message',
      date: `2024-02-${twoDigits((i % 28) + 1)}T08:${twoDigits(i % 60)}:00`,
      from: 'Ana',
      text: `${i} ${words.slice(0, (i % 6) + 1).join(' ')} ${'支付'.repeat(i % 7)}`,
    }));
    const bytes = encode(JSON.stringify({ name: 'Large', type: 'private_group', id: 3, messages }));
    expect(bytes.length).toBeGreaterThan(150_000);
    const whole = read(bytes);
    expect(whole.diagnostics).toEqual([]);
    expect(whole.conversations[0]!.messages.map((m) => m.text)).toEqual(
      messages.map((m) => m.text),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70_000 }), (size) => {
        expect(read(bytes, size)).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        (bytes, size) => {
          read(bytes, size);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on an export with bytes changed, and keeps the messages before a cut', () => {
    expectSurvivesDamage(FULL, (damaged) => read(damaged, 97), 500);
  });
});

describe('Telegram reader on bad input', () => {
  it('keeps the messages before a cut and says where the file was cut', () => {
    const text = decode(FULL);
    const cut = text.indexOf('Photos from last time');
    const result = read(encode(text.slice(0, cut)));
    const group = result.conversations[0]!;
    expect(group.messages.map((m) => m.sourceId)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/cut off.*line \d+ is incomplete/);
    expect(result.diagnostics[0]!.message).toContain(
      `line ${lineOf(text, '"id": 10,', lineOf(text, '"id": 9,')) - 1}`,
    );
    expect(result.kind).toBe('chat');
  });

  it('refuses a message nested 100,000 deep in bounded time, and reads the others', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const chat = `{"name": "Deep", "type": "private_group", "id": 1, "messages": [
{"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "Ana", "text": "before"},
{"id": 2, "type": "message", "date": "2024-01-01T10:00:01", "from": "Ana", "text": ${deep}},
{"id": 3, "type": "message", "date": "2024-01-01T10:00:02", "from": "Ana", "text": "after"}]}`;
    const result = read(encode(chat), 65536);
    expect(result.conversations[0]!.messages.map((m) => m.text)).toEqual(['before', 'after']);
    expect(result.diagnostics).toEqual([
      {
        path: PATH,
        line: 3,
        message: '1 message nested more than 100 levels deep could not be read.',
      },
    ]);
  });

  it('shows bytes that are not UTF-8 as � and says so', () => {
    const text = encode(
      '{"name": "Bytes", "type": "private_group", "id": 1, "messages": [\n{"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "Ana", "text": "caf__"}]}',
    );
    const at = decode(text).indexOf('__');
    text[at] = 0xc3;
    text[at + 1] = 0x28;
    const result = read(text);
    expect(result.conversations[0]!.messages[0]!.text).toBe('caf�(');
    expect(result.diagnostics).toEqual([
      { path: PATH, line: 2, message: 'Some bytes are not UTF-8 text; they are shown as �.' },
    ]);
  });

  it('reads no message from a top-level array of garbage, and says why', () => {
    const result = read(encode('[1, "two", {"three": 3}, null, [[]]]'));
    expect(result.conversations).toEqual([]);
    expect(result.kind).toBe('skipped');
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'This JSON file holds no Telegram chat (no list of messages); nothing was read.',
    ]);
  });

  it('says which entries of a messages list are not messages', () => {
    const result = read(
      encode(
        '{"type": "private_group", "id": 1, "messages": [1, {"id": 2, "type": "message", "date": "2024-01-01T10:00:00", "from": "Ana", "text": "ok"}, "x", {"id": 4}, {"id": 5, "type": "message", "date": "soon", "from": "Ana", "text": "late"}]}',
      ),
    );
    expect(result.conversations[0]!.messages.map((m) => [m.text, m.time])).toEqual([
      ['ok', '10:00:00'],
      ['late', '10:00:00'],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '3 entries of the messages are not messages; not read.',
      '1 message has no readable "date"; shown at the time of the message before.',
    ]);
  });

  it("reads Telegram's \\x escapes for control characters", () => {
    const result = read(
      encode(
        '{"type": "saved_messages", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "Ana", "text": "a\\x0Bb"}]}',
      ),
    );
    expect(result.conversations[0]!.messages[0]!.text).toBe('a\u000Bb');
    expect(result.diagnostics).toEqual([]);
  });
});
