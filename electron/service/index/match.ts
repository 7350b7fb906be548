/**
 * Which messages of one segment contain a term, exactly: every substring of one or more code
 * units of the folded text, CJK included (which is why this is no word index like SQLite's FTS5:
 * Chinese has no spaces, and a one- or two-character query must find every message holding it).
 * Terms of up to three units are one posting list; longer ones intersect the lists of their
 * 3-grams, rarest first, and read the candidates' texts to check them, near ones in one read.
 */
import { foldUnits } from '../../../shared/query/fold';
import { gramCount, gramList } from './gramRead';
import type { Segment } from './segment';
import { intersect } from './sets';
import { keptList, keptName } from './kept';

/**
 * Candidates are narrowed by more lists only while a list is not much longer than them: a list is
 * kept decoded (gramRead.ts) and intersecting costs nanoseconds an entry, while checking one
 * candidate's text costs a read and a fold, some microseconds.
 */
const NARROW_FACTOR = 256;
/** The same, for a gram whose units the grams intersected already hold. */
const NARROW_COVERED = 4;
/**
 * Candidates this close share one read of their text starts (4 bytes a message: a gap costs at
 * most 16 KB of reading). A read costs some microseconds, as much as copying tens of kilobytes
 * from the page cache, and a long term's candidates number thousands in a big segment.
 */
const STARTS_GAP = 4096;
/** Texts whose units are this close are read in one go (32 KB of gap at most). */
const TEXT_GAP = 16384;
/** Most code units one read takes, so that memory stays small when candidates are dense. */
const READ_MOST = 1 << 20;
/** Where the candidates' starts and texts are read, kept from one query to the next. */
const startsScratch = { buffer: new ArrayBuffer(1 << 16) };
const textScratch = { buffer: new ArrayBuffer(1 << 16) };

export function unitsOf(term: string): Uint16Array {
  const units = new Uint16Array(term.length);
  for (let i = 0; i < term.length; i++) units[i] = term.charCodeAt(i);
  return units;
}

/** How many positions the term's rarest list holds: what matching it costs. */
export function termCost(segment: Segment, units: Uint16Array): number {
  if (units.length <= 3) return gramCount(segment.file, units, 0, units.length);
  let least = Infinity;
  for (let at = 0; at + 3 <= units.length; at++)
    least = Math.min(least, gramCount(segment.file, units, at, 3));
  return least;
}

/** The ascending positions of the segment whose text contains `units`. */
export function termPositions(segment: Segment, units: Uint16Array): Uint32Array {
  if (units.length === 0) return new Uint32Array(0);
  if (units.length <= 3) return gramList(segment.file, units, 0, units.length);
  // Checked against the texts once, kept for the next query (kept.ts).
  return keptList(
    keptName(
      segment.file,
      `term/${Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le')}`,
    ),
    () => checkedPositions(segment, units),
  );
}

/** Intersects the term's 3-grams' lists, then checks the candidates' texts. */
function checkedPositions(segment: Segment, units: Uint16Array): Uint32Array {
  const grams: { at: number; count: number }[] = [];
  for (let at = 0; at + 3 <= units.length; at++) {
    const count = gramCount(segment.file, units, at, 3);
    if (count === 0) return new Uint32Array(0);
    grams.push({ at, count });
  }
  const order = narrowingOrder(grams);
  let candidates = gramList(segment.file, units, order[0]!.at, 3);
  // Units of the term some intersected gram holds: a gram adding none narrows little.
  const covered = new Uint8Array(units.length);
  covered.fill(1, order[0]!.at, order[0]!.at + 3);
  for (let i = 1; i < order.length && candidates.length > 16; i++) {
    const { at, count } = order[i]!;
    const adds = covered[at] === 0 || covered[at + 1] === 0 || covered[at + 2] === 0;
    if (count > candidates.length * (adds ? NARROW_FACTOR : NARROW_COVERED)) continue;
    candidates = intersect(candidates, gramList(segment.file, units, at, 3));
    covered.fill(1, at, at + 3);
  }
  return keepContaining(segment, candidates, units, true);
}

/**
 * The order in which to intersect a term's 3-grams: rarest first, but one that shares no unit
 * with those taken before it goes ahead of one that does. Overlapping grams hold much the same
 * messages (支付机 and 付机构 both come from 支付机构): the rarest and 第三方 leave 1,900 of 18,000
 * candidates in a 2M-message segment, and the three grams between them then remove almost none.
 */
function narrowingOrder(
  grams: readonly { at: number; count: number }[],
): { at: number; count: number }[] {
  const left = [...grams].sort((a, b) => a.count - b.count);
  const order: { at: number; count: number }[] = [];
  while (left.length > 0) {
    const apart = left.findIndex((gram) =>
      order.every((taken) => Math.abs(taken.at - gram.at) >= 3),
    );
    order.push(...left.splice(apart === -1 ? 0 : apart, 1));
  }
  return order;
}

/** The positions of `positions` whose text contains `units` (or, `wanted` false, does not). */
export function keepContaining(
  segment: Segment,
  positions: Uint32Array,
  units: Uint16Array,
  wanted: boolean,
): Uint32Array {
  const out = new Uint32Array(positions.length);
  let count = 0;
  let scratch = new Uint16Array(256);
  for (let i = 0; i < positions.length;) {
    // A window of near neighbours: one read of their starts.
    const first = positions[i]!;
    let j = i + 1;
    while (
      j < positions.length &&
      positions[j]! - positions[j - 1]! < STARTS_GAP &&
      positions[j]! - first < READ_MOST
    )
      j++;
    const starts = segment.file.rangeInto<Uint32Array>(
      'text.starts',
      first,
      positions[j - 1]! - first + 2,
      startsScratch,
    );
    const startOf = (k: number) => starts[positions[k]! - first]!;
    const endOf = (k: number) => starts[positions[k]! - first + 1]!;
    for (let k = i; k < j;) {
      // Within it, texts close to one another: one read of text.
      let m = k + 1;
      while (m < j && startOf(m) - endOf(m - 1) < TEXT_GAP && endOf(m) - startOf(k) < READ_MOST)
        m++;
      const base = startOf(k);
      const text = segment.file.rangeInto<Uint16Array>(
        'text',
        base,
        endOf(m - 1) - base,
        textScratch,
      );
      for (let n = k; n < m; n++) {
        const start = startOf(n) - base;
        const end = endOf(n) - base;
        if (scratch.length < end - start) scratch = new Uint16Array((end - start) * 2);
        const length = foldUnits(text, start, end, scratch, 0);
        if (contains(scratch, length, units) === wanted) out[count++] = positions[n]!;
      }
      k = m;
    }
    i = j;
  }
  return out.subarray(0, count);
}

function contains(text: Uint16Array, length: number, units: Uint16Array): boolean {
  const last = length - units.length;
  const head = units[0]!;
  outer: for (let at = 0; at <= last; at++) {
    if (text[at] !== head) continue;
    for (let k = 1; k < units.length; k++) if (text[at + k] !== units[k]) continue outer;
    return true;
  }
  return false;
}
