/**
 * The order of messages across segments (shared/model.ts `compareMessages` states it): by day,
 * time, conversation, source file and line. Within a segment it is the order of positions.
 */
import { compareStrings } from '../../../shared/archive/compare';
import { SECONDS_MASK, type Segment } from './segment';

/** A segment as queries see it: which of its messages are not shown (null: all are). */
export interface SegmentView {
  segment: Segment;
  /** Per position: 0 when shown, else the Hidden reasons (store/rows.ts). */
  hidden: Uint8Array | null;
}

/** Compares message `a` of segment `sa` with message `b` of segment `sb`. */
export function compareAt(sa: Segment, a: number, sb: Segment, b: number): number {
  if (sa === sb) return a - b;
  // Segments mostly follow one another in time: then their order is their messages' order, and
  // merging a page of results across them reads no cell at all.
  const daysA = sa.days();
  const daysB = sb.days();
  if (daysA.last < daysB.first) return -1;
  if (daysB.last < daysA.first) return 1;
  // Cell by cell: a page of results compares a few dozen messages, not whole columns.
  const dayA = sa.file.at('day', a);
  const dayB = sb.file.at('day', b);
  if (dayA !== dayB) return dayA - dayB;
  const secondsA = sa.file.at('meta', a) & SECONDS_MASK;
  const secondsB = sb.file.at('meta', b) & SECONDS_MASK;
  if (secondsA !== secondsB) return secondsA - secondsB;
  const namesA = sa.names();
  const namesB = sb.names();
  const conversation = compareStrings(
    namesA.conversations[namesA.pairs[sa.file.at('pair', a) * 2]!]!,
    namesB.conversations[namesB.pairs[sb.file.at('pair', b) * 2]!]!,
  );
  if (conversation !== 0) return conversation;
  const path = compareStrings(
    sa.paths()[sa.file.at('file', a)]!,
    sb.paths()[sb.file.at('file', b)]!,
  );
  if (path !== 0) return path;
  return sa.file.at('line', a) - sb.file.at('line', b);
}
