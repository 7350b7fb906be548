/**
 * What a message carries under its text, in the HTML export: its files, link previews and
 * reactions. An attached photo or sticker the Node side could read arrives embedded in the
 * context (attachmentKey) and shows as a picture; one too large comes as a link to click; any
 * other shows as a placeholder naming it. Other files are cards with their name, kind, length and
 * size. Nothing here is fetched: addresses on the web are links to click, never images to load.
 */
import type { Attachment, LinkCard, Reaction } from '../model';
import { attachmentKey, type ExportContext, type ExportImage } from './context';
import { attachmentFacts, attachmentKindLabel } from './describe';
import { escapeHtml, isSafeHref } from './htmlText';

const ICONS: Record<Attachment['kind'], string> = {
  image: '🖼',
  sticker: '✨',
  video: '🎬',
  audio: '🎵',
  voice: '🎤',
  file: '📄',
};

export function formatAttachments(
  attachments: readonly Attachment[],
  context: ExportContext,
): string {
  if (attachments.length === 0) return '';
  const items = attachments.map((attachment) => {
    const image =
      attachment.path === null ? undefined : context.images?.get(attachmentKey(attachment.path));
    return attachment.kind === 'image' || attachment.kind === 'sticker'
      ? formatPicture(attachment, image)
      : formatFileCard(attachment, image);
  });
  return `<div class="attachments">${items.join('')}</div>`;
}

function formatPicture(attachment: Attachment, image: ExportImage | undefined): string {
  const name = escapeHtml(attachment.name);
  const kind = capitalised(attachmentKindLabel(attachment.kind));
  if (image?.kind === 'embedded') {
    const width = pixels(attachment.width);
    const height = pixels(attachment.height);
    // Its own size, so the page does not jump as it lays out; CSS scales it down to fit.
    const size = width && height ? ` width="${width}" height="${height}"` : '';
    return `<img class="attachment ${attachment.kind === 'sticker' ? 'sticker' : 'picture'}" src="${escapeHtml(image.dataUri)}" alt="${name}" title="${name}"${size}>`;
  }
  // The link to a file too large to embed comes from the Node side, which made it.
  if (image?.kind === 'linked')
    return placeholder(
      `${kind} (too large to include): ${name}`,
      attachment.path ?? '',
      image.href,
    );
  if (attachment.path !== null)
    return placeholder(`${kind} not included: ${name}`, attachment.path);
  if (attachment.url !== undefined) {
    const href = isSafeHref(attachment.url) ? attachment.url.trim() : undefined;
    return placeholder(`${kind} on the web, not loaded: ${name}`, attachment.url, href);
  }
  return placeholder(`${kind} left out of the chat export: ${name}`, '');
}

/** A dashed box naming what is not shown (`label` is HTML); a link when there is one to click. */
function placeholder(label: string, source: string, href?: string): string {
  const inner =
    `<span class="placeholder-label">${label}</span>` +
    (source === '' ? '' : `<span class="placeholder-source">${escapeHtml(source)}</span>`);
  return href === undefined
    ? `<span class="attachment placeholder">${inner}</span>`
    : `<a class="attachment placeholder" href="${escapeHtml(href)}" rel="noreferrer noopener">${inner}</a>`;
}

/** A size in pixels worth writing into an attribute, or 0. */
function pixels(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

function formatFileCard(attachment: Attachment, file: ExportImage | undefined): string {
  const facts = attachmentFacts(attachment);
  if (attachment.path === null && attachment.url === undefined)
    facts.push('left out of the chat export');
  const inner =
    `<span class="file-icon" aria-hidden="true">${ICONS[attachment.kind]}</span>` +
    `<span class="file-name">${escapeHtml(attachment.name)}</span>` +
    `<span class="file-facts">${escapeHtml(facts.join(' · '))}</span>`;
  const href =
    file?.kind === 'linked'
      ? file.href
      : attachment.url !== undefined && isSafeHref(attachment.url)
        ? attachment.url.trim()
        : undefined;
  return href === undefined
    ? `<span class="attachment file-card">${inner}</span>`
    : `<a class="attachment file-card" href="${escapeHtml(href)}" rel="noreferrer noopener">${inner}</a>`;
}

/** Link previews: title, description and address; a link only to the web. */
export function formatLinkCards(cards: readonly LinkCard[]): string {
  if (cards.length === 0) return '';
  const items = cards.map((card) => {
    const inner =
      (card.title ? `<span class="card-title">${escapeHtml(card.title)}</span>` : '') +
      (card.description
        ? `<span class="card-description">${escapeHtml(card.description)}</span>`
        : '') +
      `<span class="card-url">${escapeHtml(card.url)}</span>`;
    return isSafeHref(card.url)
      ? `<a class="link-card" href="${escapeHtml(card.url.trim())}" rel="noreferrer noopener">${inner}</a>`
      : `<span class="link-card">${inner}</span>`;
  });
  return `<div class="link-cards">${items.join('')}</div>`;
}

/** Reactions as chips: the emoji and how many, who reacted in the tooltip when known. */
export function formatReactions(reactions: readonly Reaction[]): string {
  if (reactions.length === 0) return '';
  const chips = reactions.map((reaction) => {
    const title =
      reaction.names !== undefined && reaction.names.length > 0
        ? ` title="${escapeHtml(reaction.names.join(', '))}"`
        : '';
    return `<li${title}><span class="emoji">${escapeHtml(reaction.emoji)}</span> <span class="count">${escapeHtml(String(reaction.count))}</span></li>`;
  });
  return `<ul class="reactions" aria-label="Reactions">${chips.join('')}</ul>`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
