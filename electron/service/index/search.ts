/**
 * Answers a search over the archive's segments: per segment, the ascending positions of every
 * message a user sees that matches (terms exact, then exclusions, days, people, content), then
 * the total and facets over all of them, and one page of results newest (or oldest) first.
 */
import type { SearchHit, SearchResult } from '../../../shared/api';
import { dayNumber } from '../../../shared/dates';
import { isEmptyQuery, parseQuery, type Feature, type Query } from '../../../shared/query/parse';
import { termVariants } from '../../../shared/query/emoji';
import { nextCursor, pageStart } from '../../../shared/paging';
import { facetsFrom, highlightRanges, nameMatches, namesMatching } from './results';
import { compareAt, type SegmentView } from './order';
import { featureBit } from './features';
import { FEATURE_SHIFT, lowerBound } from './segment';
import { keepContaining, termCost, termPositions, unitsOf } from './match';
import { intersect, subtract, union } from './sets';

export interface SearchOptions {
  limit: number;
  cursor?: string | undefined;
  order: 'newest' | 'oldest';
  /** Only this conversation (its exact id). */
  conversation?: string | undefined;
}

/** `{ nextCursor }` when there is a next page, else nothing (absent rather than undefined). */
export function withCursor(cursor: string | undefined): { nextCursor?: string } {
  return cursor === undefined ? {} : { nextCursor: cursor };
}

export interface SearchView {
  segments: readonly SegmentView[];
  /** A conversation's persons, each as its names (for from:, which reaches every alias). */
  persons(conversation: string): readonly (readonly string[])[];
  /** A conversation's title (in: matches it as well as the id). */
  title(conversation: string): string;
}

/** A message of a result page, as the store returns it (highlights are added here). */
export type StoredHit = Omit<SearchHit, 'highlights'>;

/** Candidates below this many are checked against their texts rather than intersected. */
const CHECK_DIRECTLY = 512;

export function searchSegments(
  view: SearchView,
  text: string,
  options: SearchOptions,
  fetch: (ids: number[]) => StoredHit[],
): SearchResult {
  const started = performance.now();
  const query = parseQuery(text);
  const matches = findMatches(view, query, options.conversation);
  let total = 0;
  for (const positions of matches) total += positions.length;
  const offset = pageStart(options.cursor);
  const ids = pageOf(view.segments, matches, offset, options.limit, options.order);
  const byId = new Map(fetch(ids).map((hit) => [hit.id, hit]));
  const terms = query.terms.flatMap(termVariants);
  return {
    total,
    hits: ids.flatMap((id) => {
      const hit = byId.get(id);
      return hit ? [{ ...hit, highlights: highlightRanges(hit.text, terms) }] : [];
    }),
    ...withCursor(nextCursor(offset, options.limit, total)),
    facets: countFacets(view.segments, matches),
    problems: query.problems,
    took: performance.now() - started,
  };
}

/** Per segment (in view order), the ascending positions of the visible messages that match. */
export function findMatches(view: SearchView, query: Query, conversation?: string): Uint32Array[] {
  return view.segments.map((segment) =>
    isEmptyQuery(query) ? new Uint32Array(0) : segmentMatches(view, segment, query, conversation),
  );
}

function segmentMatches(
  view: SearchView,
  live: SegmentView,
  query: Query,
  conversation: string | undefined,
): Uint32Array {
  const { segment } = live;
  let first = 0;
  let end = segment.count;
  if (query.since !== null || query.until !== null) {
    const day = segment.day();
    if (query.since !== null) first = lowerBound(day, dayNumber(query.since));
    if (query.until !== null) end = lowerBound(day, dayNumber(query.until) + 1);
  }
  if (first >= end) return new Uint32Array(0);

  const terms = query.terms
    .map((term) => {
      const variants = termVariants(term).map(unitsOf);
      return { variants, cost: variants.reduce((sum, units) => sum + termCost(segment, units), 0) };
    })
    .sort((a, b) => a.cost - b.cost);
  let matches: Uint32Array | null = null;
  for (const { variants, cost } of terms) {
    if (matches === null) matches = clip(variantPositions(segment, variants), first, end);
    else if (matches.length < CHECK_DIRECTLY || matches.length * 8 < cost)
      matches = keepAny(live, matches, variants);
    else matches = intersect(matches, variantPositions(segment, variants));
    if (matches.length === 0) return matches;
  }
  if (matches === null) {
    matches = new Uint32Array(end - first);
    for (let i = 0; i < matches.length; i++) matches[i] = first + i;
  }
  for (const term of query.exclude) {
    const variants = termVariants(term).map(unitsOf);
    const cost = variants.reduce((sum, units) => sum + termCost(segment, units), 0);
    if (matches.length < CHECK_DIRECTLY || matches.length * 8 < cost) {
      for (const units of variants) matches = keepContaining(segment, matches, units, false);
    } else matches = subtract(matches, variantPositions(segment, variants));
  }
  return filter(view, live, query, matches, conversation);
}

function variantPositions(segment: SegmentView['segment'], variants: Uint16Array[]): Uint32Array {
  let positions: Uint32Array = new Uint32Array(0);
  for (const units of variants) positions = union(positions, termPositions(segment, units));
  return positions;
}

function keepAny(live: SegmentView, positions: Uint32Array, variants: Uint16Array[]): Uint32Array {
  let kept: Uint32Array = new Uint32Array(0);
  for (const units of variants)
    kept = union(kept, keepContaining(live.segment, positions, units, true));
  return kept;
}

function clip(positions: Uint32Array, first: number, end: number): Uint32Array {
  return positions.subarray(lowerBound(positions, first), lowerBound(positions, end));
}

/** Hidden messages, conversations, speakers and content kinds, in one pass. */
function filter(
  view: SearchView,
  live: SegmentView,
  query: Query,
  matches: Uint32Array,
  conversation: string | undefined,
): Uint32Array {
  const { segment, hidden } = live;
  let bits = 0;
  for (const feature of query.has) bits |= featureBit(feature as Feature);
  const allowed =
    query.in.length > 0 || query.from.length > 0 || conversation !== undefined
      ? allowedPairs(view, live, query, conversation)
      : null;
  if (!allowed && bits === 0 && !hidden) return matches;
  const pair = allowed ? segment.pair() : null;
  const meta = bits !== 0 ? segment.meta() : null;
  const out = new Uint32Array(matches.length);
  let count = 0;
  for (let i = 0; i < matches.length; i++) {
    const position = matches[i]!;
    if (hidden && hidden[position] !== 0) continue;
    if (allowed && allowed[pair![position]!] === 0) continue;
    if (meta && ((meta[position]! >>> FEATURE_SHIFT) & bits) !== bits) continue;
    out[count++] = position;
  }
  return out.subarray(0, count);
}

/** Which (conversation, speaker) pairs of the segment pass in: and from:. */
function allowedPairs(
  view: SearchView,
  live: SegmentView,
  query: Query,
  only: string | undefined,
): Uint8Array {
  const names = live.segment.names();
  const conversations = names.conversations.map(
    (name) =>
      (only === undefined || name === only) &&
      (query.in.length === 0 ||
        nameMatches(name, query.in) ||
        nameMatches(view.title(name), query.in)),
  );
  const speakersByConversation = new Map<number, Set<string>>();
  const speakersOf = (conversation: number) => {
    let set = speakersByConversation.get(conversation);
    if (!set) {
      set = namesMatching(query.from, view.persons(names.conversations[conversation]!));
      speakersByConversation.set(conversation, set);
    }
    return set;
  };
  const allowed = new Uint8Array(names.pairs.length / 2);
  for (let pair = 0; pair < allowed.length; pair++) {
    const conversation = names.pairs[pair * 2]!;
    if (!conversations[conversation]) continue;
    if (query.from.length > 0) {
      const speaker = names.speakers[names.pairs[pair * 2 + 1]!]!;
      if (speaker === '') continue;
      if (!nameMatches(speaker, query.from) && !speakersOf(conversation).has(speaker)) continue;
    }
    allowed[pair] = 1;
  }
  return allowed;
}

/** The ids of one page, merging the segments' matches by time. */
function pageOf(
  segments: readonly SegmentView[],
  matches: readonly Uint32Array[],
  offset: number,
  limit: number,
  order: 'newest' | 'oldest',
): number[] {
  const newest = order === 'newest';
  const heads = matches.map((positions) => (newest ? positions.length - 1 : 0));
  const ids: number[] = [];
  for (let taken = 0; taken < offset + limit; taken++) {
    let best = -1;
    for (let s = 0; s < matches.length; s++) {
      const head = heads[s]!;
      if (head < 0 || head >= matches[s]!.length) continue;
      if (best === -1) {
        best = s;
        continue;
      }
      const compared = compareAt(
        segments[s]!.segment,
        matches[s]![head]!,
        segments[best]!.segment,
        matches[best]![heads[best]!]!,
      );
      if (newest ? compared > 0 : compared < 0) best = s;
    }
    if (best === -1) break;
    if (taken >= offset) ids.push(segments[best]!.segment.base + matches[best]![heads[best]!]!);
    heads[best] = heads[best]! + (newest ? -1 : 1);
  }
  return ids;
}

function countFacets(
  segments: readonly SegmentView[],
  matches: readonly Uint32Array[],
): SearchResult['facets'] {
  const conversations = new Map<string, number>();
  const speakers = new Map<string, number>();
  const months = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, count: number) =>
    map.set(key, (map.get(key) ?? 0) + count);
  segments.forEach(({ segment }, s) => {
    const positions = matches[s]!;
    if (positions.length === 0) return;
    const names = segment.names();
    const pair = segment.pair();
    const pairCounts = new Uint32Array(names.pairs.length / 2);
    for (let i = 0; i < positions.length; i++) pairCounts[pair[positions[i]!]!]!++;
    for (let p = 0; p < pairCounts.length; p++) {
      const count = pairCounts[p]!;
      if (count === 0) continue;
      add(conversations, names.conversations[names.pairs[p * 2]!]!, count);
      add(speakers, names.speakers[names.pairs[p * 2 + 1]!]!, count);
    }
    // Positions run in time order and each month is a range of them.
    const monthList = segment.file.info.months;
    for (let m = 0; m < monthList.length; m += 2) {
      const start = monthList[m + 1]!;
      const stop = m + 3 < monthList.length ? monthList[m + 3]! : segment.count;
      const count = lowerBound(positions, stop) - lowerBound(positions, start);
      if (count === 0) continue;
      const month = monthList[m]!;
      add(
        months,
        `${String(Math.floor(month / 100)).padStart(4, '0')}-${String(month % 100).padStart(2, '0')}`,
        count,
      );
    }
  });
  return facetsFrom(conversations, speakers, months);
}
