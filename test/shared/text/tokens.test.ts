import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageFeatures, tokenize } from '../../../shared/text/tokens';

describe('tokenize', () => {
  it('finds emoji shortcodes it knows and leaves unknown brackets as text', () => {
    expect(tokenize('好[强][捂脸] [chat]')).toEqual([
      { kind: 'text', text: '好' },
      { kind: 'emoji', text: '[强]', name: '强' },
      { kind: 'emoji', text: '[捂脸]', name: '捂脸' },
      { kind: 'text', text: ' [chat]' },
    ]);
  });

  it('ends mentions at a blank, a lost U+2005 shown as ?, or punctuation', () => {
    expect(tokenize('@松子-鸿搜-产品-石家庄 你好').slice(0, 1)).toEqual([
      { kind: 'mention', text: '@松子-鸿搜-产品-石家庄', name: '松子-鸿搜-产品-石家庄' },
    ]);
    expect(tokenize('@李玉福@农信互联?要看')[0]).toEqual({
      kind: 'mention',
      text: '@李玉福@农信互联',
      name: '李玉福@农信互联',
    });
    expect(tokenize('@卢克_零壹互联_产品\u2005在吗')[0]).toMatchObject({
      kind: 'mention',
      name: '卢克_零壹互联_产品',
    });
  });

  it('does not take an e-mail address for a mention', () => {
    expect(tokenize('mail me at a@b.com').every((t) => t.kind !== 'mention')).toBe(true);
  });

  it('finds bare URLs without the sentence punctuation after them', () => {
    const tokens = tokenize('看 https://example.org/a?b=1&c=2。然后 (http://x.cn/y).');
    expect(tokens.filter((t) => t.kind === 'url').map((t) => t.text)).toEqual([
      'https://example.org/a?b=1&c=2',
      'http://x.cn/y',
    ]);
  });

  it('finds Markdown images with their alt text and target', () => {
    expect(tokenize('![2018-05-15 09:02:54](http://static.example/img/1.png) ')[0]).toEqual({
      kind: 'image',
      text: '![2018-05-15 09:02:54](http://static.example/img/1.png)',
      alt: '2018-05-15 09:02:54',
      src: 'http://static.example/img/1.png',
    });
  });

  it('finds shared file names', () => {
    expect(
      tokenize('请看分账接口V1.3.pdf，还有 装备清单.xlsx')
        .filter((t) => t.kind === 'file')
        .map((t) => t.text),
    ).toEqual(['请看分账接口V1.3.pdf', '装备清单.xlsx']);
  });

  it('always gives back the exact text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '@',
            '[',
            ']',
            '强',
            '(',
            ')',
            '!',
            'h',
            't',
            'p',
            ':',
            '/',
            '.',
            'pdf',
            '?',
            '\u2005',
            '李',
            '\n',
          ),
        }),
        (text) => {
          expect(
            tokenize(text)
              .map((t) => t.text)
              .join(''),
          ).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (text) =>
          tokenize(text)
            .map((t) => t.text)
            .join('') === text,
      ),
      { numRuns: 1000 },
    );
  });

  // A pattern that backtracks takes minutes on these and the test times out; how long they take
  // is printed, not asserted (the machine is shared).
  it('reads text built to make patterns backtrack, losing nothing', () => {
    const started = performance.now();
    for (const hostile of [
      '!['.repeat(200_000),
      '@'.repeat(400_000),
      '['.repeat(400_000),
      'http://'.repeat(60_000),
      `${'a'.repeat(400_000)}.pdf`,
      '.pdf'.repeat(100_000),
    ]) {
      expect(
        tokenize(hostile)
          .map((t) => t.text)
          .join(''),
      ).toBe(hostile);
    }
    console.log(`tokenize: six hostile texts in ${(performance.now() - started).toFixed(0)} ms`);
  });
});

describe('messageFeatures', () => {
  it('tells which kinds of content a message holds', () => {
    expect(messageFeatures('![a](b.png) @张三 http://x.org 方案.docx')).toEqual({
      image: true,
      link: true,
      mention: true,
      file: true,
    });
    expect(messageFeatures('plain')).toEqual({
      image: false,
      link: false,
      mention: false,
      file: false,
    });
  });
});
