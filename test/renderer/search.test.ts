import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api';
import {
  appendTerm,
  facetTerm,
  groupHits,
  mergeRanges,
  snippet,
  speakerChips,
} from '../../renderer/search/searchModel';

const hit = (id: number, day: string, conversation = 'source/proddev'): SearchHit => ({
  id,
  conversation,
  path: 'source/proddev/_posts/2018-05-15-chat.markdown',
  day,
  time: '09:00:00',
  speaker: 's',
  text: 't',
  highlights: [],
});

describe('search results', () => {
  it('groups consecutive hits by conversation and day, keeping the order', () => {
    const groups = groupHits([
      hit(1, '2018-05-31'),
      hit(2, '2018-05-31'),
      hit(3, '2018-05-15'),
      hit(4, '2018-05-15', 'source/prodarch'),
    ]);
    expect(groups.map((g) => [g.day, g.conversation, g.hits.map((h) => h.id)])).toEqual([
      ['2018-05-31', 'source/proddev', [1, 2]],
      ['2018-05-15', 'source/proddev', [3]],
      ['2018-05-15', 'source/prodarch', [4]],
    ]);
  });

  it('highlights the matched ranges', () => {
    const parts = snippet('个人开二类户的问题', [[3, 6]]);
    expect(parts).toEqual([
      { text: '个人开', highlight: false },
      { text: '二类户', highlight: true },
      { text: '的问题', highlight: false },
    ]);
  });

  it('cuts long texts around the first match, with ellipses', () => {
    const text = `${'a'.repeat(300)}二类户${'b'.repeat(300)}`;
    const parts = snippet(text, [[300, 303]], 60);
    expect(parts[0]).toEqual({ text: '…', highlight: false });
    expect(parts[parts.length - 1]).toEqual({ text: '…', highlight: false });
    expect(parts.find((part) => part.highlight)?.text).toBe('二类户');
    expect(parts.map((part) => part.text).join('').length).toBeLessThanOrEqual(62);
  });

  it('ignores ranges outside the text and merges overlaps', () => {
    expect(
      snippet('abc', [
        [5, 9],
        [-1, 2],
      ]),
    ).toEqual([{ text: 'abc', highlight: false }]);
    expect(
      mergeRanges([
        [4, 6],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([
      [0, 3],
      [4, 6],
    ]);
  });

  it('collapses line breaks in snippets', () => {
    expect(
      snippet('a\n\nb', [])
        .map((part) => part.text)
        .join(''),
    ).toBe('a b');
  });

  it('appends facet terms once, quoted when needed', () => {
    expect(facetTerm('conversation', 'source/proddev')).toBe('in:source/proddev');
    expect(facetTerm('speaker', 'Jin He 何瑾')).toBe('from:"Jin He 何瑾"');
    expect(facetTerm('month', '2018-05')).toBe('during:2018-05');
    expect(appendTerm('二类户', 'in:source/proddev')).toBe('二类户 in:source/proddev');
    expect(appendTerm('二类户 in:source/proddev', 'in:source/proddev')).toBe(
      '二类户 in:source/proddev',
    );
    expect(appendTerm('  ', 'from:a')).toBe('from:a');
  });
});

describe('speaker chips', () => {
  it('shows names that read the same as one chip, counted together, narrowing by that name', () => {
    expect(
      speakerChips([
        { name: '林小溪-山野社-领队-杭州', count: 3 },
        { name: 'Owen', count: 4 },
        { name: '林小溪', count: 2 },
        { name: '唐果-山野社-后勤-杭州', count: 1 },
      ]),
    ).toEqual([
      { value: '林小溪', label: '林小溪', count: 5 },
      { value: 'Owen', label: 'Owen', count: 4 },
      // Alone under its label, a chip narrows by the whole name, as before.
      { value: '唐果-山野社-后勤-杭州', label: '唐果', count: 1 },
    ]);
  });
});
