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
import { highlightRanges, nameMatches, namesMatching } from './results';
import type { SegmentView } from './order';
import { countFacets, countFound, foundNothing, type Found } from './found';
import { pageOf } from './page';
import { featureBit } from './features';
import { lowerBound } from './segment';
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

/**
 * A further term is checked against the texts of the matches so far rather than intersected
 * with its list while they are this many times fewer than the list is long: checking a text costs
 * a read and a fold (microseconds), a list entry nanoseconds (lists are kept decoded, gramRead.ts).
 */
const CHECK_FACTOR = 64;

export function searchSegments(
  view: SearchView,
  text: string,
  options: SearchOptions,
  fetch: (ids: number[]) => StoredHit[],
): SearchResult {
  // process.hrtime rather than performance: loading perf_hooks costs a one-shot search 2 ms.
  const started = process.hrtime.bigint();
  const query = parseQuery(text);
  const found = findMatches(view, query, options.conversation);
  let total = 0;
  for (const { count } of found) total += count;
  const offset = pageStart(options.cursor);
  const ids = pageOf(view.segments, found, offset, options.limit, options.order);
  const byId = new Map(fetch(ids).map((hit) => [hit.id, hit]));
  const terms = query.terms.flatMap(termVariants);
  return {
    total,
    hits: ids.flatMap((id) => {
      const hit = byId.get(id);
      return hit ? [{ ...hit, highlights: highlightRanges(hit.text, terms) }] : [];
    }),
    ...withCursor(nextCursor(offset, options.limit, total)),
    facets: countFacets(view.segments, found),
    problems: query.problems,
    took: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

/** Per segment (in view order), what matches and how much of it is shown. */
function findMatches(view: SearchView, query: Query, conversation?: string): Found[] {
  return view.segments.map((segment) =>
    isEmptyQuery(query) ? foundNothing() : segmentMatches(view, segment, query, conversation),
  );
}

function segmentMatches(
  view: SearchView,
  live: SegmentView,
  query: Query,
  conversation: string | undefined,
): Found {
  const { segment } = live;
  let first = 0;
  let end = segment.count;
  if (query.since !== null || query.until !== null) {
    const day = segment.day();
    if (query.since !== null) first = lowerBound(day, dayNumber(query.since));
    if (query.until !== null) end = lowerBound(day, dayNumber(query.until) + 1);
  }
  if (first >= end) return foundNothing();

  const terms = query.terms
    .map((term) => {
      const variants = termVariants(term).map(unitsOf);
      return { variants, cost: variants.reduce((sum, units) => sum + termCost(segment, units), 0) };
    })
    .sort((a, b) => a.cost - b.cost);
  let matches: Uint32Array | null = null;
  for (const { variants, cost } of terms) {
    if (matches === null) matches = clip(variantPositions(segment, variants), first, end);
    else if (matches.length * CHECK_FACTOR < cost) matches = keepAny(live, matches, variants);
    else matches = intersect(matches, variantPositions(segment, variants));
    if (matches.length === 0) return foundNothing();
  }
  if (matches === null) {
    matches = new Uint32Array(end - first);
    for (let i = 0; i < matches.length; i++) matches[i] = first + i;
  }
  for (const term of query.exclude) {
    const variants = termVariants(term).map(unitsOf);
    const cost = variants.reduce((sum, units) => sum + termCost(segment, units), 0);
    if (matches.length * CHECK_FACTOR < cost) {
      for (const units of variants) matches = keepContaining(segment, matches, units, false);
    } else matches = subtract(matches, variantPositions(segment, variants));
  }
  let bits = 0;
  for (const feature of query.has) bits |= featureBit(feature as Feature);
  return countFound(live, matches, {
    hidden: live.hidden,
    allowed:
      query.in.length > 0 || query.from.length > 0 || conversation !== undefined
        ? allowedPairs(view, live, query, conversation)
        : null,
    meta: bits !== 0 ? segment.meta() : null,
    bits,
  });
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
