import { decodeHTML } from 'entities';

/**
 * A reference to NUL (`&#0;`, `&#x0;`): HTML decodes it to U+FFFD, but the Markdown export writes
 * a NUL of a message this way (export/markdownText.ts), so it reads back as NUL.
 */
const NUL_REFERENCE = /&#(?:0+|[xX]0+);/;

/**
 * Decodes HTML entities in message text. The exporter sometimes escaped text twice
 * (`Spring&amp;#160;Boot`), so a second pass decodes what the first one uncovered.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  return once.includes('&') ? decodeOnce(once) : once;
}

function decodeOnce(text: string): string {
  return text
    .split(NUL_REFERENCE)
    .map((part) => decodeHTML(part))
    .join('\u0000');
}
