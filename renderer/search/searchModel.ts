/**
 * Search results for display: hits grouped by conversation and day, snippets cut around the
 * highlights, and the query terms that facet chips append.
 */
import type { ApiError, SearchHit, SearchResult } from '../../shared/api';
import { splitGroupCard } from '../../shared/archive/groupCard';
import { emojiFor, tokenize } from '../../shared/text/tokens';

/** What the search panel shows of the query typed: its answer, the hits loaded, more to come. */
export interface SearchState {
  /** The first page's answer (totals, facets, problems), for the query asked last. */
  result: SearchResult | undefined;
  /** Whether `result` answers what is typed now (not an earlier query, not still typing). */
  current: boolean;
  error: ApiError | null;
  /** Every hit loaded so far, pages in order. */
  hits: SearchHit[];
  more: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  loadMore: () => void;
}

export interface HitGroup {
  conversation: string;
  day: string;
  hits: SearchHit[];
}

/** Consecutive hits of one conversation and day form a group; the service's order is kept. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  for (const hit of hits) {
    const last = groups[groups.length - 1];
    if (last && last.conversation === hit.conversation && last.day === hit.day) last.hits.push(hit);
    else groups.push({ conversation: hit.conversation, day: hit.day, hits: [hit] });
  }
  return groups;
}

export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/**
 * The text around the first highlight, at most about `length` characters, split into plain and
 * highlighted parts. Overlapping or unordered ranges are merged; out-of-range ones ignored.
 */
export function snippet(
  text: string,
  highlights: readonly [number, number][],
  length = 120,
): SnippetPart[] {
  // Offsets refer to the original text; blanks are collapsed per part, after cutting.
  const source = text;
  const ranges = mergeRanges(
    highlights.filter(([start, end]) => start >= 0 && end <= source.length && start < end),
  );
  const focus = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, focus - Math.floor(length / 3));
  const end = Math.min(source.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  const parts: SnippetPart[] = [];
  const push = (from: number, to: number, highlight: boolean) => {
    if (to > from) parts.push({ text: source.slice(from, to).replace(/\s+/g, ' '), highlight });
  };
  let at = start;
  for (const [rangeStart, rangeEnd] of ranges) {
    if (rangeEnd <= start || rangeStart >= end) continue;
    push(at, Math.max(at, rangeStart), false);
    push(Math.max(at, rangeStart), Math.min(end, rangeEnd), true);
    at = Math.min(end, rangeEnd);
  }
  push(at, end, false);
  if (start > 0) parts.unshift({ text: '…', highlight: false });
  if (end < source.length) parts.push({ text: '…', highlight: false });
  return parts;
}

export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export type FacetKind = 'conversation' | 'speaker' | 'month';

/** The query term a facet chip adds: `in:`, `from:` or `during:`, quoted when it holds blanks. */
export function facetTerm(kind: FacetKind, value: string): string {
  const operator = kind === 'conversation' ? 'in' : kind === 'speaker' ? 'from' : 'during';
  const quoted = /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
  return `${operator}:${quoted}`;
}

/** The query with a term appended once (a chip clicked twice adds nothing). */
export function appendTerm(query: string, term: string): string {
  const trimmed = query.trim();
  if (trimmed.split(/\s+/).includes(term)) return trimmed;
  return trimmed === '' ? term : `${trimmed} ${term}`;
}

/**
 * A hit's text as the list shows it: images as a word (`[Image]`), emoji codes as the emoji,
 * with the highlights moved to match. A highlight inside an image or emoji code marks all of it.
 */
export function displayHit(
  text: string,
  highlights: readonly [number, number][],
  imageLabel: string,
): { text: string; highlights: [number, number][] } {
  let shown = '';
  const moved: [number, number][] = [];
  let at = 0;
  for (const token of tokenize(text)) {
    const start = at;
    const end = at + token.text.length;
    at = end;
    const from = shown.length;
    const replaced =
      token.kind === 'image'
        ? `[${imageLabel}]`
        : token.kind === 'emoji'
          ? (emojiFor(token.name) ?? token.text)
          : null;
    shown += replaced ?? token.text;
    for (const [hlStart, hlEnd] of highlights) {
      if (hlEnd <= start || hlStart >= end) continue;
      if (replaced !== null) moved.push([from, shown.length]);
      else moved.push([from + Math.max(0, hlStart - start), from + Math.min(end, hlEnd) - start]);
    }
  }
  return { text: shown, highlights: mergeRanges(moved) };
}

/** Months of the facet, newest first (the results' own order). */
export function newestMonths<T extends { month: string }>(months: readonly T[]): T[] {
  return [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

/**
 * The speaker chips: speakers shown under one name (a group card's `林小溪-山野社-领队-杭州` and a
 * plain `林小溪` in another chat) are one chip, counted together, which narrows by that name
 * (from: matches every name containing it); a name alone keeps its own.
 */
export function speakerChips(
  speakers: readonly { name: string; count: number }[],
): { value: string; label: string; count: number }[] {
  const byLabel = new Map<string, { value: string; label: string; count: number }>();
  for (const speaker of speakers) {
    const label = splitGroupCard(speaker.name).name;
    const chip = byLabel.get(label);
    if (chip) {
      chip.value = label;
      chip.count += speaker.count;
    } else byLabel.set(label, { value: speaker.name, label, count: speaker.count });
  }
  return [...byLabel.values()].sort((a, b) => b.count - a.count);
}
