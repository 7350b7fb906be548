/**
 * Posting lists: for every UTF-16 code unit (unigram) and every pair of adjacent code units
 * (bigram) of the folded texts, the ascending ids of the messages that contain it, stored as
 * variable-length deltas in one byte buffer (about 1.2 bytes per entry on real chats rather than
 * 4). A query of one or two code units is answered by one list exactly; a longer one intersects
 * its bigrams' lists and checks the few candidates against the text.
 */
import type { Corpus } from './corpus';

export interface Postings {
  /** Unigram u: bytes[unigramOffsets[u], unigramOffsets[u + 1]) holding unigramCounts[u] ids. */
  unigramOffsets: Uint32Array;
  unigramCounts: Uint32Array;
  unigramBytes: Uint8Array;
  /** Bigram keys (first unit * 65536 + second unit), ascending; the rest is as for unigrams. */
  bigramKeys: Uint32Array;
  bigramOffsets: Uint32Array;
  bigramCounts: Uint32Array;
  bigramBytes: Uint8Array;
}

const EMPTY = new Uint32Array(0);

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  bytes[at++] = rest;
  return at;
}

/** Decodes `count` ids from bytes[start...]. */
function decode(bytes: Uint8Array, start: number, count: number): Uint32Array {
  const ids = new Uint32Array(count);
  let at = start;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let byte = bytes[at++]!;
    let value = byte & 0x7f;
    let shift = 128;
    while (byte >= 0x80) {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * shift;
      shift *= 128;
    }
    previous += value;
    ids[i] = previous;
  }
  return ids;
}

export function unigramList(postings: Postings, unit: number): Uint32Array {
  const count = postings.unigramCounts[unit]!;
  return count === 0 ? EMPTY : decode(postings.unigramBytes, postings.unigramOffsets[unit]!, count);
}

/** Where a bigram's key sits in bigramKeys, or -1. */
function findBigram(postings: Postings, key: number): number {
  const keys = postings.bigramKeys;
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = keys[middle]!;
    if (value < key) low = middle + 1;
    else if (value > key) high = middle - 1;
    else return middle;
  }
  return -1;
}

export function bigramKey(first: number, second: number): number {
  return first * 0x10000 + second;
}

export function bigramCount(postings: Postings, key: number): number {
  const slot = findBigram(postings, key);
  return slot === -1 ? 0 : postings.bigramCounts[slot]!;
}

export function bigramList(postings: Postings, key: number): Uint32Array {
  const slot = findBigram(postings, key);
  return slot === -1
    ? EMPTY
    : decode(postings.bigramBytes, postings.bigramOffsets[slot]!, postings.bigramCounts[slot]!);
}

/**
 * Open addressing over bigram keys, one slot per 4 consecutive numbers so that a probe touches
 * one cache line: the key, how many messages hold it (0 for a free slot), the bytes its list
 * needs (later: where its next entry is written) and the last id added plus one, so that a
 * message adds each bigram once. The probe loops are written out in the passes below: they run
 * once per character of the archive.
 */
const KEY = 0;
const COUNT = 1;
const BYTES = 2;
const LAST = 3;
const HASH = 0x9e3779b1;

/** A slot for `key` in a table of 2^(32 - shift) slots: the high bits of a multiplicative
 *  hash (its low bits would depend on the second character only). */
function home(key: number, shift: number): number {
  return Math.imul(key, HASH) >>> shift;
}

/** The table with twice the slots, every key moved. */
function grown(slots: Uint32Array, shift: number): Uint32Array {
  const next = new Uint32Array(slots.length * 2);
  const mask = next.length / 4 - 1;
  for (let at = 0; at < slots.length; at += 4) {
    if (slots[at + COUNT] === 0) continue;
    let slot = home(slots[at + KEY]!, shift);
    while (next[slot * 4 + COUNT] !== 0) slot = (slot + 1) & mask;
    next.set(slots.subarray(at, at + 4), slot * 4);
  }
  return next;
}

export function buildPostings(
  corpus: Corpus,
  onProgress?: (done: number, total: number) => void,
): Postings {
  const { text, textStart, textLength, count } = corpus;
  const unigramCounts = new Uint32Array(0x10000);
  const unigramSizes = new Float64Array(0x10000);
  const unigramLast = new Uint32Array(0x10000);
  let slots: Uint32Array = new Uint32Array(4 << 16);
  let mask = (slots.length >> 2) - 1;
  let shift = 16;
  let size = 0;

  // First pass: which keys exist, how many messages hold each, how many bytes each list needs.
  for (let id = 0; id < count; id++) {
    const start = textStart[id]!;
    const end = start + textLength[id]!;
    const mark = id + 1;
    let unit = end > start ? text[start]! : 0;
    for (let at = start; at < end; at++) {
      const lastUnit = unigramLast[unit]!;
      if (lastUnit !== mark) {
        unigramSizes[unit]! += varintSize(lastUnit === 0 ? id : id - (lastUnit - 1));
        unigramCounts[unit]!++;
        unigramLast[unit] = mark;
      }
      if (at + 1 === end) break;
      const next = text[at + 1]!;
      const key = unit * 0x10000 + next;
      unit = next;
      let slot = home(key, shift);
      let base = slot << 2;
      while (slots[base + COUNT] !== 0 && slots[base + KEY] !== key) {
        slot = (slot + 1) & mask;
        base = slot << 2;
      }
      const last = slots[base + LAST]!;
      if (last === mark) continue;
      if (slots[base + COUNT] === 0) {
        if (++size * 2 > mask + 1) {
          shift--;
          slots = grown(slots, shift);
          mask = (slots.length >> 2) - 1;
          slot = home(key, shift);
          while (slots[(slot << 2) + COUNT] !== 0) slot = (slot + 1) & mask;
          base = slot << 2;
        }
        slots[base + KEY] = key;
      }
      slots[base + BYTES]! += varintSize(last === 0 ? id : id - (last - 1));
      slots[base + COUNT]!++;
      slots[base + LAST] = mark;
    }
    if (onProgress && (id & 0xffff) === 0) onProgress(id, count * 2);
  }

  const unigramOffsets = new Uint32Array(0x10001);
  for (let unit = 0; unit < 0x10000; unit++)
    unigramOffsets[unit + 1] = unigramOffsets[unit]! + unigramSizes[unit]!;
  const used: number[] = [];
  for (let at = 0; at < slots.length; at += 4) if (slots[at + COUNT] !== 0) used.push(at);
  used.sort((a, b) => slots[a + KEY]! - slots[b + KEY]!);
  const bigramKeys = new Uint32Array(used.length);
  const bigramCounts = new Uint32Array(used.length);
  const bigramOffsets = new Uint32Array(used.length + 1);
  used.forEach((at, index) => {
    bigramKeys[index] = slots[at + KEY]!;
    bigramCounts[index] = slots[at + COUNT]!;
    bigramOffsets[index + 1] = bigramOffsets[index]! + slots[at + BYTES]!;
    // From here on BYTES is where the slot's next entry is written, and LAST starts over.
    slots[at + BYTES] = bigramOffsets[index]!;
    slots[at + LAST] = 0;
  });

  // Second pass: write the deltas. Every key is in the table now.
  const unigramBytes = new Uint8Array(unigramOffsets[0x10000]!);
  const bigramBytes = new Uint8Array(bigramOffsets[used.length]!);
  const unigramCursor = unigramOffsets.slice(0, 0x10000);
  unigramLast.fill(0);
  for (let id = 0; id < count; id++) {
    const start = textStart[id]!;
    const end = start + textLength[id]!;
    const mark = id + 1;
    let unit = end > start ? text[start]! : 0;
    for (let at = start; at < end; at++) {
      const lastUnit = unigramLast[unit]!;
      if (lastUnit !== mark) {
        unigramCursor[unit] = writeVarint(
          unigramBytes,
          unigramCursor[unit]!,
          lastUnit === 0 ? id : id - (lastUnit - 1),
        );
        unigramLast[unit] = mark;
      }
      if (at + 1 === end) break;
      const next = text[at + 1]!;
      const key = unit * 0x10000 + next;
      unit = next;
      let slot = home(key, shift);
      while (slots[(slot << 2) + KEY] !== key) slot = (slot + 1) & mask;
      const base = slot << 2;
      const last = slots[base + LAST]!;
      if (last === mark) continue;
      slots[base + BYTES] = writeVarint(
        bigramBytes,
        slots[base + BYTES]!,
        last === 0 ? id : id - (last - 1),
      );
      slots[base + LAST] = mark;
    }
    if (onProgress && (id & 0xffff) === 0) onProgress(count + id, count * 2);
  }
  return {
    unigramOffsets,
    unigramCounts,
    unigramBytes,
    bigramKeys,
    bigramOffsets,
    bigramCounts,
    bigramBytes,
  };
}
