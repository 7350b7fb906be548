/**
 * Property tests of the WhatsApp reader: it never throws, whatever the bytes; it reads back
 * every message written in any locale's style, word for word; and how the bytes arrive changes
 * nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates';
import { whatsappReader } from '../../../../shared/readers/whatsapp/reader';
import { readBytes, readText } from './read';
import { STYLES, render, type Written } from './render';

const encode = (text: string) => new TextEncoder().encode(text);

/** Pieces of lines that come close to WhatsApp's grammar, to reach its corners. */
const piece = fc.constantFrom(
  '12/24/19, 11:23 PM - ',
  '[24.12.19, 23:23:45] ',
  '2024/03/05 午後9:00 - ',
  '5/3/24, 10:15\u202fa.\u00a0m. - ',
  '31/02/24, 10:00 - ',
  '99/99/99, 99:99 - ',
  'Ana Lima: ',
  'Trail Club: \u200e',
  '\u200e<attached: 00000001-PHOTO.jpg>',
  'IMG-1.jpg (file attached)',
  '<Media omitted>',
  ' <This message was edited>',
  'added ',
  'created group "x: y"',
  ' • 3 pages ',
  '\ufeff',
  '\u202a',
  '\r\n',
  '\n',
  '\r',
  ':',
  '[',
  ']',
  ' ',
  '\u00a0',
);
const nearWhatsApp = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('the WhatsApp reader on arbitrary input', () => {
  it('never throws, on text close to WhatsApp lines or on any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(nearWhatsApp, fc.string({ unit: 'binary' })),
        fc.string(),
        (text, name) => {
          const result = readText(text, `${name}/_chat.txt`);
          expect(['chat', 'document', 'skipped']).toContain(result.kind);
          whatsappReader.sniff(`${name}.txt`, encode(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        readBytes(bytes, 'WhatsApp Chat with X.txt');
        whatsappReader.sniff('WhatsApp Chat with X.txt', bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a long hostile line in linear time (no backtracking)', () => {
    const line = `12/24/19, 11:23 PM - ${'a'.repeat(200_000)}${' added '.repeat(20_000)}`;
    const result = readText(`${line}\n${'[1/1/24, '.repeat(50_000)}\n${':'.repeat(100_000)}\n`);
    expect(result.conversations[0]!.messages[0]!.kind).toBe('event');
  });
});

/** Text a person may type: any characters, lines without trailing blanks, not a message line. */
const textLine = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'Z',
      'é',
      '山',
      '😀',
      ' ',
      ':',
      '-',
      '/',
      '.',
      ',',
      '<',
      '>',
      '(',
      ')',
      '[',
      ']',
      '"',
      '1',
      '9',
      '\u200e',
      '\u202f',
    ),
    maxLength: 30,
  })
  .map((line) => line.replace(/\s+$/u, ''))
  // A typed line that starts like a date, or a marker, would be read as WhatsApp's own.
  .filter((line) => !/^[\u200e\s]*[[\d]/.test(line));
const message = fc.record({
  speaker: fc
    .string({
      unit: fc.constantFrom('A', 'n', 'a', ' ', 'é', '李', '~', '+', '1', '.'),
      minLength: 1,
      maxLength: 12,
    })
    .map((name) => name.trim())
    .filter((name) => name !== '' && !/^[\d[]/.test(name)),
  lines: fc.array(textLine, { minLength: 1, maxLength: 4 }),
  gap: fc.integer({ min: 0, max: 3 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
});

describe('the WhatsApp reader on exports written for the test', () => {
  it('reads back who said what when, word for word, in every style', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STYLES),
        fc.array(message, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (style, generated, lineEnd) => {
          // The first day is after the 12th, so the file's date order is settled.
          let day = '2024-03-13';
          const written: Written[] = generated.map((m) => {
            day = addDays(day, m.gap);
            const pad = (n: number) => String(n).padStart(2, '0');
            const second = style.seconds ? m.second : 0;
            // The last line of a message ends with text: trailing blank lines are not kept.
            const lines = [...m.lines];
            while (lines.length > 1 && lines.at(-1) === '') lines.pop();
            return {
              day,
              time: `${pad(m.hour)}:${pad(m.minute)}:${pad(second)}`,
              speaker: m.speaker,
              text: lines.join('\n').replace(/^\u200e+/, ''),
            };
          });
          const result = readText(
            render(style, written, lineEnd),
            'chats/WhatsApp Chat with X.txt',
          );
          const read = result.conversations[0]!.messages;
          expect(
            read.map(({ day, time, speaker, text }) => ({ day, time, speaker, text })),
          ).toEqual(written);
          expect(read.every((m) => m.kind === undefined && m.attachments === undefined)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same result whatever the sizes of the chunks the bytes arrive in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STYLES),
        fc.array(message, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        (style, generated, chunk) => {
          const written = generated.map((m) => ({
            day: '2024-03-14',
            time: '10:00:00',
            speaker: m.speaker,
            text: m.lines.join('\n'),
          }));
          const bytes = encode(render(style, written));
          expect(readBytes(bytes, 'x/_chat.txt', chunk)).toEqual(readBytes(bytes, 'x/_chat.txt'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
