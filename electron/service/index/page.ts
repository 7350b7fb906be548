/**
 * One page of a search's results across segments, in the one order of messages (order.ts). Within
 * a segment positions are in that order; across segments (which overlap in time when a build
 * read files in two threads) the candidates are the `offset + limit` first shown matches of each,
 * and their day, time, conversation, file and line are read in ranges of neighbours: a page of 的
 * reads a few short ranges per segment, where comparing cell by cell read hundreds of cells a
 * query and soon whole columns.
 */
import { compareStrings } from '../../../shared/archive/compare';
import { nextShown, type Found } from './found';
import type { SegmentView } from './order';
import { SECONDS_MASK } from './segment';

/** Candidates of a segment this close share one read of each column. */
const READ_GAP = 64;

interface Candidate {
  segment: number;
  position: number;
  day: number;
  seconds: number;
  conversation: string;
  file: number;
  line: number;
}

/** The ids of one page, newest or oldest first. */
export function pageOf(
  segments: readonly SegmentView[],
  found: readonly Found[],
  offset: number,
  limit: number,
  order: 'newest' | 'oldest',
): number[] {
  const step = order === 'newest' ? -1 : 1;
  const wanted = offset + limit;
  const firsts = found.map((one, s) => firstShown(segments[s]!, one, wanted, step));
  const holding = firsts.filter((positions) => positions.length > 0).length;
  if (holding <= 1) {
    // One segment: its positions are the order.
    const s = firsts.findIndex((positions) => positions.length > 0);
    if (s === -1) return [];
    const base = segments[s]!.segment.base;
    return firsts[s]!.slice(offset, wanted).map((position) => base + position);
  }
  const candidates: Candidate[] = [];
  firsts.forEach((positions, s) => {
    if (positions.length > 0) candidates.push(...keysOf(segments[s]!, s, positions));
  });
  const paths = (s: number) => segments[s]!.segment.paths();
  candidates.sort((a, b) => {
    const compared =
      a.day - b.day ||
      a.seconds - b.seconds ||
      compareStrings(a.conversation, b.conversation) ||
      (a.segment === b.segment
        ? a.position - b.position
        : compareStrings(paths(a.segment)[a.file]!, paths(b.segment)[b.file]!) ||
          a.line - b.line ||
          a.segment - b.segment);
    return compared * step;
  });
  return candidates
    .slice(offset, wanted)
    .map(({ segment, position }) => segments[segment]!.segment.base + position);
}

/** Up to `wanted` shown positions of a segment from the end `step` starts at, in that order. */
function firstShown(live: SegmentView, found: Found, wanted: number, step: number): number[] {
  const positions: number[] = [];
  const { matches } = found;
  let at = nextShown(live, found, step < 0 ? matches.length - 1 : 0, step);
  while (positions.length < wanted && at >= 0 && at < matches.length) {
    positions.push(matches[at]!);
    at = nextShown(live, found, at + step, step);
  }
  return positions;
}

/** The ordering fields of a segment's candidates, read a run of near neighbours at a time. */
function keysOf(live: SegmentView, s: number, positions: number[]): Candidate[] {
  const { segment } = live;
  const names = segment.names();
  const sorted = [...positions].sort((a, b) => a - b);
  const out: Candidate[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]! - sorted[j - 1]! < READ_GAP) j++;
    const first = sorted[i]!;
    const count = sorted[j - 1]! - first + 1;
    const day = segment.file.range<Uint32Array>('day', first, count);
    const meta = segment.file.range<Uint32Array>('meta', first, count);
    const pair = segment.file.range<Uint16Array | Uint32Array>('pair', first, count);
    const file = segment.file.range<Uint16Array | Uint32Array>('file', first, count);
    const line = segment.file.range<Uint32Array>('line', first, count);
    for (let k = i; k < j; k++) {
      const at = sorted[k]! - first;
      out.push({
        segment: s,
        position: sorted[k]!,
        day: day[at]!,
        seconds: meta[at]! & SECONDS_MASK,
        conversation: names.conversations[names.pairs[pair[at]! * 2]!]!,
        file: file[at]!,
        line: line[at]!,
      });
    }
    i = j;
  }
  return out;
}
