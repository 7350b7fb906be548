/**
 * An index segment: a batch of messages (all of an archive's at the first opening; the changed
 * files' later) in time order, with everything search, views and summaries need:
 *
 *   day          u32   YYYYMMDD of each message (ascending)
 *   meta         u32   seconds since midnight (bits 0-16) | event (bit 17) | features (18-25)
 *                      | has a sourceId (bit 26)
 *   pair     u16/u32   index of (conversation, speaker) in the names section
 *   file     u16/u32   source file (index into paths)
 *   line         u32   1-based line in it
 *   key          u32   hash of (day, time, speaker, text): copies share it (store/copies.ts)
 *   text.starts  u32   message p's text is text[starts[p], starts[p + 1]): what is shown, then
 *   text         u16   (for some) a searchable suffix such as attachment names, original case
 *   keys.sorted  f64   key * 2^21 + position, ascending: joins find copies without a table
 *   refs         f64   (hash29(ref) * 4 + kind) * 2^21 + position, ascending: sourceIds,
 *                      thread parents, so replies and threads are found by lookup
 *   extras.*           the rich parts of the few messages that have them (JSON per message)
 *   names        u8    JSON: conversations, speakers, pairs
 *   paths        u8    JSON: the source files' paths
 *   g1.* g2.* g3.*     posting lists of 1-, 2- and 3-grams of the folded texts (gramBuild.ts)
 *
 * A message's id is the segment's base + its position. Bases are handed out from a counter that
 * never goes back, so an id never names another message, even after its segment is gone.
 */
import { dayOfNumber } from '../../../shared/dates';
import { SegmentFile } from './segmentFile';

/** Positions take 21 bits in packed sort keys: a segment holds fewer messages than this. */
export const MAX_SEGMENT_MESSAGES = (1 << 21) - 1;
export const POSITION_FACTOR = 1 << 21;

export const SECONDS_MASK = 0x1ffff;
export const EVENT_BIT = 1 << 17;
export const FEATURE_SHIFT = 18;
export const SOURCE_BIT = 1 << 26;

/** Kinds of references in the refs section. */
export const REF_SOURCE = 1;
export const REF_THREAD = 2;

export interface SegmentInfo {
  base: number;
  count: number;
  /** Flattened [YYYYMM, first position] of each month present, ascending. */
  months: number[];
}

export interface SegmentNames {
  conversations: string[];
  speakers: string[];
  /** Flattened [conversation index, speaker index] per pair. */
  pairs: number[];
}

/** A column of small numbers: 16 bits wide when every value fits. */
export type NarrowColumn = Uint16Array | Uint32Array;

export class Segment {
  readonly file: SegmentFile<SegmentInfo>;
  private namesCache: SegmentNames | null = null;
  private pathsCache: string[] | null = null;
  private daysCache: { first: number; last: number } | null = null;

  constructor(path: string) {
    this.file = new SegmentFile<SegmentInfo>(path);
  }

  get base(): number {
    return this.file.info.base;
  }

  get count(): number {
    return this.file.info.count;
  }

  get end(): number {
    return this.base + this.count;
  }

  names(): SegmentNames {
    if (!this.namesCache) {
      const bytes = this.file.section<Uint8Array>('names');
      this.namesCache = JSON.parse(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      ) as SegmentNames;
    }
    return this.namesCache;
  }

  /** The source files' paths, indexed by the file column. */
  paths(): string[] {
    if (!this.pathsCache) {
      const bytes = this.file.section<Uint8Array>('paths');
      this.pathsCache = JSON.parse(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      ) as string[];
    }
    return this.pathsCache;
  }

  day(): Uint32Array {
    return this.file.section('day');
  }

  meta(): Uint32Array {
    return this.file.section('meta');
  }

  pair(): NarrowColumn {
    return this.file.section('pair');
  }

  /** The file column: an index into paths(). */
  files(): NarrowColumn {
    return this.file.section('file');
  }

  /** The texts of positions [start, end) as strings (display part and search suffix together). */
  texts(start: number, end: number): string[] {
    if (end <= start) return [];
    const starts = this.file.range<Uint32Array>('text.starts', start, end - start + 1);
    const units = this.file.range<Uint16Array>(
      'text',
      starts[0]!,
      starts[end - start]! - starts[0]!,
    );
    const texts: string[] = new Array(end - start);
    const bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
    for (let i = 0; i < texts.length; i++)
      texts[i] = bytes.toString(
        'utf16le',
        (starts[i]! - starts[0]!) * 2,
        (starts[i + 1]! - starts[0]!) * 2,
      );
    return texts;
  }

  /** The extras (JSON) of positions [start, end) that have them, by position. */
  extras(start: number, end: number): Map<number, string> {
    const found = new Map<number, string>();
    if (this.file.length('extras.positions') === 0) return found;
    const positions = this.file.section<Uint32Array>('extras.positions');
    const low = lowerBound(positions, start);
    const high = lowerBound(positions, end, low);
    if (high === low) return found;
    const offsets = this.file.range<Uint32Array>('extras.offsets', low, high - low + 1);
    const first = offsets[0]!;
    const bytes = this.file.range<Uint8Array>('extras.bytes', first, offsets[high - low]! - first);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = low; i < high; i++)
      found.set(
        positions[i]!,
        buffer.toString('utf8', offsets[i - low]! - first, offsets[i - low + 1]! - first),
      );
    return found;
  }

  /** Its first and last days (YYYYMMDD), two cells read once. */
  days(): { first: number; last: number } {
    if (!this.daysCache)
      this.daysCache =
        this.count === 0
          ? { first: 0, last: 0 }
          : { first: this.file.at('day', 0), last: this.file.at('day', this.count - 1) };
    return this.daysCache;
  }

  dayOf(position: number): string {
    return dayOfNumber(this.day()[position]!);
  }

  close(): void {
    this.file.close();
  }
}

/** First index whose value is >= `value`. */
export function lowerBound(
  values: ArrayLike<number>,
  value: number,
  from = 0,
  to = values.length,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `HH:MM:SS` of seconds since midnight. */
export function timeOfSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}
