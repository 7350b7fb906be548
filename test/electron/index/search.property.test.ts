/**
 * Search is exact: on random archives (written as real files and read through the store) and
 * random queries (one- to four-character Chinese substrings, mixed and full-width case, phrases,
 * exclusions, operators, emoji), the store gives exactly what a naive scan of the messages it
 * shows gives: the same total, the same page in the same order, the same facets. Half the runs
 * read the archive in two syncs, so that matches come from two segments and are merged.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../shared/api';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { openSynced, searchableMessages } from '../../fixtures/store';
import { searchMessages } from '../../reference/naiveSearch';
import { compareStrings } from '../../../shared/archive/compare';

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
  '👍',
  '😀',
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

interface Generated {
  file: number;
  time: string;
  speaker: string;
  text: string;
  echo: boolean;
}

function messagesOf(units: readonly string[]) {
  return fc.array(
    fc.record({
      file: fc.integer({ min: 0, max: FILES.length - 1 }),
      time: fc.constantFrom('09:00:00', '09:00:01', '12:30:00', '23:59:59'),
      speaker: fc.constantFrom(...SPEAKERS),
      text: fc
        .array(fc.constantFrom(...units), { minLength: 1, maxLength: 12, size: 'medium' })
        .map((parts) => parts.join('').trim() || '支'),
      echo: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 },
  );
}

const messagesArbitrary = fc.oneof(messagesOf(UNITS), messagesOf(FEW_UNITS));

/** The files of an archive holding `messages` (with the exporter's echoes), by path. */
function filesOf(messages: readonly Generated[]): Map<string, string> {
  const byFile = FILES.map(() => [] as { time: string; speaker: string; text: string }[]);
  for (const message of messages) {
    const list = byFile[message.file]!;
    list.push(message);
    const alias = ALIAS[message.speaker];
    // The exporter's echo: the same text in the same second under the person's other name.
    if (message.echo && alias) list.push({ ...message, speaker: alias });
  }
  const files = new Map<string, string>();
  byFile.forEach((list, index) => {
    if (list.length === 0) return;
    list.sort((a, b) => compareStrings(a.time, b.time));
    const path = FILES[index]!;
    files.set(path, chatLog(/(\d{4}-\d{2}-\d{2})/.exec(path)![1]!, list));
  });
  return files;
}

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

function comparable(result: SearchResult) {
  return {
    total: result.total,
    hits: result.hits,
    nextCursor: result.nextCursor,
    facets: result.facets,
    problems: result.problems,
  };
}

const archives: TempArchive[] = [];
afterAll(() => archives.forEach((archive) => archive.remove()));

describe('search on random archives', () => {
  it('gives exactly what a naive scan of the shown messages gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        messagesArbitrary,
        fc.array(
          fc.record({
            source: fc.nat(),
            start: fc.nat(),
            length: fc.integer({ min: 1, max: 5 }),
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
        fc.boolean(),
        async (messages, pieces, operator, order, limit, cursor, twoSyncs) => {
          const archive = tempArchive();
          archives.push(archive);
          const files = [...filesOf(messages)];
          const half = twoSyncs ? Math.ceil(files.length / 2) : files.length;
          for (const [path, content] of files.slice(0, half)) archive.write(path, content);
          const store = await openSynced(archive.root);
          try {
            if (half < files.length) {
              for (const [path, content] of files.slice(half)) archive.write(path, content);
              await store.sync();
            }
            const parts = pieces.map((piece) => {
              const chars = [
                ...messages[piece.source % messages.length]!.text.replace(/["\n]/g, ''),
              ];
              const start = chars.length === 0 ? 0 : piece.start % chars.length;
              const term = recase(
                chars
                  .slice(start, start + piece.length)
                  .join('')
                  .trim() || '支',
                piece.cases,
              );
              if (piece.form === 'phrase') return `"${term}"`;
              if (piece.form === 'exclude') return `-${term}`;
              if (piece.form === 'exclude-phrase') return `-"${term}"`;
              return term;
            });
            const query = [...parts, operator].join(' ');
            const options = { limit, order, ...(cursor > 0 ? { cursor: String(cursor) } : {}) };
            const persons = new Map(
              store.conversations().map((c) => [c.id, store.speakers(c.id).persons] as const),
            );
            const expected = searchMessages(
              {
                messages: searchableMessages(store),
                persons,
                titles: new Map(store.conversations().map((c) => [c.id, c.title])),
              },
              query,
              options,
            );
            expect(comparable(store.search(query, options)), query).toEqual(comparable(expected));
          } finally {
            store.close();
            archive.remove();
          }
        },
      ),
      { numRuns: process.env.CI ? 150 : 60 },
    );
  });
});

describe('search for longer terms', () => {
  it('finds a term of four or more characters only where it occurs, never where only its parts do', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[支付宝a]{1,24}$/), { minLength: 1, maxLength: 30 }),
        fc.stringMatching(/^[支付宝a]{4,7}$/),
        fc.boolean(),
        async (texts, term, exclude) => {
          const archive = tempArchive();
          archives.push(archive);
          archive.write(
            'group/_posts/2020-01-01-chat.markdown',
            chatLog(
              '2020-01-01',
              texts.map((text, index) => ({
                time: `09:${String(index).padStart(2, '0')}:00`,
                speaker: 'a',
                text,
              })),
            ),
          );
          const store = await openSynced(archive.root);
          try {
            const query = exclude ? `a -${term}` : term;
            const expected = texts.filter((text) =>
              exclude ? text.includes('a') && !text.includes(term) : text.includes(term),
            ).length;
            expect(store.search(query, { limit: 1, order: 'newest' }).total, query).toBe(expected);
          } finally {
            store.close();
            archive.remove();
          }
        },
      ),
      { numRuns: process.env.CI ? 150 : 60 },
    );
  });
});
