import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeQueryProblem, isEmptyQuery, parseQuery } from '../../../shared/query/parse';

describe('parseQuery', () => {
  it('reads words, phrases and exclusions, folded', () => {
    const query = parseQuery('支付 "Apple  Pay" -红包 -"Hello World" ＡＰＩ');
    expect(query.terms).toEqual(['支付', 'apple  pay', 'api']);
    expect(query.exclude).toEqual(['红包', 'hello world']);
    expect(query.problems).toEqual([]);
  });

  it('reads from:, in: and has:, with quoted values', () => {
    const query = parseQuery('from:李雄峰 FROM:"Bison Lee" in:ProdDev has:image has:LINK');
    expect(query.from).toEqual(['李雄峰', 'bison lee']);
    expect(query.in).toEqual(['proddev']);
    expect(query.has).toEqual(['image', 'link']);
    expect(query.terms).toEqual([]);
  });

  it('turns on:, during:, after: and before: into one range of days', () => {
    expect(parseQuery('on:2018-05-15')).toMatchObject({ since: '2018-05-15', until: '2018-05-15' });
    expect(parseQuery('during:2018-02')).toMatchObject({
      since: '2018-02-01',
      until: '2018-02-28',
    });
    expect(parseQuery('during:2016')).toMatchObject({ since: '2016-01-01', until: '2016-12-31' });
    expect(parseQuery('after:2018-05-15')).toMatchObject({ since: '2018-05-16', until: null });
    expect(parseQuery('after:2018-05')).toMatchObject({ since: '2018-06-01' });
    expect(parseQuery('before:2018')).toMatchObject({ since: null, until: '2017-12-31' });
    expect(parseQuery('during:2018 after:2018-03-31 before:2018-05-01')).toMatchObject({
      since: '2018-04-01',
      until: '2018-04-30',
    });
  });

  it('says what it did not understand and ignores it', () => {
    const query = parseQuery('支付 on:2018-13-01 has:video from: -in:x "open');
    expect(query.terms).toEqual(['支付', 'open']);
    expect(query.since).toBeNull();
    expect(query.has).toEqual([]);
    expect(query.problems).toEqual([
      { code: 'invalid-date', text: 'on:2018-13-01', operator: 'on' },
      {
        code: 'unknown-feature',
        text: 'has:video',
        features: ['image', 'link', 'mention', 'file', 'reply', 'reaction'],
      },
      { code: 'missing-value', text: 'from:', operator: 'from' },
      { code: 'negated-operator', text: '-in:x' },
      { code: 'unclosed-quote', text: '"open' },
    ]);
    // The CLI's English sentences name what was ignored and what was expected.
    expect(query.problems.map(describeQueryProblem)).toEqual([
      '“on:2018-13-01” was ignored: on: takes a day such as 2018-05-15.',
      '“has:video” was ignored: has: takes image, link, mention, file, reply, reaction.',
      '“from:” was ignored: it needs a value after the colon.',
      '“-in:x” was ignored: only words and phrases can be excluded with "-".',
      'The quote opened in “"open” is never closed; it was read to the end.',
    ]);
  });

  it('treats words with an unknown key, URLs and a lone dash as text', () => {
    expect(parseQuery('http://example.com foo:bar -').terms).toEqual([
      'http://example.com',
      'foo:bar',
      '-',
    ]);
  });

  it('finds nothing to do in an empty or blank query', () => {
    expect(isEmptyQuery(parseQuery(''))).toBe(true);
    expect(isEmptyQuery(parseQuery('  \u3000 ""'))).toBe(true);
    expect(isEmptyQuery(parseQuery('x'))).toBe(false);
  });

  it('never throws, every term is a non-empty folded piece of the input, every problem names a part of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
        const query = parseQuery(input);
        for (const term of [...query.terms, ...query.exclude])
          expect(term.length).toBeGreaterThan(0);
        for (const problem of query.problems) expect(input).toContain(problem.text);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'from:',
            'in:',
            'on:',
            'during:',
            'after:',
            'before:',
            'has:',
            '"',
            '-',
            ' ',
            'a',
            '支',
            '2018-05',
            '2018-05-15',
            'image',
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          expect(() => parseQuery(parts.join(''))).not.toThrow();
        },
      ),
      { numRuns: 5000 },
    );
  });
});
