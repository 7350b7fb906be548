/**
 * Case folding for search, applied identically to message text and to queries. It maps each
 * UTF-16 code unit (or surrogate pair) to exactly as many code units, so an offset into folded
 * text is the same offset into the original: highlights need no mapping back.
 *
 * What it folds: Unicode simple case folding (the lower case of the upper case, as
 * CaseFolding.txt's C and S mappings do: `Σ`, `σ` and `ς` are one letter; `K` the Kelvin sign is
 * `k`), full-width ASCII (`ＡＢＣ１２３` is `abc123`) and the ideographic space. Foldings that would
 * change the length (`ß` to `ss`) are left out so offsets stay exact.
 */

/** Folded value of each BMP code unit met so far (surrogates map to themselves). Filled on
 *  first use of each unit: computing all 65,536 at start would cost every command 0.3 s. */
const BMP_FOLD = new Uint16Array(0x10000);
const KNOWN = new Uint8Array(0x10000);

function foldUnit(unit: number): number {
  if (KNOWN[unit] === 1) return BMP_FOLD[unit]!;
  const folded = unit >= 0xd800 && unit <= 0xdfff ? unit : foldCodePoint(unit);
  BMP_FOLD[unit] = folded;
  KNOWN[unit] = 1;
  return folded;
}

/** The folded code point of one code point; always the same UTF-16 length as the original. */
function foldCodePoint(codePoint: number): number {
  let point = codePoint;
  if (point >= 0xff01 && point <= 0xff5e) point -= 0xfee0;
  else if (point === 0x3000) point = 0x20;
  const original = String.fromCodePoint(point);
  const viaUpper = original.toUpperCase().toLowerCase();
  const candidate = [...viaUpper].length === 1 ? viaUpper : original.toLowerCase();
  if ([...candidate].length !== 1) return point;
  const folded = candidate.codePointAt(0)!;
  return folded > 0xffff === point > 0xffff ? folded : point;
}

/** Astral code points that fold (Deseret, Osage, Adlam ... letters), found on first use. */
const astralCache = new Map<number, number>();

function foldAstral(codePoint: number): number {
  let folded = astralCache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePoint(codePoint);
    astralCache.set(codePoint, folded);
  }
  return folded;
}

/** Code units folded at a time: small buffers, never one JS value per character. */
const CHUNK = 8192;

/**
 * Folds a string; the result has the same length, offset for offset. Memory stays proportional
 * to the text's own size, whatever its length (a single message may be hundreds of megabytes).
 */
export function foldText(text: string): string {
  const first = firstChange(text);
  if (first === -1) return text;
  const parts: string[] = [text.slice(0, first)];
  const buffer = new Uint16Array(CHUNK + 1);
  for (let start = first; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    // A surrogate pair folds as one code point, so it never straddles two chunks.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    foldRange(text, start, end, buffer, 0);
    parts.push(
      String.fromCharCode.apply(null, buffer.subarray(0, end - start) as unknown as number[]),
    );
    start = end;
  }
  return parts.join('');
}

/**
 * Folds `text` into `target` from `offset` (code units), for indexes that keep text in typed
 * arrays. Returns the offset after the last unit written. `target` must have room.
 */
export function foldInto(text: string, target: Uint16Array, offset: number): number {
  foldRange(text, 0, text.length, target, offset);
  return offset + text.length;
}

/** Folds text[start, end) into target from offset. */
function foldRange(
  text: string,
  start: number,
  end: number,
  target: Uint16Array,
  offset: number,
): void {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    const at = offset + i - start;
    if (isHighSurrogate(unit) && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const folded = foldAstral((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        target[at] = 0xd800 + ((folded - 0x10000) >> 10);
        target[at + 1] = 0xdc00 + ((folded - 0x10000) & 0x3ff);
        i++;
        continue;
      }
    }
    target[at] = foldUnit(unit);
  }
}

/** The offset of the first code unit folding changes, or -1 when the text is already folded. */
function firstChange(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        if (foldAstral(point) !== point) return i;
        i++;
        continue;
      }
    }
    if (foldUnit(unit) !== unit) return i;
  }
  return -1;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Folds code units `source[start, end)` into `target` from `offset` (the two may be the same
 * array, in place): for indexes that keep texts as UTF-16 code units. Returns the offset after.
 */
export function foldUnits(
  source: Uint16Array,
  start: number,
  end: number,
  target: Uint16Array,
  offset: number,
): number {
  let out = offset;
  for (let i = start; i < end; i++) {
    const unit = source[i]!;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const low = source[i + 1]!;
      if (low >= 0xdc00 && low <= 0xdfff) {
        const folded = foldAstral((unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        target[out++] = 0xd800 + ((folded - 0x10000) >> 10);
        target[out++] = 0xdc00 + ((folded - 0x10000) & 0x3ff);
        i++;
        continue;
      }
    }
    target[out++] = foldUnit(unit);
  }
  return out;
}
