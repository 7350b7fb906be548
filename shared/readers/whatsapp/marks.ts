/**
 * The invisible characters WhatsApp writes into its exports: bidirectional marks around names,
 * system lines and attachments (U+200E on iOS), the BOM, and spaces other than U+0020 inside
 * times and names (`11:23\u202fPM`, `p.\u00a0m.`, `~\u202fAna`). Nobody types them, so the
 * line grammar and names ignore them; message text keeps everything but a leading mark.
 */

/** Bidirectional controls and the BOM. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
/** No-break, figure, thin and narrow no-break spaces. */
const ODD_SPACE = /[\u00a0\u2007\u2009\u202f]/;
const ODD_SPACE_ALL = new RegExp(ODD_SPACE.source, 'g');
const ANY_MARK = new RegExp(`${INVISIBLE.source}|${ODD_SPACE.source}`);
const LEADING_MARKS = /^[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/;

/** `text` without invisible marks, its odd spaces written as plain spaces. */
export function plainText(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  return text.replace(INVISIBLE_ALL, '').replace(ODD_SPACE_ALL, ' ');
}

/** `text` without the marks WhatsApp puts before system lines, attachments and edits. */
export function withoutLeadingMarks(text: string): string {
  return text.replace(LEADING_MARKS, '');
}

/** Whether `text` starts with a mark: on iOS, the sign of a line WhatsApp wrote itself. */
export function startsWithMark(text: string): boolean {
  return LEADING_MARKS.test(text);
}

/** A name as shown: marks removed, odd spaces plain, blanks trimmed. */
export function cleanName(name: string): string {
  return plainText(name).trim();
}

/** Whether a UTF-16 code unit is a bidirectional control or the BOM. */
function isInvisible(code: number): boolean {
  return (
    code === 0x200e ||
    code === 0x200f ||
    code === 0xfeff ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function isOddSpace(code: number): boolean {
  return code === 0x00a0 || code === 0x2007 || code === 0x2009 || code === 0x202f;
}

/**
 * The plain form of the first `limit` characters of `line` (after dropping marks), and for each
 * of its positions the index in `line` it came from (null when they are the same), so a match on
 * the plain form can be cut out of the original line. Linear in `limit`, whatever the line's
 * length.
 */
export function plainPrefix(
  line: string,
  limit: number,
): { text: string; origin: number[] | null } {
  const head = line.length > limit ? line.slice(0, limit) : line;
  let plain = true;
  for (let index = 0; index < head.length && plain; index++) {
    const code = head.charCodeAt(index);
    plain = code < 0xa0 || (!isInvisible(code) && !isOddSpace(code));
  }
  // Most lines hold no marks: they are their own plain form.
  if (plain) return { text: head, origin: null };
  const codes: number[] = [];
  const origin: number[] = [];
  let index = 0;
  for (; index < line.length && codes.length < limit; index++) {
    const code = line.charCodeAt(index);
    if (isInvisible(code)) continue;
    origin.push(index);
    codes.push(isOddSpace(code) ? 0x20 : code);
  }
  origin.push(index);
  return { text: String.fromCharCode(...codes), origin };
}
