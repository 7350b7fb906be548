/**
 * The index against the naive scan on random small archives and random queries: one- and
 * two-character Chinese substrings, mixed and full-width case, phrases, exclusions, operators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexArchive } from '../../../electron/service/search/archiveIndex';
import { searchMessages } from '../../../electron/service/search/naive';
import type { SearchResult } from '../../../shared/api';
import { buildArchive } from '../../../shared/archive/build';
import type { ParsedFile } from '../../../shared/model';

const UNITS = [
  '支',
  '付',
  '宝',
  '的',
  '银',
  '联',
  'a',
  'A',
  'Ａ',
  'b',
  'B',
  'ｂ',
  'Σ',
  'σ',
  'ς',
  ' ',
  '　',
  '@',
  '.',
  'pdf',
  'http://x.cn',
  '![d](u)',
  '[强]',
  '😀',
  '\n',
];
const SPEAKERS = ['李雄峰', 'Lee-银联商务-厦门', 'Bison', '野牛-支付-北京', '风者'];
const ALIAS: Record<string, string> = { 李雄峰: 'Lee-银联商务-厦门', Bison: '野牛-支付-北京' };
const FILES = [
  'proddev/_posts/2018-05-01-chat.markdown',
  'proddev/_posts/2018-05-01-more.markdown',
  'proddev/_posts/2018-06-02-chat.markdown',
  'devarch/_posts/2018-05-01-chat.markdown',
  'devarch/_posts/2017-12-31-chat.markdown',
];

/** A few characters only: near misses (支付 without 宝, 付宝 without 支) are then common. */
const FEW_UNITS = ['支', '付', '宝', 'a', 'A', ' '];

function messagesOf(units: readonly string[]) {
  return fc.array(
    fc.record({
      file: fc.integer({ min: 0, max: FILES.length - 1 }),
      time: fc.constantFrom('09:00:00', '09:00:01', '12:30:00', '23:59:59'),
      speaker: fc.constantFrom(...SPEAKERS),
      text: fc
        .array(fc.constantFrom(...units), { maxLength: 12, size: 'medium' })
        .map((parts) => parts.join('')),
      echo: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 },
  );
}

const messagesArbitrary = fc.oneof(messagesOf(UNITS), messagesOf(FEW_UNITS));

function archiveOf(
  messages: { file: number; time: string; speaker: string; text: string; echo: boolean }[],
) {
  const files: ParsedFile[] = FILES.map((path) => ({
    path,
    kind: 'chat',
    day: /(\d{4}-\d{2}-\d{2})/.exec(path)![1]!,
    title: null,
    messages: [],
    diagnostics: [],
  }));
  messages.forEach((message, index) => {
    const file = files[message.file]!;
    file.messages.push({
      time: message.time,
      speaker: message.speaker,
      text: message.text,
      line: index * 2 + 1,
    });
    // The exporter's echo: the same text in the same second under the person's other name.
    const alias = ALIAS[message.speaker];
    if (message.echo && alias)
      file.messages.push({
        time: message.time,
        speaker: alias,
        text: message.text,
        line: index * 2 + 2,
      });
  });
  return buildArchive(files);
}

/** Changes the case of ASCII letters at random: lower, upper or full-width. */
function recase(text: string, choices: number[]): string {
  return [...text]
    .map((char, index) => {
      const choice = choices[index % choices.length] ?? 0;
      if (!/[a-z]/i.test(char)) return char;
      if (choice === 1) return char.toUpperCase();
      if (choice === 2) return String.fromCharCode(char.toUpperCase().charCodeAt(0) + 0xfee0);
      return char.toLowerCase();
    })
    .join('');
}

function visible(result: SearchResult) {
  return {
    total: result.total,
    hits: result.hits.map(({ id: _id, ...hit }) => hit),
    nextCursor: result.nextCursor,
    facets: result.facets,
    problems: result.problems,
  };
}

describe('the search index on random archives', () => {
  it('gives exactly what a naive scan gives', () => {
    fc.assert(
      fc.property(
        messagesArbitrary,
        fc.array(
          fc.record({
            source: fc.nat(),
            start: fc.nat(),
            length: fc.integer({ min: 1, max: 4 }),
            cases: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
            form: fc.constantFrom('word', 'phrase', 'exclude', 'exclude-phrase'),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.constantFrom(
          '',
          'from:李雄峰',
          'from:BISON',
          'in:dev',
          'has:link',
          'has:image',
          'has:mention has:file',
          'during:2018-05',
          'after:2018-05-01',
          'before:2018-06',
          'on:2018-05-01',
        ),
        fc.constantFrom('newest' as const, 'oldest' as const),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        (messages, pieces, operator, order, limit, cursor) => {
          const archive = archiveOf(messages);
          const parts = pieces.map((piece) => {
            const chars = [...messages[piece.source % messages.length]!.text.replace(/["\n]/g, '')];
            const start = chars.length === 0 ? 0 : piece.start % chars.length;
            const term = recase(
              chars.slice(start, start + piece.length).join('') || '支',
              piece.cases,
            );
            if (piece.form === 'phrase') return `"${term}"`;
            if (piece.form === 'exclude') return `-${term.trim() || '付'}`;
            if (piece.form === 'exclude-phrase') return `-"${term}"`;
            return term;
          });
          const query = [...parts, operator].join(' ');
          const options = { limit, order, ...(cursor > 0 ? { cursor: String(cursor) } : {}) };
          expect(visible(indexArchive(archive).search(query, options)), query).toEqual(
            visible(searchMessages(archive, query, options)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds short Chinese queries in exactly the messages that hold them', () => {
    fc.assert(
      fc.property(
        messagesArbitrary,
        fc.constantFrom(
          '支',
          '付',
          '支付',
          '付宝',
          '的银',
          '支付宝',
          '宝支付',
          '付付付',
          'ς',
          'Σ',
          '😀',
        ),
        (messages, query) => {
          const archive = archiveOf(messages);
          const expected = archive.messages.filter((message) =>
            message.text
              .toLowerCase()
              .replaceAll('ς', 'σ')
              .includes(query.toLowerCase().replaceAll('ς', 'σ')),
          ).length;
          expect(indexArchive(archive).search(query, { limit: 5, order: 'newest' }).total).toBe(
            expected,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
