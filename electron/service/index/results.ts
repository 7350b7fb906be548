/**
 * What the index and the naive reference scan (test/reference/) share, so that both give the
 * same answer: how speaker filters reach a person's other names, highlights, facets and paging.
 */
import type { SearchResult } from '../../../shared/api';
import { compareStrings } from '../../../shared/archive/compare';
import { foldText } from '../../../shared/query/fold';

/**
 * Names of one conversation that `from:` fragments select: every name that contains a fragment,
 * and every other name of the same person.
 * @param groups the conversation's persons, each as its names
 */
export function namesMatching(
  fragments: readonly string[],
  groups: readonly (readonly string[])[],
): Set<string> {
  const names = new Set<string>();
  if (fragments.length === 0) return names;
  for (const group of groups) {
    if (group.some((name) => nameMatches(name, fragments)))
      for (const name of group) names.add(name);
  }
  return names;
}

export function nameMatches(name: string, fragments: readonly string[]): boolean {
  const folded = foldText(name);
  return fragments.some((fragment) => folded.includes(fragment));
}

/** [start, end) of every occurrence of each term in `text`, merged where they overlap. */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (
      let at = folded.indexOf(term);
      at !== -1 && ranges.length < 200;
      at = folded.indexOf(term, at + term.length)
    ) {
      ranges.push([at, at + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export type Facets = SearchResult['facets'];

const TOP_SPEAKERS = 20;

/** Facets from counts: conversations and speakers by count (then name), months in time order. */
export function facetsFrom(
  conversations: Map<string, number>,
  speakers: Map<string, number>,
  months: Map<string, number>,
): Facets {
  const byCount = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || compareStrings(a[0], b[0]);
  return {
    conversations: [...conversations].sort(byCount).map(([id, count]) => ({ id, count })),
    speakers: [...speakers]
      .filter(([name]) => name !== '')
      .sort(byCount)
      .slice(0, TOP_SPEAKERS)
      .map(([name, count]) => ({ name, count })),
    months: [...months]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([month, count]) => ({ month, count })),
  };
}
