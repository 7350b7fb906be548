/**
 * HTML export: one self-contained page that looks like the WeChat conversation it came from and
 * prints well. The archive is untrusted, so the page has no script at all, every piece of archive
 * text is escaped, and it fetches nothing: a Content-Security-Policy allows only inline styles and
 * data: images; archive images arrive already embedded (or as links to click) in the context, and
 * remote images become a placeholder showing their alt text and address.
 */
import { avatarColorIndex, avatarInitial } from '../avatar';
import { weekday } from '../dates';
import type { Message, Token } from '../model';
import { emojiFor, tokenize } from '../text/tokens';
import { needsTimeDivider } from '../timeDividers';
import {
  conversationsOf,
  conversationTitle,
  countPeople,
  dayRangeLabel,
  imageKey,
  type ExportContext,
} from './context';
import { EXPORT_STYLE } from './htmlStyle';

/** Nothing but inline styles and data: images; no script, no fetch, no form, no base. */
export const EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `messages` in archive order (conversation, day, time). */
export function formatHtml(messages: readonly Message[], context: ExportContext): string {
  const conversations = conversationsOf(messages);
  const titles = conversations.map((id) => conversationTitle(context, id));
  const dates = dayRangeLabel(messages);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="Scrollback">',
    `<title>${escapeHtml([titles.join(', '), dates].filter((part) => part !== '').join(' · '))}</title>`,
    `<style>${EXPORT_STYLE}</style>`,
    '</head>',
    '<body>',
  ];
  writeHeader(out, messages, context, conversations, titles, dates);
  out.push('<main lang="zh-CN">');
  let conversation: string | null = null;
  let day: string | null = null;
  let previous: Message | null = null;
  for (const message of messages) {
    if (message.conversation !== conversation) {
      if (conversation !== null) out.push('</section>');
      conversation = message.conversation;
      day = null;
      out.push('<section class="conversation">');
      if (conversations.length > 1)
        out.push(
          `<h2 class="conversation-title">${escapeHtml(conversationTitle(context, conversation))}</h2>`,
        );
    }
    if (message.day !== day) {
      day = message.day;
      previous = null;
      out.push(`<h3 class="day"><span>${escapeHtml(day)} ${WEEKDAYS[weekday(day)]}</span></h3>`);
    }
    if (needsTimeDivider(previous, message)) {
      out.push(`<p class="gap">${escapeHtml(message.time.slice(0, 5))}</p>`);
    }
    writeMessage(out, message, context);
    previous = message;
  }
  if (conversation !== null) out.push('</section>');
  if (messages.length === 0) out.push('<p class="nothing">No messages.</p>');
  out.push(
    '</main>',
    '<footer>Exported from Scrollback. Times are as the archive records them, with no time zone.</footer>',
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}

function writeHeader(
  out: string[],
  messages: readonly Message[],
  context: ExportContext,
  conversations: readonly string[],
  titles: readonly string[],
  dates: string,
): void {
  const people = countPeople(messages, context);
  out.push(
    '<header class="cover">',
    '<p class="kicker">Chat export</p>',
    `<h1 lang="zh-CN">${escapeHtml(titles.join(', ') || 'Nothing selected')}</h1>`,
  );
  if (conversations.some((id, index) => id !== titles[index])) {
    out.push(`<p class="source" lang="zh-CN">${conversations.map(escapeHtml).join(' · ')}</p>`);
  }
  out.push(
    '<dl class="facts">',
    fact('Dates', dates || '–'),
    fact('Messages', messages.length.toLocaleString('en-US')),
    // A speakerless log records no names: "0 people" would be wrong.
    fact(
      'People',
      people.length === 0 && messages.length > 0
        ? 'not recorded'
        : people.length.toLocaleString('en-US'),
    ),
    fact('Exported', context.exportedAt),
    '</dl>',
  );
  if (people.length > 0) {
    out.push('<ul class="people" lang="zh-CN">');
    for (const person of people) {
      const aliases = person.names.filter((name) => name !== person.person);
      out.push(
        `<li><span class="person-name">${escapeHtml(person.person)}</span>` +
          (aliases.length > 0
            ? ` <span class="aliases">${escapeHtml(aliases.join(', '))}</span>`
            : '') +
          ` <span class="count">${person.messages.toLocaleString('en-US')}</span></li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</header>');
}

function fact(term: string, value: string): string {
  return `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

function writeMessage(out: string[], message: Message, context: ExportContext): void {
  const person =
    message.speaker === '' ? '' : context.personOf(message.conversation, message.speaker);
  const mine =
    context.me != null &&
    context.me !== '' &&
    (message.speaker === context.me || person === context.me);
  const classes = ['message', mine ? 'mine' : '', message.speaker === '' ? 'anonymous' : '']
    .filter((name) => name !== '')
    .join(' ');
  out.push(`<article class="${classes}">`);
  if (message.speaker !== '') {
    out.push(
      `<div class="avatar color-${avatarColorIndex(person)}" aria-hidden="true">${escapeHtml(avatarInitial(message.speaker))}</div>`,
    );
  }
  const name =
    message.speaker === '' ? '' : `<span class="speaker">${escapeHtml(message.speaker)}</span>`;
  out.push(
    '<div class="body">',
    `<p class="meta">${name}<time>${escapeHtml(message.time)}</time></p>`,
    `<div class="bubble">${message.text === '' ? '<span class="empty">(empty message)</span>' : formatTokens(tokenize(message.text), message, context)}</div>`,
    '</div>',
    '</article>',
  );
}

function formatTokens(tokens: readonly Token[], message: Message, context: ExportContext): string {
  let html = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        html += escapeHtml(token.text);
        break;
      case 'emoji': {
        const emoji = emojiFor(token.name);
        html += emoji
          ? `<span class="emoji" title="${escapeHtml(token.text)}">${escapeHtml(emoji)}</span>`
          : escapeHtml(token.text);
        break;
      }
      case 'mention':
        html += `<span class="mention">${escapeHtml(token.text)}</span>`;
        break;
      case 'url':
        html += `<a href="${escapeHtml(token.href)}" rel="noreferrer noopener">${escapeHtml(token.text)}</a>`;
        break;
      case 'file':
        html += `<span class="file">${escapeHtml(token.text)}</span>`;
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

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}
