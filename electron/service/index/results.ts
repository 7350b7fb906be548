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

/** Most ranges one hit carries. */
const HIGHLIGHT_LIMIT = 200;
/** Text is folded this many code units at a time, so a huge message is never copied whole. */
const HIGHLIGHT_WINDOW = 1 << 16;

/** [start, end) of every occurrence of each term in `text`, merged where they overlap. */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (const at of occurrences(text, term)) {
      if (ranges.length >= HIGHLIGHT_LIMIT) break;
      ranges.push([at, at + term.length]);
    }
  }
  return mergeRanges(ranges);
}

/** Ranges in order, touching and overlapping ones merged into one. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Where `term` (folded) starts in the folded `text`, occurrence after occurrence without overlap,
 * folding one window at a time. Each window reaches term.length - 1 units past its end, so an
 * occurrence across two windows is found in the first; a surrogate pair is never cut in two.
 */
function* occurrences(text: string, term: string): Generator<number> {
  let next = 0;
  for (let start = 0; start < text.length; start += HIGHLIGHT_WINDOW) {
    const from = isLowSurrogateAfterHigh(text, start) ? start - 1 : start;
    let end = Math.min(text.length, start + HIGHLIGHT_WINDOW + term.length - 1);
    if (isLowSurrogateAfterHigh(text, end)) end++;
    const folded = foldText(text.slice(from, end));
    for (
      let at = folded.indexOf(term, Math.max(next, start) - from);
      at !== -1 && from + at < start + HIGHLIGHT_WINDOW;
      at = folded.indexOf(term, at + term.length)
    ) {
      yield from + at;
      next = from + at + term.length;
    }
  }
}

/** Whether text[index] is the second half of a surrogate pair. */
function isLowSurrogateAfterHigh(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
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
