/**
 * Reading a segment's posting lists (gramBuild.ts writes them): a key is looked up in the sorted
 * keys with positioned reads, and only its list's bytes are read and decoded. Small key sections
 * are read whole on first use; large ones (3-grams of a big segment) through a sample of every
 * SAMPLE-th key, so a lookup costs two small reads instead of loading megabytes.
 *
 * Segment files never change: what a lookup finds is kept (within a count), a decoded list in
 * the lists kept across queries (kept.ts).
 */
import type { SegmentFile } from './segmentFile';
import { decodePositions } from './varint';
import { keptList, keptName } from './kept';

const SAMPLE = 64;
/** Key sections up to this many keys are read whole. */
const WHOLE = 1 << 18;

const EMPTY = new Uint32Array(0);

/** Lookups kept (a key's index and count): a few hundred bytes' worth each, cleared when full. */
const KEPT_LOOKUPS = 1 << 16;
const keptLookups = new Map<string, Lookup>();

interface Lookup {
  /** Where the key sits in the order's sorted keys, or -1. */
  index: number;
  /** How many messages hold it. */
  count: number;
}

type KeyArray = Uint32Array | Float64Array;

/** Per segment file and order: the keys (whole) or a sample of them. */
const samples = new WeakMap<SegmentFile<unknown>, Map<number, KeyArray>>();

/** The key of a gram of folded code units (1 to 3 units). */
export function gramKey(units: ArrayLike<number>, at: number, order: number): number {
  if (order === 1) return units[at]!;
  if (order === 2) return units[at]! * 0x10000 + units[at + 1]!;
  return units[at]! * 0x100000000 + units[at + 1]! * 0x10000 + units[at + 2]!;
}

/** Where `key` sits in the order's sorted keys, or -1. */
function findKey(segment: SegmentFile<unknown>, order: number, key: number): number {
  const name = `g${order}.keys`;
  const length = segment.length(name);
  if (length === 0) return -1;
  if (length <= WHOLE) return search(segment.section<KeyArray>(name), key, 0);
  let bySegment = samples.get(segment);
  if (!bySegment) samples.set(segment, (bySegment = new Map()));
  let sample = bySegment.get(order);
  if (!sample) {
    const keys = segment.range<KeyArray>(name, 0, 0);
    const every = new (keys instanceof Float64Array ? Float64Array : Uint32Array)(
      Math.ceil(length / SAMPLE),
    );
    // Read in blocks: one positioned read per block of samples rather than per sample.
    const block = SAMPLE * 4096;
    for (let start = 0; start < length; start += block) {
      const part = segment.range<KeyArray>(name, start, Math.min(block, length - start));
      for (let i = 0; i < part.length; i += SAMPLE) every[(start + i) / SAMPLE] = part[i]!;
    }
    bySegment.set(order, (sample = every));
  }
  // The last sampled key <= key names the block that may hold it.
  let low = 0;
  let high = sample.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sample[middle]! <= key) low = middle + 1;
    else high = middle;
  }
  if (low === 0) return -1;
  const start = (low - 1) * SAMPLE;
  const found = search(
    segment.range<KeyArray>(name, start, Math.min(SAMPLE, length - start)),
    key,
    0,
  );
  return found === -1 ? -1 : start + found;
}

function search(keys: KeyArray, key: number, offset: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = keys[middle]!;
    if (value < key) low = middle + 1;
    else if (value > key) high = middle - 1;
    else return offset + middle;
  }
  return -1;
}

function lookup(segment: SegmentFile<unknown>, order: number, key: number, name: string): Lookup {
  let found = keptLookups.get(name);
  if (!found) {
    const index = findKey(segment, order, key);
    const count = index === -1 ? 0 : segment.range<Uint32Array>(`g${order}.counts`, index, 1)[0]!;
    if (keptLookups.size >= KEPT_LOOKUPS) keptLookups.clear();
    keptLookups.set(name, (found = { index, count }));
  }
  return found;
}

/** How many messages hold the gram `units[at, at + order)`. */
export function gramCount(
  segment: SegmentFile<unknown>,
  units: ArrayLike<number>,
  at: number,
  order: number,
): number {
  const key = gramKey(units, at, order);
  return lookup(segment, order, key, keptName(segment, `${order}/${key}`)).count;
}

/**
 * The ascending positions of the messages holding the gram `units[at, at + order)`. The array may
 * be kept for later queries: callers never change it.
 */
export function gramList(
  segment: SegmentFile<unknown>,
  units: ArrayLike<number>,
  at: number,
  order: number,
): Uint32Array {
  const key = gramKey(units, at, order);
  const name = keptName(segment, `${order}/${key}`);
  return keptList(name, () => {
    const { index, count } = lookup(segment, order, key, name);
    if (index === -1) return EMPTY;
    const section = `g${order}`;
    const offsets = segment.range<Uint32Array>(`${section}.offsets`, index, 2);
    const bytes = segment.range<Uint8Array>(
      `${section}.bytes`,
      offsets[0]!,
      offsets[1]! - offsets[0]!,
    );
    return decodePositions(bytes, count);
  });
}
