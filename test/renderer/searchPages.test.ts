import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api';
import { appendHits, queryOfKey } from '../../renderer/search/searchPages';

const hit = (id: number, day = '2018-05-15'): SearchHit => ({
  id,
  conversation: 'source/proddev',
  path: 'source/proddev/_posts/2018-05-15-chat.markdown',
  day,
  time: '09:00:00',
  speaker: 's',
  text: `t${id}`,
  highlights: [],
});
const ids = (hits: readonly SearchHit[]) => hits.map((h) => h.id);

describe('search pages', () => {
  it('appends a page after the hits shown, in order', () => {
    expect(ids(appendHits([hit(9), hit(8)], [hit(7), hit(6)]))).toEqual([9, 8, 7, 6]);
  });

  it('drops hits of the page that are already shown', () => {
    expect(ids(appendHits([hit(9), hit(8)], [hit(8), hit(7), hit(9), hit(6)]))).toEqual([
      9, 8, 7, 6,
    ]);
  });

  it('drops hits repeated within a page, keeping the first', () => {
    const merged = appendHits([], [hit(5), { ...hit(5), text: 'again' }, hit(4)]);
    expect(ids(merged)).toEqual([5, 4]);
    expect(merged[0]!.text).toBe('t5');
  });

  it('leaves the hits shown unchanged, as a new array', () => {
    const shown = [hit(3)];
    const merged = appendHits(shown, []);
    expect(merged).toEqual(shown);
    expect(merged).not.toBe(shown);
    appendHits(shown, [hit(2)]);
    expect(ids(shown)).toEqual([3]);
  });

  it('finds the query in a search key, newlines in the query included', () => {
    expect(queryOfKey('支付\n3')).toBe('支付');
    expect(queryOfKey('a\nb\n12')).toBe('a\nb');
    expect(queryOfKey('plain')).toBe('plain');
  });
});
