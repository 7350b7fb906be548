/**
 * Posting lists are ascending positions stored as the differences between neighbours, each in
 * 7-bit groups (1 byte for a gap under 128): about 1.1 bytes per entry on real chats, not 4.
 */

export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  bytes[at++] = rest;
  return at;
}

/** Decodes `count` ascending positions from `bytes` (the first is stored as is). */
export function decodePositions(bytes: Uint8Array, count: number): Uint32Array {
  const positions = new Uint32Array(count);
  let at = 0;
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
    positions[i] = previous;
  }
  return positions;
}
