/**
 * A message's text as HTML for the export: WeChat emoji, mentions, addresses, shared file names
 * and Markdown images as the tokenizer finds them, with the text styles of richer formats (bold,
 * code, links under words...) over them. Every piece of archive text is escaped; styles become
 * a fixed set of tags, each piece wrapped on its own so that overlapping spans still nest.
 */
import type { Message, TextStyle, Token } from '../model';
import { emojiFor, tokenize } from '../text/tokens';
import { imageKey, type ExportContext } from './context';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Addresses a link may open: the web and mail. Anything else (javascript:, file:) stays text. */
export function isSafeHref(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(href.trim());
}

/** An opening and closing tag for each style; the order here is the nesting order, outermost first. */
const STYLE_TAGS: readonly [TextStyle['kind'], string, string][] = [
  ['quote', '<span class="quote">', '</span>'],
  ['pre', '<code class="pre">', '</code>'],
  ['code', '<code>', '</code>'],
  ['bold', '<strong>', '</strong>'],
  ['italic', '<em>', '</em>'],
  ['underline', '<u>', '</u>'],
  ['strike', '<s>', '</s>'],
  ['spoiler', '<span class="spoiler">', '</span>'],
];

/** The message's text as bubble content (the bubble keeps line breaks: white-space pre-wrap). */
export function formatMessageText(message: Message, context: ExportContext): string {
  const styles = usableStyles(message.styles ?? [], message.text.length);
  let html = '';
  let offset = 0;
  for (const token of tokenize(message.text)) {
    const start = offset;
    offset += token.text.length;
    const styled = (links: boolean) => formatStyled(message.text, start, offset, styles, links);
    switch (token.kind) {
      case 'text':
        html += styled(true);
        break;
      case 'emoji': {
        const emoji = emojiFor(token.name);
        html += emoji
          ? `<span class="emoji" title="${escapeHtml(token.text)}">${escapeHtml(emoji)}</span>`
          : escapeHtml(token.text);
        break;
      }
      case 'mention':
        html += `<span class="mention">${styled(true)}</span>`;
        break;
      case 'url':
        // An address is a link already: a link style over it would nest a link in a link.
        html += `<a href="${escapeHtml(token.href)}" rel="noreferrer noopener">${styled(false)}</a>`;
        break;
      case 'file':
        html += `<span class="file">${styled(true)}</span>`;
        break;
      case 'image':
        html += formatImage(token, message, context);
        break;
      default:
        html += escapeHtml((token as Token).text);
    }
  }
  return html;
}

/** Styles whose span lies in the text and is not empty (the archive is untrusted). */
function usableStyles(styles: readonly TextStyle[], length: number): TextStyle[] {
  return styles.filter(
    (style) =>
      Number.isInteger(style.start) &&
      Number.isInteger(style.end) &&
      style.start >= 0 &&
      style.start < style.end &&
      style.end <= length,
  );
}

/** `text[start, end)` escaped, cut where styles begin and end, each piece wrapped in its styles. */
function formatStyled(
  text: string,
  start: number,
  end: number,
  styles: readonly TextStyle[],
  links: boolean,
): string {
  if (styles.length === 0) return escapeHtml(text.slice(start, end));
  const cuts = new Set([start, end]);
  for (const style of styles) {
    if (style.start > start && style.start < end) cuts.add(style.start);
    if (style.end > start && style.end < end) cuts.add(style.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const active = styles.filter((style) => style.start <= from && style.end >= to);
    let piece = escapeHtml(text.slice(from, to));
    for (const [kind, open, close] of [...STYLE_TAGS].reverse())
      if (active.some((style) => style.kind === kind)) piece = open + piece + close;
    const link = links
      ? active.find((style) => style.kind === 'link' && style.href !== undefined)
      : undefined;
    if (link?.href !== undefined && isSafeHref(link.href))
      piece = `<a class="link" href="${escapeHtml(link.href.trim())}" rel="noreferrer noopener">${piece}</a>`;
    html += piece;
  }
  return html;
}

function formatImage(
  token: Extract<Token, { kind: 'image' }>,
  message: Message,
  context: ExportContext,
): string {
  const image = context.images?.get(imageKey(message.path, token.src));
  const alt = token.alt === '' ? 'image' : token.alt;
  if (image?.kind === 'embedded')
    return `<img class="picture" src="${escapeHtml(image.dataUri)}" alt="${escapeHtml(alt)}">`;
  if (image?.kind === 'linked') {
    return `<a class="placeholder" href="${escapeHtml(image.href)}"><span class="placeholder-label">Image (too large to include): ${escapeHtml(alt)}</span><span class="placeholder-source">${escapeHtml(token.src)}</span></a>`;
  }
  return `<span class="placeholder"><span class="placeholder-label">Image not included: ${escapeHtml(alt)}</span><span class="placeholder-source">${escapeHtml(token.src)}</span></span>`;
}
