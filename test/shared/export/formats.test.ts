/** HTML, JSON, CSV and text exports, as pure functions of messages and context. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageKey } from '../../../shared/export/context';
import { formatCsv } from '../../../shared/export/csv';
import { EXPORT_CSP, formatHtml } from '../../../shared/export/html';
import { formatJson, type JsonExport } from '../../../shared/export/json';
import { formatText } from '../../../shared/export/text';
import { parseCsv, undoFormulaGuard } from './csvReader';
import { expectOnlyExportMarkup } from './htmlReader';
import { EXPORTED_AT, testContext, toMessages, type MessageFields } from './messages';

const base: MessageFields = {
  conversation: 'source/proddev',
  day: '2018-05-15',
  time: '09:02:16',
  speaker: '李雄峰',
  text: '',
};

const hostile = toMessages([
  { ...base, text: '<b>bold?</b> <script>alert(1)</script>' },
  {
    ...base,
    time: '09:03:00',
    speaker: '<img src=x onerror=alert(1)>',
    text: '"quoted" & \'single\' </style><style>',
  },
  {
    ...base,
    time: '09:04:00',
    text: '![remote](http://static.example.invalid/a.png) and ![local](images/a.png)',
  },
  {
    ...base,
    time: '09:05:00',
    text: 'see https://example.org/?a=1&b="2" [强] @松子 分账接口V1.3.pdf',
  },
  { ...base, time: '09:06:00', text: '' },
]);

describe('HTML export', () => {
  const html = formatHtml(hostile, testContext());

  it('has no script at all and a strict Content-Security-Policy', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(EXPORT_CSP).toContain("default-src 'none'");
    expect(EXPORT_CSP).toContain('img-src data:');
  });

  it('escapes every piece of archive text', () => {
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39; &lt;/style&gt;&lt;style&gt;');
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=" rel="noreferrer noopener">');
  });

  it('fetches nothing: remote and unknown images become placeholders with their alt text', () => {
    expect(html).not.toMatch(/<img[^>]+src="(?!data:)/);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('Image not included: remote');
    expect(html).toContain('Image not included: local');
  });

  it('embeds archive images the context supplies, and links those too large', () => {
    const [message] = toMessages([{ ...base, text: '![pic](images/a.png)\n![big](images/b.png)' }]);
    const images = new Map([
      [
        imageKey(message!.path, 'images/a.png'),
        { kind: 'embedded' as const, dataUri: 'data:image/png;base64,AAAA' },
      ],
      [
        imageKey(message!.path, 'images/b.png'),
        { kind: 'linked' as const, href: '../archive/images/b.png' },
      ],
    ]);
    const page = formatHtml([message!], { ...testContext(), images });
    expect(page).toContain('<img class="picture" src="data:image/png;base64,AAAA" alt="pic">');
    expect(page).toContain('href="../archive/images/b.png"');
  });

  it('has a header with conversation, date range, people, message count and export time', () => {
    const messages = toMessages([
      { ...base, text: 'a' },
      { ...base, day: '2018-05-16', speaker: '范双', text: 'b' },
      { ...base, day: '2018-05-16', time: '09:02:17', speaker: '范双-奇付通-开发-北京', text: 'b' },
    ]);
    const personOf = (_conversation: string, speaker: string) =>
      speaker.startsWith('范双') ? '范双' : speaker;
    const page = formatHtml(messages, {
      ...testContext(),
      personOf,
      conversationTitles: new Map([['source/proddev', 'proddev']]),
    });
    expect(page).toContain('<h1 lang="zh-CN">proddev</h1>');
    expect(page).toContain('<dd>2018-05-15 – 2018-05-16</dd>');
    expect(page).toContain('<dt>Messages</dt><dd>3</dd>');
    expect(page).toContain('<dt>People</dt><dd>2</dd>');
    expect(page).toContain(`<dd>${EXPORTED_AT}</dd>`);
    expect(page).toContain(
      '<span class="person-name">范双</span> <span class="aliases">范双-奇付通-开发-北京</span>',
    );
    expect(page).toContain('2018-05-16 Wednesday');
  });

  it('never lets random archive text open a tag or an attribute (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        (text, speaker) => {
          const page = formatHtml(toMessages([{ ...base, text, speaker }]), testContext());
          expectOnlyExportMarkup(page);
          expect(page).not.toMatch(/<script/i);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('JSON export', () => {
  it('follows the documented schema', () => {
    const document = JSON.parse(formatJson(hostile, testContext())) as JsonExport;
    expect(document).toMatchObject({
      format: 'scrollback-export',
      version: 2,
      exported: EXPORTED_AT,
      first: '2018-05-15',
      last: '2018-05-15',
      count: 5,
    });
    expect(document.conversations).toEqual([{ id: 'source/proddev', title: 'source/proddev' }]);
    const message = document.messages[3]!;
    expect(Object.keys(message)).toEqual([
      'id',
      'conversation',
      'day',
      'time',
      'speaker',
      'person',
      'text',
      'tokens',
      'source',
    ]);
    expect(message.tokens.map((token) => token.text).join('')).toBe(message.text);
    expect(message.tokens.map((token) => token.kind)).toEqual([
      'text',
      'url',
      'text',
      'emoji',
      'text',
      'mention',
      'text',
      'file',
    ]);
  });
});

describe('CSV export', () => {
  it('is RFC 4180 with a BOM and CRLF, and parses back to the same fields', () => {
    const messages = toMessages([
      ...hostile.map(({ conversation, day, time, speaker, text }) => ({
        conversation,
        day,
        time,
        speaker,
        text,
      })),
      { ...base, time: '10:00:00', text: 'line one\nline "two", with comma\r\n' },
      { ...base, time: '10:00:01', text: '=HYPERLINK("http://evil.example","click")' },
      { ...base, time: '10:00:02', text: "'=already quoted" },
      { ...base, time: '10:00:03', text: '@松子 +1 -1' },
    ]);
    const csv = formatCsv(messages, testContext());
    expect(csv).toMatch(/^\uFEFF"conversation","title","day","time","speaker","person","text",/);
    const rows = parseCsv(csv).slice(1);
    expect(rows.map((row) => [row[2], row[3], row[4], undoFormulaGuard(row[6]!)])).toEqual(
      messages.map((m) => [m.day, m.time, m.speaker, m.text]),
    );
    // A formula from the archive never reaches a spreadsheet as a formula.
    expect(rows.every((row) => row.every((field) => !/^[=+\-@\t\r]/.test(field)))).toBe(true);
  });

  it('parses back for random text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 5 }),
        (texts) => {
          const messages = toMessages(texts.map((text) => ({ ...base, text })));
          const rows = parseCsv(formatCsv(messages, testContext())).slice(1);
          expect(rows.map((row) => undoFormulaGuard(row[6]!))).toEqual(messages.map((m) => m.text));
        },
      ),
    );
  });
});

describe('Text export', () => {
  it('writes one line per message, continuation lines indented, a heading per conversation', () => {
    const messages = toMessages([
      { ...base, text: '近期分享安排：\n5.15 @卢克' },
      { ...base, time: '09:03:00', speaker: '', text: 'speakerless' },
      { ...base, conversation: 'source/prodarch', time: '09:04:00', text: 'other' },
    ]);
    expect(formatText(messages, testContext())).toBe(
      [
        '== source/proddev ==',
        '2018-05-15 09:02:16 李雄峰: 近期分享安排：',
        '    5.15 @卢克',
        '2018-05-15 09:03:00 speakerless',
        '',
        '== source/prodarch ==',
        '2018-05-15 09:04:00 李雄峰: other',
        '',
      ].join('\n'),
    );
    expect(formatText(toMessages([{ ...base, text: 'x' }]), testContext())).toBe(
      '2018-05-15 09:02:16 李雄峰: x\n',
    );
  });
});
