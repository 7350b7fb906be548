/**
 * Markdown export round trip: the exported file, read back by the archive's own parser, gives the
 * same day, time, speaker and text for every message, whatever the text holds.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../shared/export/markdown';
import { encodeMessageText } from '../../../shared/export/markdownText';
import type { Message } from '../../../shared/model';
import { readMarkdownFile } from '../readers/markdown/readFile';
import {
  BUNDLED_SAMPLE,
  SAMPLE_ARCHIVE,
  sampleMissing,
  tempArchive,
  type TempArchive,
} from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';
import { testContext, toMessages, type MessageFields } from './messages';

/** Exports, writes as UTF-8 bytes and reads back, as a user opening the file would. */
function roundTrip(messages: readonly Message[], name = 'export.md') {
  const bytes = new TextEncoder().encode(formatMarkdown(messages, testContext()));
  const parsed = readMarkdownFile(name, new TextDecoder().decode(bytes));
  return {
    parsed,
    back: parsed.messages.map((message) => ({
      day: message.day ?? parsed.day,
      time: message.time,
      speaker: message.speaker,
      text: message.text,
    })),
  };
}

function expectSame(messages: readonly Message[]) {
  const { parsed, back } = roundTrip(messages);
  expect(parsed.kind).toBe('chat');
  expect(parsed.diagnostics).toEqual([]);
  expect(back).toEqual(
    messages.map((message) => ({
      day: message.day,
      time: message.time,
      speaker: message.speaker,
      text: message.text,
    })),
  );
}

const one = (text: string, speaker = '李雄峰'): MessageFields => ({
  conversation: 'source/proddev',
  day: '2018-05-15',
  time: '09:02:16',
  speaker,
  text,
});

describe('Markdown export', () => {
  it('writes the archive format: front matter, headers, three-space blank lines, two-space line ends', () => {
    const text = formatMarkdown(
      toMessages([
        one('近期分享安排：\n5.15 @卢克 [强]'),
        { ...one('![2018-05-15 09:02:54](http://static.example.invalid/a.png)'), time: '09:02:54' },
      ]),
      testContext(),
    );
    expect(text).toBe(
      [
        '---',
        'layout:     source ',
        'title:      "source/proddev 2018-05-15"',
        'date:       2018-05-15 12:00:00',
        'author:     Scrollback',
        'lines:      2 ',
        'tag:\t\t  [chat]',
        'conversations: ["source/proddev"]',
        'exported:   "2026-11-24 18:30:12 UTC+01:00"',
        '---',
        '<!-- day: 2018-05-15 in source/proddev -->',
        '   ',
        '> 09:02:16  李雄峰  ',
        '   ',
        '近期分享安排：  ',
        '5.15 @卢克 [强]  ',
        '   ',
        '> 09:02:54  李雄峰  ',
        '   ',
        '![2018-05-15 09:02:54](http://static.example.invalid/a.png) ',
        '   ',
        '',
      ].join('\n'),
    );
  });

  it('leaves ordinary text as it is and escapes only what the parser would misread', () => {
    expect(encodeMessageText('plain 文本 [强]')).toEqual(['plain 文本 [强]']);
    expect(encodeMessageText('')).toEqual([]);
    // A lone & is decoded twice by the parser, so it is escaped twice.
    expect(encodeMessageText('A&B')).toEqual(['A&amp;amp;B']);
    expect(encodeMessageText('> 09:00:00  x')).toEqual(['&gt; 09:00:00  x']);
    expect(encodeMessageText('<!-- day: 2018-05-16 -->')).toEqual(['&lt;!-- day: 2018-05-16 -->']);
    expect(encodeMessageText('ends in a blank ')).toEqual(['ends in a blank&#x20;']);
    // Markdown viewers render raw HTML: a tag from the archive is written so that it shows as text.
    expect(encodeMessageText('<b>x</b> <script>alert(1)</script> a < b')).toEqual([
      '&lt;b>x&lt;/b> &lt;script>alert(1)&lt;/script> a < b',
    ]);
    expect(encodeMessageText('a\n\nb')).toEqual(['a&#xA;', 'b']);
    expect(encodeMessageText('\n')).toEqual(['&#xA;']);
  });

  it.each([
    ['an ampersand', 'R&D'],
    ['an escaped entity', 'Spring&amp;#160;Boot and &amp;'],
    ['entity-like text', '&lt;div&gt; &#160; &nbsp &copy; &amp;amp;lt;'],
    ['a line that looks like a header', 'quote:\n> 09:00:00  someone\n> 23:59:59'],
    ['a line that looks like a day marker', '<!-- day: 2018-05-16 -->'],
    ['leading and trailing blanks', '  indented\ttab\t\nfull-width\u3000\n   '],
    ['blank lines inside', 'first\n\n\nlast\n'],
    ['only blanks', ' '],
    ['an empty message', ''],
    ['carriage returns', 'a\rb\r\nc'],
    ['script and HTML', '<b>bold?</b> <script>alert(1)</script>'],
  ])('round-trips a message with %s', (_name, text) => {
    expectSame(toMessages([one(text), { ...one('after'), time: '09:03:00' }]));
  });

  it('keeps the day whatever the file is called', () => {
    const messages = toMessages([one('x')]);
    const parsed = readMarkdownFile('2020-01-01-notes.md', formatMarkdown(messages, testContext()));
    expect(parsed.messages.map((message) => message.day)).toEqual(['2018-05-15']);
  });

  it('keeps the days of a multi-day, multi-conversation export with day markers', () => {
    const messages = toMessages([
      one('day one'),
      { ...one('day two'), day: '2018-05-16' },
      { ...one('other group'), conversation: 'source/prodarch', day: '2018-05-16' },
      { ...one('<!-- day: 2020-01-01 in x -->'), day: '2018-05-17' },
    ]);
    const text = formatMarkdown(messages, testContext());
    expect(text).toContain('<!-- day: 2018-05-16 in source/proddev -->\n');
    expectSame(messages);
  });

  it('round-trips random messages and selections (property)', () => {
    const awkward = fc.constantFrom(
      '&',
      '&amp;',
      '&amp;amp;',
      '&#160;',
      '&#x20;',
      '&lt;',
      '&nbsp',
      '&copy',
      '&;',
      '&#;',
      '&#xZZ;',
      '> 09:00:00  x',
      '> 12:34:56',
      '>',
      '<!-- day: 2018-05-16 -->',
      '<!-- day: ',
      '<script>',
      '</b>',
      '<',
      '<!',
      '\n',
      '\n\n',
      '\r',
      '\r\n',
      ' ',
      '  ',
      '\t',
      '\u3000',
      '\u00a0',
      '\u2005',
      '\u2028',
      '\ufeff',
      '李雄峰',
      '[强]',
      '@松子-鸿搜 ',
      '![a](b.png)',
      'http://x.example/?a=1&b=2',
      '---',
      '...',
      '#',
      '*',
      '-',
      'x',
    );
    const text = fc.oneof(
      fc.array(awkward, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc
        .array(fc.oneof(awkward, fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), {
          maxLength: 10,
        })
        .map((parts) => parts.join('')),
    );
    const speaker = fc
      .oneof(
        fc.constantFrom('李雄峰', '范双-奇付通-开发-北京', 'A&amp;B', '> x', ''),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      )
      .map((name) => name.replace(/[\r\n]/g, '').trim());
    const pad = (value: number) => String(value).padStart(2, '0');
    const message = fc.record({
      conversation: fc.constantFrom('source/proddev', 'source/prodarch', 'wechat'),
      day: fc.constantFrom('2018-05-15', '2018-05-16', '2017-12-31'),
      time: fc
        .tuple(fc.nat(23), fc.nat(59), fc.nat(59))
        .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
      speaker,
      text,
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 12 }), (fields) => {
        expectSame(toMessages(fields));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Markdown export opened as an archive', () => {
  const archives: TempArchive[] = [];
  afterEach(() => archives.splice(0).forEach((archive) => archive.remove()));

  /** Writes `files` into a new folder and reads it through the store, as a user opening it. */
  async function openFolder(files: Record<string, string>): Promise<Message[]> {
    const archive = tempArchive();
    archives.push(archive);
    for (const [path, content] of Object.entries(files)) archive.write(path, content);
    const store = await openSynced(archive.root);
    try {
      expect(store.diagnostics()).toEqual([]);
      return dayByDayMessages(store);
    } finally {
      store.close();
    }
  }

  const fields = (messages: readonly Message[]) =>
    messages.map(({ day, time, speaker, text }) => ({ day, time, speaker, text }));

  it.each(['thread.md', '2099-01-01-export.md'])(
    'puts every message of a three-day thread back on its own day (file %s)',
    async (name) => {
      const thread = toMessages([
        one('近期分享安排'),
        { ...one('R&D <b>late</b>', '范双'), time: '23:59:59' },
        { ...one('quote:\n> 09:00:00  someone', '范双'), day: '2018-05-16', time: '00:00:00' },
        { ...one('<!-- day: 2020-01-01 in x -->'), day: '2018-05-16', time: '10:00:00' },
        { ...one('[强] @范双 分账接口V1.3.pdf', '风者'), day: '2018-05-17', time: '08:00:00' },
      ]);
      const back = await openFolder({
        [name]: formatMarkdown(thread, testContext()),
      });
      expect(fields(back)).toEqual(fields(thread));
      expect([...new Set(back.map((message) => message.day))]).toEqual([
        '2018-05-15',
        '2018-05-16',
        '2018-05-17',
      ]);
    },
  );
});

describe('Markdown export of real archives', () => {
  for (const [name, root] of [
    ['the real archive slice', SAMPLE_ARCHIVE],
    ['the bundled sample', BUNDLED_SAMPLE],
  ] as const) {
    describe.skipIf(root === SAMPLE_ARCHIVE && sampleMissing())(name, () => {
      /** Every message line of every day (echoes too), conversation by conversation. */
      let messages: Message[];
      beforeAll(async () => {
        const store = await openSynced(root);
        try {
          messages = dayByDayMessages(store);
        } finally {
          store.close();
        }
      });

      it(`round-trips every whole day of ${name}`, () => {
        const groups = new Map<string, Message[]>();
        for (const message of messages) {
          const key = `${message.conversation}\u0000${message.day}`;
          const group = groups.get(key);
          if (group) group.push(message);
          else groups.set(key, [message]);
        }
        expect(groups.size).toBeGreaterThan(5);
        for (const group of groups.values()) expectSame(group);
      });

      it(`round-trips the whole of ${name} as one multi-day file`, () => {
        expect(messages.length).toBeGreaterThan(100);
        expectSame(messages);
      });
    });
  }
});
