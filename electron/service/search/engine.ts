/**
 * Answers a query from a Corpus and its Postings: the ascending ids of every match (exact: a
 * long term's candidates are checked against the folded text), then facets and one page.
 */
import type { SearchHit, SearchResult } from '../../../shared/api';
import { isEmptyQuery, parseQuery, type Query } from '../../../shared/query/parse';
import type { SearchOptions } from '../archiveData';
import { dayNumber, FEATURE_BITS, type Corpus } from './corpus';
import { bigramCount, bigramKey, bigramList, unigramList, type Postings } from './postings';
import { facetsFrom, hitOf, nameMatches, namesMatching, pageStart } from './results';
import { intersect, lowerBound, range, subtract } from './sets';

export interface SearchIndex {
  corpus: Corpus;
  postings: Postings;
  /** Conversation index -> its persons, each as its speaker indexes (for from:). */
  persons: ReadonlyMap<number, readonly (readonly number[])[]>;
}

/** A message of a result page, as the store returns it. */
export type StoredHit = Omit<SearchHit, 'highlights'>;

/** Candidates below this many are checked against the text rather than intersected with a list. */
const CHECK_DIRECTLY = 2048;

export function searchIndex(
  index: SearchIndex,
  text: string,
  options: SearchOptions,
  fetch: (ids: number[]) => StoredHit[],
): SearchResult {
  const started = performance.now();
  const query = parseQuery(text);
  const matches = findMatches(index, query);
  const total = matches.length;
  const offset = pageStart(options.cursor);
  const ids: number[] = [];
  for (let i = offset; i < Math.min(total, offset + options.limit); i++)
    ids.push(options.order === 'newest' ? matches[total - 1 - i]! : matches[i]!);
  const byId = new Map(fetch(ids).map((hit) => [hit.id, hit]));
  return {
    total,
    hits: ids.flatMap((id) => {
      const hit = byId.get(id);
      return hit ? [hitOf(hit, query.terms)] : [];
    }),
    ...(offset + options.limit < total ? { nextCursor: String(offset + options.limit) } : {}),
    facets: countFacets(index.corpus, matches),
    problems: query.problems,
    took: performance.now() - started,
  };
}

export function findMatches(index: SearchIndex, query: Query): Uint32Array {
  const { corpus } = index;
  if (isEmptyQuery(query) || corpus.count === 0) return new Uint32Array(0);
  const first = query.since === null ? 0 : lowerBound(corpus.day, dayNumber(query.since));
  const end =
    query.until === null ? corpus.count : lowerBound(corpus.day, dayNumber(query.until) + 1);
  if (first >= end) return new Uint32Array(0);

  const terms = query.terms
    .map((term) => ({ term, units: unitsOf(term), cost: estimate(index.postings, term) }))
    .sort((a, b) => a.cost - b.cost);
  let matches: Uint32Array | null = null;
  for (const { units, cost } of terms) {
    if (matches === null) matches = clip(termMatches(index, units), first, end);
    else if (matches.length < CHECK_DIRECTLY || matches.length * 8 < cost)
      matches = keep(corpus, matches, units, true);
    else matches = intersect(matches, termMatches(index, units));
    if (matches.length === 0) return matches;
  }
  matches ??= range(first, end);
  for (const term of query.exclude) {
    const units = unitsOf(term);
    if (matches.length < CHECK_DIRECTLY || matches.length * 8 < estimate(index.postings, term))
      matches = keep(corpus, matches, units, false);
    else matches = subtract(matches, termMatches(index, units));
  }
  return filter(index, query, matches);
}

/** Conversation, speaker and content filters, in one pass. */
function filter(index: SearchIndex, query: Query, matches: Uint32Array): Uint32Array {
  const { corpus } = index;
  let bits = 0;
  for (const feature of query.has) bits |= FEATURE_BITS[feature];
  if (query.in.length === 0 && query.from.length === 0 && bits === 0) return matches;
  const pairs = pairsOf(corpus);
  // Which (conversation, speaker) pairs pass in: and from:, decided once per pair.
  let allowed: Uint8Array | null = null;
  if (query.in.length > 0 || query.from.length > 0) {
    const conversations =
      query.in.length > 0
        ? corpus.conversationNames.map((name) => nameMatches(name, query.in))
        : null;
    const speakers = query.from.length > 0 ? allowedSpeakers(index, query.from) : null;
    allowed = new Uint8Array(pairs.conversations.length);
    for (let pair = 0; pair < allowed.length; pair++) {
      const conversation = pairs.conversations[pair]!;
      const speaker = pairs.speakers[pair]!;
      allowed[pair] =
        (!conversations || conversations[conversation]) &&
        (!speakers || speakers(conversation, speaker))
          ? 1
          : 0;
    }
  }
  const out = new Uint32Array(matches.length);
  let count = 0;
  const { pairOf } = pairs;
  const { features } = corpus;
  for (let i = 0; i < matches.length; i++) {
    const id = matches[i]!;
    if (allowed && allowed[pairOf[id]!] === 0) continue;
    if ((features[id]! & bits) !== bits) continue;
    out[count++] = id;
  }
  return out.subarray(0, count);
}

/** Speakers that from: selects: names that match, and in each conversation their person's names. */
function allowedSpeakers(
  index: SearchIndex,
  fragments: readonly string[],
): (conversation: number, speaker: number) => boolean {
  const { speakerNames } = index.corpus;
  const direct = speakerNames.map((name) => name !== '' && nameMatches(name, fragments));
  const aliases = new Set<number>();
  for (const [conversation, groups] of index.persons) {
    const named = namesMatching(
      fragments,
      groups.map((group) => group.map((speaker) => speakerNames[speaker]!)),
    );
    if (named.size === 0) continue;
    for (const group of groups)
      for (const speaker of group)
        if (named.has(speakerNames[speaker]!) && !direct[speaker])
          aliases.add(conversation * 0x100000000 + speaker);
  }
  return (conversation, speaker) =>
    direct[speaker] === true || aliases.has(conversation * 0x100000000 + speaker);
}

/** Every message whose folded text contains `units`. */
function termMatches(index: SearchIndex, units: Uint16Array): Uint32Array {
  const { postings } = index;
  if (units.length === 1) return unigramList(postings, units[0]!);
  if (units.length === 2) return bigramList(postings, bigramKey(units[0]!, units[1]!));
  const keys: { key: number; count: number }[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const key = bigramKey(units[i]!, units[i + 1]!);
    const count = bigramCount(postings, key);
    if (count === 0) return new Uint32Array(0);
    keys.push({ key, count });
  }
  keys.sort((a, b) => a.count - b.count);
  let candidates = bigramList(postings, keys[0]!.key);
  // Narrow with the next rarest lists while that still pays, then check what is left.
  for (
    let i = 1;
    i < keys.length && candidates.length > 64 && keys[i]!.count < candidates.length * 64;
    i++
  ) {
    candidates = intersect(candidates, bigramList(postings, keys[i]!.key));
  }
  return keep(index.corpus, candidates, units, true);
}

/** The ids whose text contains `units` (or, with `wanted` false, does not). */
function keep(corpus: Corpus, ids: Uint32Array, units: Uint16Array, wanted: boolean): Uint32Array {
  const out = new Uint32Array(ids.length);
  let count = 0;
  const { text, textStart, textLength } = corpus;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (contains(text, textStart[id]!, textLength[id]!, units) === wanted) out[count++] = id;
  }
  return out.subarray(0, count);
}

function contains(text: Uint16Array, start: number, length: number, units: Uint16Array): boolean {
  const last = start + length - units.length;
  const head = units[0]!;
  outer: for (let at = start; at <= last; at++) {
    if (text[at] !== head) continue;
    for (let k = 1; k < units.length; k++) if (text[at + k] !== units[k]) continue outer;
    return true;
  }
  return false;
}

/** How many ids a term's rarest list holds: the work it costs. */
function estimate(postings: Postings, term: string): number {
  if (term.length === 1) return postings.unigramCounts[term.charCodeAt(0)]!;
  let least = Infinity;
  for (let i = 0; i + 1 < term.length; i++)
    least = Math.min(
      least,
      bigramCount(postings, bigramKey(term.charCodeAt(i), term.charCodeAt(i + 1))),
    );
  return least;
}

function unitsOf(term: string): Uint16Array {
  const units = new Uint16Array(term.length);
  for (let i = 0; i < term.length; i++) units[i] = term.charCodeAt(i);
  return units;
}

function clip(ids: Uint32Array, first: number, end: number): Uint32Array {
  if (first === 0 && end >= (ids.length === 0 ? 0 : ids[ids.length - 1]! + 1)) return ids;
  return ids.subarray(lowerBound(ids, first), lowerBound(ids, end));
}

/** Per corpus: the first id of each month (ids run in time order), computed once. */
const monthStarts = new WeakMap<Corpus, { months: string[]; starts: Uint32Array }>();

function monthsOf(corpus: Corpus): { months: string[]; starts: Uint32Array } {
  let known = monthStarts.get(corpus);
  if (!known) {
    const months: string[] = [];
    const starts: number[] = [];
    let previous = -1;
    for (let id = 0; id < corpus.count; id++) {
      const month = (corpus.day[id]! / 100) | 0;
      if (month === previous) continue;
      previous = month;
      months.push(
        `${String((month / 100) | 0).padStart(4, '0')}-${String(month % 100).padStart(2, '0')}`,
      );
      starts.push(id);
    }
    starts.push(corpus.count);
    known = { months, starts: Uint32Array.from(starts) };
    monthStarts.set(corpus, known);
  }
  return known;
}

/**
 * Per corpus: each message's (conversation, speaker) pair as one small number, so that facets
 * cost one lookup per match; computed once.
 */
const speakerPairs = new WeakMap<
  Corpus,
  { pairOf: Uint32Array; conversations: Uint32Array; speakers: Uint32Array }
>();

function pairsOf(corpus: Corpus): {
  pairOf: Uint32Array;
  conversations: Uint32Array;
  speakers: Uint32Array;
} {
  let known = speakerPairs.get(corpus);
  if (!known) {
    const pairOf = new Uint32Array(corpus.count);
    const index = new Map<number, number>();
    const conversations: number[] = [];
    const speakers: number[] = [];
    for (let id = 0; id < corpus.count; id++) {
      const key = corpus.conversation[id]! * 0x100000000 + corpus.speaker[id]!;
      let pair = index.get(key);
      if (pair === undefined) {
        pair = conversations.length;
        index.set(key, pair);
        conversations.push(corpus.conversation[id]!);
        speakers.push(corpus.speaker[id]!);
      }
      pairOf[id] = pair;
    }
    known = {
      pairOf,
      conversations: Uint32Array.from(conversations),
      speakers: Uint32Array.from(speakers),
    };
    speakerPairs.set(corpus, known);
  }
  return known;
}

function countFacets(corpus: Corpus, matches: Uint32Array): SearchResult['facets'] {
  const pairs = pairsOf(corpus);
  const pairCounts = new Uint32Array(pairs.conversations.length);
  const pairOf = pairs.pairOf;
  for (let i = 0; i < matches.length; i++) pairCounts[pairOf[matches[i]!]!]!++;
  const conversationCounts = new Uint32Array(corpus.conversationNames.length);
  const speakerCounts = new Uint32Array(corpus.speakerNames.length);
  for (let pair = 0; pair < pairCounts.length; pair++) {
    conversationCounts[pairs.conversations[pair]!]! += pairCounts[pair]!;
    speakerCounts[pairs.speakers[pair]!]! += pairCounts[pair]!;
  }
  // Matches are ascending ids and each month is a range of ids: count by searching its bounds.
  const months = new Map<string, number>();
  if (matches.length > 0) {
    const { months: names, starts } = monthsOf(corpus);
    let month = upperBound(starts, matches[0]!) - 1;
    let at = 0;
    while (at < matches.length) {
      const end = lowerBound(matches, starts[month + 1]!, at);
      if (end > at) months.set(names[month]!, end - at);
      at = end;
      if (at < matches.length) month = upperBound(starts, matches[at]!) - 1;
    }
  }
  const toMap = (names: string[], counts: Uint32Array) => {
    const map = new Map<string, number>();
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) map.set(names[i]!, counts[i]!);
    return map;
  };
  return facetsFrom(
    toMap(corpus.conversationNames, conversationCounts),
    toMap(corpus.speakerNames, speakerCounts),
    months,
  );
}

/** First index whose value is > `value`. */
function upperBound(values: Uint32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
