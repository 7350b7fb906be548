/** Property tests: the parser never throws and never loses a header, whatever the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdownFile } from './readFile';

const time = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map((parts) => parts.map((n) => String(n).padStart(2, '0')).join(':'));
const speaker = fc
  .stringMatching(/^[^\s]{1,4}( [^\s]{1,3})?$/)
  .filter((s) => s.trim() === s && s.length > 0);
/** Body lines: headers mixed with arbitrary text, blanks and near-headers. */
const line = fc.oneof(
  fc.tuple(time, speaker).map(([t, s]) => ({ header: true, text: `> ${t}  ${s}  ` })),
  fc
    .string({
      unit: fc.constantFrom(
        '>',
        ' ',
        '\t',
        '0',
        '9',
        ':',
        '-',
        '李',
        'a',
        '&',
        ';',
        '#',
        '[',
        ']',
        '@',
        '\u3000',
      ),
    })
    .map((text) => ({ header: false, text })),
  fc
    .constantFrom('   ', '', '---', '> ', '> 09:00:00 x', '09:00:00  timeline')
    .map((text) => ({ header: false, text })),
);

describe('the Markdown reader on arbitrary text', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (body, name) => {
        readMarkdownFile(`${name}.md`, body);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every header line, in order, with its time and speaker', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, frontMatter) => {
        const prefix = frontMatter ? ['---', 'date: 2018-05-15', '---'] : [];
        const text = [...prefix, ...lines.map((l) => l.text)].join('\n');
        const file = readMarkdownFile('g/2018-05-15-chat.md', text);
        const expected = lines.filter((l) => l.header).map((l) => l.text.trimEnd());
        // Without a header the file is a speakerless log or a document: other tests cover those.
        fc.pre(expected.length > 0);
        expect(file.kind).toBe('chat');
        expect(file.messages.map((m) => `> ${m.time}  ${m.speaker}`)).toEqual(expected);
        expect(file.messages.map((m) => m.line)).toEqual(
          lines.flatMap((l, i) => (l.header ? [i + 1 + prefix.length] : [])),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every word of message text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            time,
            speaker,
            fc.array(fc.stringMatching(/^[^\r\n&]*[^\s&]$/), { maxLength: 4 }),
          ),
          { maxLength: 10 },
        ),
        (messages) => {
          const text = messages
            .map(([t, s, body]) =>
              [`> ${t}  ${s}  `, '   ', ...body.map((b) => `${b}  `), '   '].join('\n'),
            )
            .join('\n');
          const file = readMarkdownFile('g/2018-05-15-chat.md', text);
          const bodies = messages.map(([, , body]) =>
            body.filter((b) => b.trim() !== '' && !/^> \d\d:\d\d:\d\d/.test(b)).join('\n'),
          );
          // A body line that itself looks like a header starts a new message; skip those cases.
          fc.pre(
            messages.every(([, , body]) =>
              body.every((b) => !/^> \d\d:\d\d:\d\d(\s{2,}|\s*$)/.test(b)),
            ),
          );
          expect(file.messages.map((m) => m.text)).toEqual(bodies);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
