/**
 * Bytes to text. Archives come from many tools: UTF-8 with or without a BOM, UTF-16 with a BOM
 * (Windows editors), and GB18030/GBK (Chinese Windows tools). Binary files must be recognised and
 * skipped rather than shown as noise.
 */

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
      warning?: string;
    }
  | { ok: false; reason: string };

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

// TextDecoder exists in Node, Electron and browsers alike; shared/ is compiled without either
// platform's types, so it is looked up from the global object.
export const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderConstructor })
  .TextDecoder;

/** How many bytes at the start are examined to tell text from binary. */
const SNIFF_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new Decoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new Decoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };
  }
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
  }
  if (looksBinary(body)) {
    return { ok: false, reason: 'it is a binary file, not text' };
  }
  try {
    return {
      ok: true,
      text: new Decoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
    };
  } catch {
    // Not valid UTF-8: Chinese Windows tools write GB18030 (a superset of GBK and GB2312).
  }
  const utf8 = new Decoder('utf-8', { ignoreBOM: true }).decode(body);
  const gb = new Decoder('gb18030').decode(body);
  const utf8Bad = countReplacements(utf8);
  const gbBad = countReplacements(gb);
  if (gbBad < utf8Bad) {
    return gbBad === 0
      ? { ok: true, text: gb, encoding: 'gb18030' }
      : {
          ok: true,
          text: gb,
          encoding: 'gb18030',
          warning: `${gbBad} invalid byte sequences were replaced with �`,
        };
  }
  return {
    ok: true,
    text: utf8,
    encoding: 'utf-8',
    warning: `${utf8Bad} invalid UTF-8 byte sequences were replaced with �`,
  };
}

/** A NUL byte, or many control bytes, near the start: text files have neither. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return end > 0 && controls / end > 0.1;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}
