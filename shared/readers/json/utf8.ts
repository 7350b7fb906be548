/**
 * UTF-8 bytes pushed in chunks, decoded a chunk at a time. A character split between two chunks
 * is carried over whole; bytes that are not UTF-8 are shown as � and reported, rather than
 * stopping the file.
 */

import { Decoder } from '../../text/decode';

// The BOM is kept (the scanner reads it as a blank): a chunk may start with U+FEFF legitimately.
const strict = new Decoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new Decoder('utf-8', { ignoreBOM: true });

export interface DecodedText {
  text: string;
  /** Index in `text` of the first character that replaced bytes that are not UTF-8, or -1. */
  invalidAt: number;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/** Where an incomplete character at the end of `bytes` starts (bytes.length when none). */
function completeEnd(bytes: Uint8Array): number {
  for (let at = bytes.length - 1; at >= 0 && at >= bytes.length - 4; at--) {
    const byte = bytes[at]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) return at + sequenceLength(byte) > bytes.length ? at : bytes.length;
  }
  return bytes.length;
}

function decode(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalidAt: -1 };
  } catch {
    const text = lenient.decode(bytes);
    return { text, invalidAt: text.indexOf('\uFFFD') };
  }
}

export class Utf8Chunks {
  private carry: Uint8Array = new Uint8Array(0);

  /** The text of the next chunk; `final` for the last one (an incomplete character is then �). */
  next(chunk: Uint8Array, final = false): DecodedText {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const end = final ? bytes.length : completeEnd(bytes);
    // Copied: the caller may reuse the chunk's memory for the next one.
    this.carry = bytes.slice(end);
    return decode(end === bytes.length ? bytes : bytes.subarray(0, end));
  }
}

/** The first bytes of a file as text, for `sniff` (a character cut at the end shows as �). */
export function headText(head: Uint8Array): string {
  const text = lenient.decode(head);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
