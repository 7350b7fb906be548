/**
 * Highlights of a search hit: the same ranges whether the text is a line or hundreds of
 * megabytes, found without folding a huge text in one piece.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/query/fold';
import { highlightRanges, mergeRanges } from '../../../electron/service/index/results';

/** The plain definition: fold the whole text in one piece, find each term's occurrences. */
function reference(text: string, terms: readonly string[]): [number, number][] {
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (
      let at = folded.indexOf(term);
      at !== -1 && ranges.length < 200;
      at = folded.indexOf(term, at + term.length)
    )
      ranges.push([at, at + term.length]);
  }
  return mergeRanges(ranges);
}

describe('highlightRanges', () => {
  it('marks each term where it occurs, ignoring case', () => {
    expect(highlightRanges('Apple PAY and apple pay', ['pay'])).toEqual([
      [6, 9],
      [20, 23],
    ]);
    // Touching and overlapping ranges merge into one.
    expect(highlightRanges('支付宝支付', ['支付', '付宝'])).toEqual([[0, 5]]);
  });

  it('finds the same ranges as folding the whole text, across window borders', () => {
    // Texts past the 65,536-unit window, built of pieces that make matches straddle borders.
    const piece = fc.constantFrom('a', 'A', 'b', 'ab', '😀', '𐐀', '𐐨', 'K', '\u212a', ' ');
    const term = fc.constantFrom('a', 'ab', 'aa', 'ba', '😀', '𐐨', 'k', 'kk', 'a 😀', 'bbb');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 66_000, max: 140_000 }),
        fc.array(term, { minLength: 1, maxLength: 3 }),
        (pieces, length, terms) => {
          const unit = pieces.join('');
          const text = unit.repeat(Math.ceil(length / unit.length));
          expect(highlightRanges(text, terms)).toEqual(reference(text, terms));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds an occurrence that starts just before a window border and ends after it', () => {
    const text = `${'x'.repeat(65_534)}needle${'x'.repeat(10)}`;
    expect(highlightRanges(text, ['needle'])).toEqual([[65_534, 65_540]]);
    const astral = `${'x'.repeat(65_535)}𐐀${'x'.repeat(10)}`;
    expect(highlightRanges(astral, ['𐐨'])).toEqual([[65_535, 65_537]]);
  });
});
