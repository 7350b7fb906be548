import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldInto, foldText } from '../../../shared/query/fold';

describe('foldText', () => {
  it('folds case, full-width ASCII and the ideographic space', () => {
    expect(foldText('Apple PAY')).toBe('apple pay');
    expect(foldText('ＡＢＣ１２３！')).toBe('abc123!');
    expect(foldText('支付　宝')).toBe('支付 宝');
    expect(foldText('ΣΑΣ σας')).toBe(foldText('σασ σασ'));
    // The Kelvin sign is the letter k, as in Unicode case folding.
    expect(foldText('\u212a')).toBe('k');
  });

  it('leaves Chinese text and emoji unchanged', () => {
    const text = '近期分享安排 [强] 😀 @卢克_零壹互联_产品';
    expect(foldText(text)).toBe(text.toLowerCase());
  });

  it('keeps every string the same length, so offsets need no mapping', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const folded = foldText(text);
        expect(folded.length).toBe(text.length);
        expect(foldText(folded)).toBe(folded);
        const target = new Uint16Array(text.length);
        foldInto(text, target, 0);
        expect(String.fromCharCode(...target)).toBe(folded);
      }),
    );
  });

  it('matches what toLowerCase does wherever that keeps the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const lower = text.toLowerCase();
        fc.pre(
          lower.length === text.length && !/[\u0130\uff01-\uff5e\u3000\u03c2\u1e9e]/.test(text),
        );
        expect(foldText(text)).toBe(foldText(lower));
      }),
    );
  });
});
