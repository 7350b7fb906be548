/**
 * Builds a segment's posting lists: for every code unit (1-gram), pair (2-gram) and triple
 * (3-gram) of adjacent code units in the folded texts, the ascending positions of the messages
 * that contain it. A query of up to three units is answered by one list exactly; a longer one
 * intersects the lists of its 3-grams and checks the few candidates against the text.
 *
 * Two passes over the text: the first finds every key, how many messages hold it and the bytes
 * its list needs; the second writes the lists into one buffer per order. 1-grams are counted in
 * plain arrays; 2- and 3-grams in open addressing tables of typed arrays (a million messages add
 * some 40 million keys: a Map would cost seconds and gigabytes). The probe loops are written out
 * in place: they run for every character of the archive.
 */
import type { TypedArray } from './segmentFile';
import { varintSize, writeVarint } from './varint';

/** Slot fields. 2-gram slots: key, count, bytes, last. 3-gram slots: high key, low key, count,
 *  bytes, last. COUNT 0 marks a free slot; BYTES is the list's size, then its write cursor; LAST
 *  is the last position added plus one, so that a message adds a key once. */
const B_STRIDE = 4;
const T_STRIDE = 5;

function hashOf(hi: number, lo: number): number {
  return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
}

interface Table {
  slots: Uint32Array;
  bits: number;
  size: number;
}

function newTable(bits: number, stride: number): Table {
  return { slots: new Uint32Array((1 << bits) * stride), bits, size: 0 };
}

/** Doubles a table, moving every key. */
function grow(table: Table, stride: number, keyFields: number): void {
  const old = table.slots;
  table.bits++;
  const slots = new Uint32Array((1 << table.bits) * stride);
  const mask = (1 << table.bits) - 1;
  const shift = 32 - table.bits;
  const countField = keyFields;
  for (let base = 0; base < old.length; base += stride) {
    if (old[base + countField] === 0) continue;
    const hi = keyFields === 2 ? old[base]! : 0;
    const lo = old[base + keyFields - 1]!;
    let slot = hashOf(hi, lo) >>> shift;
    while (slots[slot * stride + countField] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(base, base + stride), slot * stride);
  }
  table.slots = slots;
}

/**
 * The posting sections of folded texts: message `p` is `text[starts[p], starts[p + 1])`.
 * Sections per order n: `g<n>.keys` (ascending; u32, f64 for 3-grams), `g<n>.counts`,
 * `g<n>.offsets` (one more than keys: list i is bytes[offsets[i], offsets[i + 1])), `g<n>.bytes`.
 */
export function buildGrams(text: Uint16Array, starts: Uint32Array): Record<string, TypedArray> {
  const messages = starts.length - 1;
  const uniCount = new Uint32Array(0x10000);
  const uniBytes = new Float64Array(0x10000);
  const uniLast = new Uint32Array(0x10000);
  const bi = newTable(16, B_STRIDE);
  const tri = newTable(16, T_STRIDE);

  // First pass: every key, its count, the bytes its list needs.
  for (let position = 0; position < messages; position++) {
    const start = starts[position]!;
    const end = starts[position + 1]!;
    const mark = position + 1;
    for (let at = start; at < end; at++) {
      const a = text[at]!;
      const lastA = uniLast[a]!;
      if (lastA !== mark) {
        uniBytes[a]! += varintSize(lastA === 0 ? position : position - (lastA - 1));
        uniCount[a]!++;
        uniLast[a] = mark;
      }
      if (at + 1 === end) break;
      const b = text[at + 1]!;
      {
        const key = ((a << 16) | b) >>> 0;
        const mask = (1 << bi.bits) - 1;
        let slots = bi.slots;
        let base = (hashOf(0, key) >>> (32 - bi.bits)) * B_STRIDE;
        while (slots[base + 1] !== 0 && slots[base] !== key)
          base = (base + B_STRIDE) & (mask * B_STRIDE + B_STRIDE - 1);
        if (slots[base + 1] === 0) {
          if ((bi.size + 1) * 10 > (mask + 1) * 7) {
            grow(bi, B_STRIDE, 1);
            slots = bi.slots;
            const newMask = (1 << bi.bits) - 1;
            base = (hashOf(0, key) >>> (32 - bi.bits)) * B_STRIDE;
            while (slots[base + 1] !== 0)
              base = (base + B_STRIDE) & (newMask * B_STRIDE + B_STRIDE - 1);
          }
          bi.size++;
          slots[base] = key;
        }
        const last = slots[base + 3]!;
        if (last !== mark) {
          slots[base + 2]! += varintSize(last === 0 ? position : position - (last - 1));
          slots[base + 1]!++;
          slots[base + 3] = mark;
        }
      }
      if (at + 2 === end) continue;
      {
        const lo = ((b << 16) | text[at + 2]!) >>> 0;
        const mask = (1 << tri.bits) - 1;
        let slots = tri.slots;
        let slot = hashOf(a, lo) >>> (32 - tri.bits);
        let base = slot * T_STRIDE;
        while (slots[base + 2] !== 0 && (slots[base + 1] !== lo || slots[base] !== a)) {
          slot = (slot + 1) & mask;
          base = slot * T_STRIDE;
        }
        if (slots[base + 2] === 0) {
          if ((tri.size + 1) * 10 > (mask + 1) * 7) {
            grow(tri, T_STRIDE, 2);
            slots = tri.slots;
            const newMask = (1 << tri.bits) - 1;
            slot = hashOf(a, lo) >>> (32 - tri.bits);
            while (slots[slot * T_STRIDE + 2] !== 0) slot = (slot + 1) & newMask;
            base = slot * T_STRIDE;
          }
          tri.size++;
          slots[base] = a;
          slots[base + 1] = lo;
        }
        const last = slots[base + 4]!;
        if (last !== mark) {
          slots[base + 3]! += varintSize(last === 0 ? position : position - (last - 1));
          slots[base + 2]!++;
          slots[base + 4] = mark;
        }
      }
    }
  }

  // Lay the lists out in key order; BYTES becomes each list's write cursor.
  const uniKeys: number[] = [];
  for (let unit = 0; unit < 0x10000; unit++) if (uniCount[unit]! > 0) uniKeys.push(unit);
  const uniOffsets = new Uint32Array(uniKeys.length + 1);
  const uniCounts = new Uint32Array(uniKeys.length);
  const uniCursor = new Uint32Array(0x10000);
  uniKeys.forEach((unit, i) => {
    uniCounts[i] = uniCount[unit]!;
    uniCursor[unit] = uniOffsets[i]!;
    uniOffsets[i + 1] = uniOffsets[i]! + uniBytes[unit]!;
  });
  const biLayout = layout(bi, B_STRIDE, 1);
  const triLayout = layout(tri, T_STRIDE, 2);
  const uniOut = new Uint8Array(uniOffsets[uniKeys.length]!);
  const biOut = new Uint8Array(biLayout.offsets[biLayout.keys.length]!);
  const triOut = new Uint8Array(triLayout.offsets[triLayout.keys.length]!);
  uniLast.fill(0);

  // Second pass: write the gaps. Every key is in the tables now.
  const biMask = ((1 << bi.bits) - 1) * B_STRIDE + B_STRIDE - 1;
  const biShift = 32 - bi.bits;
  const triMask = (1 << tri.bits) - 1;
  const triShift = 32 - tri.bits;
  const biSlots = bi.slots;
  const triSlots = tri.slots;
  for (let position = 0; position < messages; position++) {
    const start = starts[position]!;
    const end = starts[position + 1]!;
    const mark = position + 1;
    for (let at = start; at < end; at++) {
      const a = text[at]!;
      const lastA = uniLast[a]!;
      if (lastA !== mark) {
        uniCursor[a] = writeVarint(
          uniOut,
          uniCursor[a]!,
          lastA === 0 ? position : position - (lastA - 1),
        );
        uniLast[a] = mark;
      }
      if (at + 1 === end) break;
      const b = text[at + 1]!;
      {
        const key = ((a << 16) | b) >>> 0;
        let base = (hashOf(0, key) >>> biShift) * B_STRIDE;
        while (biSlots[base] !== key || biSlots[base + 1] === 0) base = (base + B_STRIDE) & biMask;
        const last = biSlots[base + 3]!;
        if (last !== mark) {
          biSlots[base + 2] = writeVarint(
            biOut,
            biSlots[base + 2]!,
            last === 0 ? position : position - (last - 1),
          );
          biSlots[base + 3] = mark;
        }
      }
      if (at + 2 === end) continue;
      {
        const lo = ((b << 16) | text[at + 2]!) >>> 0;
        let slot = hashOf(a, lo) >>> triShift;
        let base = slot * T_STRIDE;
        while (triSlots[base + 1] !== lo || triSlots[base] !== a || triSlots[base + 2] === 0) {
          slot = (slot + 1) & triMask;
          base = slot * T_STRIDE;
        }
        const last = triSlots[base + 4]!;
        if (last !== mark) {
          triSlots[base + 3] = writeVarint(
            triOut,
            triSlots[base + 3]!,
            last === 0 ? position : position - (last - 1),
          );
          triSlots[base + 4] = mark;
        }
      }
    }
  }
  return {
    'g1.keys': Uint32Array.from(uniKeys),
    'g1.counts': uniCounts,
    'g1.offsets': uniOffsets,
    'g1.bytes': uniOut,
    'g2.keys': Uint32Array.from(biLayout.keys),
    'g2.counts': biLayout.counts,
    'g2.offsets': biLayout.offsets,
    'g2.bytes': biOut,
    'g3.keys': triLayout.keys,
    'g3.counts': triLayout.counts,
    'g3.offsets': triLayout.offsets,
    'g3.bytes': triOut,
  };
}

/** Sorted keys, counts and offsets of a table; turns BYTES into write cursors, clears LAST. */
function layout(
  table: Table,
  stride: number,
  keyFields: number,
): { keys: Float64Array; counts: Uint32Array; offsets: Uint32Array } {
  const slots = table.slots;
  const countField = keyFields;
  const keys = new Float64Array(table.size);
  let at = 0;
  for (let base = 0; base < slots.length; base += stride) {
    if (slots[base + countField] === 0) continue;
    const key = keyFields === 2 ? slots[base]! * 0x100000000 + slots[base + 1]! : slots[base]!;
    keys[at] = key;
    at++;
  }
  keys.sort();
  // Find each key's slot again (in key order) to assign its place.
  const mask = (1 << table.bits) - 1;
  const shift = 32 - table.bits;
  const offsets = new Uint32Array(keys.length + 1);
  const counts = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const hi = keyFields === 2 ? Math.floor(key / 0x100000000) : 0;
    const lo = keyFields === 2 ? key % 0x100000000 : key;
    let slot = hashOf(hi, lo) >>> shift;
    while (
      slots[slot * stride + countField] === 0 ||
      slots[slot * stride + keyFields - 1] !== lo ||
      (keyFields === 2 && slots[slot * stride] !== hi)
    )
      slot = (slot + 1) & mask;
    const base = slot * stride;
    counts[i] = slots[base + countField]!;
    offsets[i + 1] = offsets[i]! + slots[base + countField + 1]!;
    slots[base + countField + 1] = offsets[i]!;
    slots[base + countField + 2] = 0;
  }
  return { keys, counts, offsets };
}
