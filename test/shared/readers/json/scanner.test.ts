/** The streaming JSON scanner: finds the selected values, whatever the chunking and the input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockOf } from '../../../../shared/readers/json/clock';
import { repairHexEscapes } from '../../../../shared/readers/json/parse';
import {
  JsonScanner,
  MAX_DEPTH,
  type JsonPath,
  type ScanProblem,
} from '../../../../shared/readers/json/scanner';

interface Found {
  selector: number;
  value: unknown;
  line: number;
  scopes: Record<string, unknown>[];
}

function scan(text: string, select: readonly JsonPath[], chunkSize = text.length || 1) {
  const found: Found[] = [];
  const problems: ScanProblem[] = [];
  const scanner = new JsonScanner(select, {
    value: (selector, value, line, scopes) =>
      found.push({
        selector,
        value,
        line,
        scopes: scopes.map((scope) => Object.fromEntries(scope.fields)),
      }),
    problem: (problem) => problems.push(problem),
  });
  for (let at = 0; at < text.length; at += chunkSize) scanner.push(text.slice(at, at + chunkSize));
  scanner.end();
  return { found, problems };
}

const TELEGRAM_FULL = `{
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 1, "first_name": "Ana"},
 "contacts": {"about": "x", "list": [{"first_name": "Ben", "messages": [1]}]},
 "chats": {
  "about": "This page lists all chats from this export.",
  "list": [
   {
    "name": "Trail Club",
    "type": "private_group",
    "id": 42,
    "messages": [
     {
      "id": 1,
      "text": "hello \\"quoted\\" [not] {a bracket}"
     },
     {"id": 2, "text": ["a", {"type": "bold", "text": "b"}]}
    ]
   },
   {"name": null, "type": "personal_chat", "id": 7, "messages": []},
   {"name": "Ben", "type": "personal_chat", "id": 8, "messages": [{"id": 3}]}
  ]
 }
}
`;
const SELECT: JsonPath[] = [
  ['messages', '*'],
  ['chats', 'list', '*', 'messages', '*'],
];

describe('JsonScanner', () => {
  it('finds the messages of every chat, with the chat fields and the line where each starts', () => {
    const { found, problems } = scan(TELEGRAM_FULL, SELECT);
    expect(problems).toEqual([]);
    expect(found.map((f) => [f.selector, (f.value as { id: number }).id, f.line])).toEqual([
      [1, 1, 13],
      [1, 2, 17],
      [1, 3, 21],
    ]);
    expect(found[0]!.value).toEqual({ id: 1, text: 'hello "quoted" [not] {a bracket}' });
    expect(found[0]!.scopes[2]).toEqual({ name: 'Trail Club', type: 'private_group', id: 42 });
    expect(found[2]!.scopes[2]).toEqual({ name: 'Ben', type: 'personal_chat', id: 8 });
    // Arrays named "messages" elsewhere (under contacts) are not selected.
    expect(found.some((f) => f.value === 1)).toBe(false);
  });

  it('gives the same values and lines however the text is cut into pieces', () => {
    const whole = scan(TELEGRAM_FULL, SELECT);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (size) => {
        expect(scan(TELEGRAM_FULL, SELECT, size)).toEqual(whole);
      }),
    );
  });

  it('reads any JSON value exactly as JSON.parse does, in any pieces', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (value, size, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 1 : undefined) ?? 'null';
          const { found, problems } = scan(text, [[]], size);
          expect(problems).toEqual([]);
          expect(found.map((f) => f.value)).toEqual([JSON.parse(text)]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads every element of a top-level array as JSON.parse does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (values, size) => {
          const text = JSON.stringify(values, null, 2);
          const { found, problems } = scan(text, [['*']], size);
          expect(problems).toEqual([]);
          expect(found.map((f) => f.value)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the messages before a cut, and says where the cut message starts', () => {
    const cut = TELEGRAM_FULL.slice(0, TELEGRAM_FULL.indexOf('"b"}]}') + 3);
    const { found, problems } = scan(cut, SELECT, 7);
    expect(found.map((f) => (f.value as { id: number }).id)).toEqual([1]);
    expect(problems).toEqual([{ kind: 'truncated', line: 17, valueLine: 17 }]);
  });

  it('refuses a value nested 100,000 deep without running out of stack, and reads on', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = `{"messages": [{"id": 1}, ${deep}, {"id": 2}], "other": ${deep}}`;
    const { found, problems } = scan(text, SELECT, 4096);
    expect(found.map((f) => f.value)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(problems).toEqual([{ kind: 'tooDeep', line: 1 }]);
  });

  it('reads a value exactly at the depth cap', () => {
    const text = `[${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}]`;
    expect(scan(text, [['*']]).found).toHaveLength(1);
  });

  it('says the file is cut off when a deep nesting never closes', () => {
    const { found, problems } = scan(`{"messages": [{"id": 1}, ${'{"a":'.repeat(100_000)}`, SELECT);
    expect(found).toHaveLength(1);
    expect(problems.map((p) => p.kind)).toEqual(['tooDeep', 'truncated']);
  });

  it('reports a selected value that is not valid JSON and reads the next one', () => {
    const { found, problems } = scan('[{"a": 1,}, {"a": 2}]', [['*']]);
    expect(found.map((f) => f.value)).toEqual([{ a: 2 }]);
    expect(problems).toMatchObject([{ kind: 'invalid', line: 1 }]);
  });

  it('stops at broken structure outside the messages, keeping what came before', () => {
    const { found, problems } = scan('{"messages": [{"id": 1}]\n"x": 2}', SELECT);
    expect(found).toHaveLength(1);
    expect(problems).toEqual([{ kind: 'syntax', line: 2, found: '"""' }]);
  });

  it('reads garbage as problems, never as values', () => {
    for (const text of [
      '',
      '   ',
      'hello',
      '{"messages": nope}',
      ']',
      '{"messages": [}',
      '\u0000',
    ]) {
      const { found, problems } = scan(text, SELECT);
      expect(found).toEqual([]);
      expect(problems).toHaveLength(1);
    }
  });

  it('says when text follows the JSON', () => {
    expect(scan('{"messages": []} {}', SELECT).problems).toEqual([{ kind: 'trailing', line: 1 }]);
  });

  it("reads Telegram Desktop's \\x escapes as the characters they stand for", () => {
    expect(JSON.parse(repairHexEscapes('"a\\x0Bb"'))).toBe('a\u000Bb');
    expect(repairHexEscapes('"C:\\\\x86"')).toBe('"C:\\\\x86"');
    const { found } = scan('{"messages": [{"text": "tab\\x09here"}]}', SELECT);
    expect(found[0]!.value).toEqual({ text: 'tab\there' });
  });

  it('never throws on arbitrary text, whatever the pieces', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            '"',
            '\\',
            ':',
            ',',
            '1',
            'a',
            ' ',
            '\n',
            'messages',
            'é',
          ),
        }),
        fc.integer({ min: 1, max: 16 }),
        (text, size) => {
          scan(text, SELECT, size);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('wallClockOf', () => {
  it('reads the wall clock as written, whatever follows it, and refuses what is no time', () => {
    expect(wallClockOf('2021-03-04T10:15:07')).toEqual({ day: '2021-03-04', time: '10:15:07' });
    expect(wallClockOf('2021-03-04T10:15:07.123+02:00')).toEqual({
      day: '2021-03-04',
      time: '10:15:07',
    });
    expect(wallClockOf('2021-03-04 23:59')).toEqual({ day: '2021-03-04', time: '23:59:00' });
    for (const bad of [
      '2021-02-30T10:15:00',
      '2021-03-04T24:00:00',
      '2021-03-04T10:60:00',
      '2021-03-04T10:15:61',
      '2021-03-04X10:15:00',
      '2021-03-04T1:15:00',
      '20210304T101500',
      '',
      'soon',
      '2021-03-04T10:15:009',
    ])
      expect(wallClockOf(bad)).toBeNull();
    expect(wallClockOf(1614852900)).toBeNull();
  });
});
