/**
 * What a search found in each segment, and what the result is made of: the total, the facets and
 * one page. The positions matching the terms (often a posting list kept as it is, gramRead.ts)
 * are not copied to leave out what is not shown: for 的 they are a third of all messages and
 * fresh memory is slow to touch (copying 330k positions costs more than counting them). One pass
 * counts the shown ones by (conversation, speaker) pair and by month; a page (page.ts) skips the
 * others.
 */
import type { SearchResult } from '../../../shared/api';
import { facetsFrom } from './results';
import type { SegmentView } from './order';
import { FEATURE_SHIFT, lowerBound } from './segment';

/** What decides whether a matching message is shown (all null and 0: every one is). */
export interface Shown {
  hidden: Uint8Array | null;
  /** Per (conversation, speaker) pair: 1 when in: and from: let it pass (null: every pair). */
  allowed: Uint8Array | null;
  /** The meta column, when has: asks for features. */
  meta: Uint32Array | null;
  /** The has: features' bits, every one wanted. */
  bits: number;
}

export interface Found {
  /** Ascending positions matching the terms, shown or not. */
  matches: Uint32Array;
  shown: Shown;
  /** How many of them are shown. */
  count: number;
  /** Per pair of the segment's names, shown matches. */
  pairCounts: Uint32Array;
  /** Per month of the segment (its info.months), shown matches. */
  monthCounts: Uint32Array;
}

const NOTHING: Shown = { hidden: null, allowed: null, meta: null, bits: 0 };

export function foundNothing(): Found {
  const none = new Uint32Array(0);
  return { matches: none, shown: NOTHING, count: 0, pairCounts: none, monthCounts: none };
}

/** Counts the shown matches of a segment by pair and by month, in one pass. */
export function countFound(live: SegmentView, matches: Uint32Array, shown: Shown): Found {
  const { segment } = live;
  const pairCounts = new Uint32Array(segment.names().pairs.length / 2);
  const months = segment.file.info.months;
  const monthCounts = new Uint32Array(months.length / 2);
  const pair = matches.length === 0 ? null : segment.pair();
  const { hidden, allowed, meta, bits } = shown;
  let count = 0;
  // Positions run in time order and each month is a range of them.
  let end = 0;
  for (let m = 0; m < monthCounts.length && pair !== null; m++) {
    const start = end;
    end =
      m + 1 < monthCounts.length ? lowerBound(matches, months[m * 2 + 3]!, start) : matches.length;
    if (start === end) continue;
    monthCounts[m] =
      allowed === null && meta === null
        ? countVisible(matches, start, end, pair, hidden, pairCounts)
        : countShown(matches, start, end, pair, hidden, allowed, meta, bits, pairCounts);
    count += monthCounts[m]!;
  }
  return { matches, shown, count, pairCounts, monthCounts };
}

/**
 * The loops over every match: small functions of typed arrays alone (no object whose fields may
 * change type), which V8 optimizes whole and keeps optimized. This one for the common query,
 * which only leaves out hidden messages.
 */
function countVisible(
  matches: Uint32Array,
  start: number,
  end: number,
  pair: Uint16Array | Uint32Array,
  hidden: Uint8Array | null,
  pairCounts: Uint32Array,
): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const position = matches[i]!;
    if (hidden !== null && hidden[position] !== 0) continue;
    pairCounts[pair[position]!]!++;
    count++;
  }
  return count;
}

/** How many of matches[start, end) are shown; each counted in `pairCounts`. */
function countShown(
  matches: Uint32Array,
  start: number,
  end: number,
  pair: Uint16Array | Uint32Array,
  hidden: Uint8Array | null,
  allowed: Uint8Array | null,
  meta: Uint32Array | null,
  bits: number,
  pairCounts: Uint32Array,
): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const position = matches[i]!;
    const pairIndex = pair[position]!;
    if (!isShown(position, pairIndex, hidden, allowed, meta, bits)) continue;
    pairCounts[pairIndex]!++;
    count++;
  }
  return count;
}

function isShown(
  position: number,
  pairIndex: number,
  hidden: Uint8Array | null,
  allowed: Uint8Array | null,
  meta: Uint32Array | null,
  bits: number,
): boolean {
  return (
    (hidden === null || hidden[position] === 0) &&
    (allowed === null || allowed[pairIndex] !== 0) &&
    (meta === null || ((meta[position]! >>> FEATURE_SHIFT) & bits) === bits)
  );
}

/** From index `at` of the matches, by `step` (1 or -1), the first shown; -1 or length if none. */
export function nextShown(live: SegmentView, found: Found, at: number, step: number): number {
  const { matches, shown } = found;
  if (found.count === matches.length) return at;
  const pair = shown.allowed === null ? null : live.segment.pair();
  for (let i = at; i >= 0 && i < matches.length; i += step) {
    const position = matches[i]!;
    const pairIndex = pair === null ? 0 : pair[position]!;
    if (isShown(position, pairIndex, shown.hidden, shown.allowed, shown.meta, shown.bits)) return i;
  }
  return step > 0 ? matches.length : -1;
}

/** Conversations, people and months of the shown matches, from the counts of the pass. */
export function countFacets(
  segments: readonly SegmentView[],
  found: readonly Found[],
): SearchResult['facets'] {
  const conversations = new Map<string, number>();
  const speakers = new Map<string, number>();
  const months = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, count: number) =>
    map.set(key, (map.get(key) ?? 0) + count);
  segments.forEach(({ segment }, s) => {
    const { count, pairCounts, monthCounts } = found[s]!;
    if (count === 0) return;
    const names = segment.names();
    for (let p = 0; p < pairCounts.length; p++) {
      const pairCount = pairCounts[p]!;
      if (pairCount === 0) continue;
      add(conversations, names.conversations[names.pairs[p * 2]!]!, pairCount);
      add(speakers, names.speakers[names.pairs[p * 2 + 1]!]!, pairCount);
    }
    const monthList = segment.file.info.months;
    for (let m = 0; m < monthCounts.length; m++) {
      if (monthCounts[m] === 0) continue;
      const month = monthList[m * 2]!;
      add(
        months,
        `${String(Math.floor(month / 100)).padStart(4, '0')}-${String(month % 100).padStart(2, '0')}`,
        monthCounts[m]!,
      );
    }
  });
  return facetsFrom(conversations, speakers, months);
}
