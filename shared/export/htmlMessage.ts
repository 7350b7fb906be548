/**
 * One message of the HTML export, as WeChat shows it: avatar, name and time, the quote of the
 * message it answers above the bubble, the bubble (forwarded-from line, styled text), then its
 * files, link previews, reactions and thread. An event (a system line) is a centred grey line.
 * Every message has an anchor `m-<id>`, so a quote links to the message it quotes when the
 * export holds it.
 */
import { avatarColorIndex, avatarInitial } from '../avatar';
import type { Message } from '../model';
import type { ExportContext } from './context';
import { editedLabel, oneLine, threadLabel } from './describe';
import { formatAttachments, formatLinkCards, formatReactions } from './htmlAttachments';
import { escapeHtml, formatMessageText } from './htmlText';

/** How long a quoted reply may be, in characters. */
const QUOTE_LENGTH = 120;

export interface PageMessages {
  context: ExportContext;
  /** Ids of the messages on the page: quotes and thread marks link to these. */
  held: ReadonlySet<number>;
}

function anchorOf(id: number): string {
  return `m-${id}`;
}

/** A link to a message on the page, else plain text in a span. */
function linkTo(
  id: number | null | undefined,
  page: PageMessages,
  className: string,
  html: string,
) {
  return id != null && page.held.has(id)
    ? `<a class="${className}" href="#${anchorOf(id)}">${html}</a>`
    : `<span class="${className}">${html}</span>`;
}

function formatReply(message: Message, page: PageMessages): string {
  const reply = message.reply;
  if (!reply) return '';
  if (reply.id === null && reply.speaker === '' && reply.text === '')
    return '<span class="reply missing">A reply to a message the archive does not hold</span>';
  const speaker =
    reply.speaker === '' ? '' : `<span class="reply-speaker">${escapeHtml(reply.speaker)}</span>`;
  const text = `<span class="reply-text">${escapeHtml(oneLine(reply.text, QUOTE_LENGTH))}</span>`;
  return linkTo(reply.id, page, 'reply', speaker + text);
}

/** Edited, pinned, in a thread: small words after the time. */
function formatMarks(message: Message, page: PageMessages): string {
  const marks: string[] = [];
  if (message.edited !== undefined)
    marks.push(
      `<span class="mark" title="${escapeHtml(editedLabel(message.edited))}">edited</span>`,
    );
  if (message.pinned) marks.push('<span class="mark">📌 pinned</span>');
  if (message.threadOf !== undefined)
    marks.push(linkTo(message.threadOf, page, 'mark', 'in a thread'));
  return marks.join('');
}

export function writeEvent(out: string[], message: Message, page: PageMessages): void {
  const reply = message.reply ? ` ${formatReply(message, page)}` : '';
  const forwarded =
    message.forwardedFrom === undefined
      ? ''
      : ` <span class="forwarded">(forwarded from ${escapeHtml(message.forwardedFrom)})</span>`;
  // Events rarely carry more than a sentence, but what they carry is shown as for a message.
  const under = [
    formatAttachments(message.attachments ?? [], page.context),
    formatLinkCards(message.links ?? []),
    formatReactions(message.reactions ?? []),
  ].join('');
  out.push(
    `<div class="event" id="${anchorOf(message.id)}"><p><span class="event-text">${formatMessageText(message, page.context)}</span>${forwarded}${reply} <time>${escapeHtml(message.time)}</time>${formatMarks(message, page)}</p>${under}</div>`,
  );
}

export function writeMessage(out: string[], message: Message, page: PageMessages): void {
  const { context } = page;
  const person =
    message.speaker === '' ? '' : context.personOf(message.conversation, message.speaker);
  const mine =
    context.me != null &&
    context.me !== '' &&
    (message.speaker === context.me || person === context.me);
  const classes = ['message', mine ? 'mine' : '', message.speaker === '' ? 'anonymous' : '']
    .filter((name) => name !== '')
    .join(' ');
  out.push(`<article class="${classes}" id="${anchorOf(message.id)}">`);
  if (message.speaker !== '') {
    out.push(
      `<div class="avatar color-${avatarColorIndex(person)}" aria-hidden="true">${escapeHtml(avatarInitial(message.speaker))}</div>`,
    );
  }
  const name =
    message.speaker === '' ? '' : `<span class="speaker">${escapeHtml(message.speaker)}</span>`;
  out.push(
    '<div class="body">',
    `<p class="meta">${name}<time>${escapeHtml(message.time)}</time>${formatMarks(message, page)}</p>`,
  );
  const reply = formatReply(message, page);
  if (reply !== '') out.push(reply);
  const forwarded =
    message.forwardedFrom === undefined
      ? ''
      : `<span class="forwarded">Forwarded from ${escapeHtml(message.forwardedFrom)}</span>`;
  const attachments = formatAttachments(message.attachments ?? [], context);
  const cards = formatLinkCards(message.links ?? []);
  // A photo or a file alone needs no empty bubble; a message with nothing at all says so.
  if (message.text !== '' || forwarded !== '')
    out.push(`<div class="bubble">${forwarded}${formatMessageText(message, context)}</div>`);
  else if (attachments === '' && cards === '')
    out.push('<div class="bubble"><span class="empty">(empty message)</span></div>');
  for (const part of [attachments, cards, formatReactions(message.reactions ?? [])])
    if (part !== '') out.push(part);
  const thread = message.thread ? threadLabel(message) : null;
  if (thread !== null) out.push(`<p class="thread">${escapeHtml(thread)}</p>`);
  out.push('</div>', '</article>');
}
