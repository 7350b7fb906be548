/**
 * Lists of positions kept from one query to the next: decoded posting lists (gramRead.ts) and the
 * checked matches of long terms (match.ts). A segment file never changes while it is open, so a
 * kept list never goes stale; what is hidden is applied afresh by every query (found.ts). The
 * same common gram comes back with every refinement of a query and every further page: decoding
 * 的's list of a 2M-message segment costs some 5 ms, checking a long term's candidates' texts
 * thousands of reads.
 */
import type { SegmentFile } from './segmentFile';

/** Bytes kept: 的 over 10M messages (3.3M positions) takes 13 MB of it. */
const KEPT_BYTES = 48 << 20;

/** Each open file gets a number, so that a kept entry can name it without holding it. */
const serials = new WeakMap<SegmentFile<unknown>, number>();
let nextSerial = 0;
/** By file and name, least recently used first. */
const kept = new Map<string, Uint32Array>();
let keptBytes = 0;

/** A name for something of `segment` that no other open or closed file shares. */
export function keptName(segment: SegmentFile<unknown>, name: string): string {
  let serial = serials.get(segment);
  if (serial === undefined) serials.set(segment, (serial = nextSerial++));
  return `${serial}/${name}`;
}

/** The list kept under `name` (keptName), else made by `make` and kept. Callers never change it. */
export function keptList(name: string, make: () => Uint32Array): Uint32Array {
  let list = kept.get(name);
  if (list) {
    // Most recently used goes last.
    kept.delete(name);
    kept.set(name, list);
    return list;
  }
  list = make();
  if (list.byteLength > KEPT_BYTES / 2) return list;
  kept.set(name, list);
  keptBytes += list.byteLength;
  for (const [oldest, old] of kept) {
    if (keptBytes <= KEPT_BYTES) break;
    kept.delete(oldest);
    keptBytes -= old.byteLength;
  }
  return list;
}
