/**
 * Message text as lines of the archive's Markdown, written so that the Markdown reader
 * (shared/readers/markdown/reader.ts) reads back exactly the same text. The reader drops blank
 * lines, trims the end of every line, splits on \r as well as \n, starts a message at `> HH:MM:SS`,
 * starts a day at `<!-- day: ... -->`, and then decodes HTML entities, twice when the first pass
 * leaves an `&` (the archive's own exporter sometimes escaped text twice). So:
 *
 * - every `&` is written `&amp;`;
 * - a line's last character, when it is a blank (space, tab, full-width space...), is written as
 *   a numeric reference (`&#x20;`), so that trimming leaves it alone and a line of blanks is not
 *   blank;
 * - a line that starts like a header or a day marker has its first character written `&gt;`
 *   or `&lt;`;
 * - a `<` that would open an HTML tag or comment is written `&lt;`: the archive is untrusted, and
 *   a Markdown viewer or a Jekyll site would otherwise run `<script>` from a message (the parser
 *   decodes it back, so the text is unchanged);
 * - a control character (C0 but tab and line feed) is written as a numeric reference, so that
 *   the file stays text (decode.ts refuses a file of many control bytes as binary), a NUL
 *   (`&#x0;`) included: the reader's decoding keeps it (shared/text/entities.ts);
 * - an empty line (the parser would drop it) becomes `&#xA;` at the end of the line above, or at
 *   the start of the line below when it comes first;
 * - when the text itself holds an `&`, the parser will decode twice, so all of the above is
 *   escaped once more (`&` -> `&amp;`).
 *
 * Text without any of these comes out unchanged, which is nearly every message of a real archive.
 */
/** What the parser would take for a message header or a day marker, with or without blanks after. */
const STRUCTURAL_START = /^(?:> \d{2}:\d{2}:\d{2}|<!-- day: )/;
/** The characters String.prototype.trim removes: what the parser treats as blank. */
const BLANK = /\s/;
const NEWLINE = '&#xA;';
/** A `<` that starts a tag, a closing tag, a comment or a processing instruction. */
const TAG_START = /<(?=[A-Za-z/!?])/g;
/** C0 controls but tab and line feed (\r among them: the parser splits lines on it). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/g;

/** The text's lines as they are written; [] for an empty message. */
export function encodeMessageText(text: string): string[] {
  if (text === '') return [];
  const physical: string[] = [];
  let current: string | null = null;
  for (const logical of text.split('\n').map(encodeLine)) {
    if (current === null) current = logical;
    else if (current === '' || logical === '') current += NEWLINE + logical;
    else {
      physical.push(current);
      current = logical;
    }
  }
  physical.push(current!);
  // The parser decodes a second time only when the first pass leaves an `&`, that is when the
  // text itself has one: then every reference must survive one more decoding.
  return text.includes('&') ? physical.map(escapeAmpersands) : physical;
}

function encodeLine(line: string): string {
  let encoded = escapeAmpersands(line).replace(CONTROL, reference).replace(TAG_START, '&lt;');
  const last = encoded.at(-1);
  if (last !== undefined && BLANK.test(last)) encoded = encoded.slice(0, -1) + reference(last);
  if (STRUCTURAL_START.test(encoded))
    encoded = (encoded[0] === '>' ? '&gt;' : '&lt;') + encoded.slice(1);
  return encoded;
}

function escapeAmpersands(text: string): string {
  return text.replaceAll('&', '&amp;');
}

function reference(character: string): string {
  return `&#x${character.codePointAt(0)!.toString(16).toUpperCase()};`;
}
