/**
 * HTML export: one self-contained page that looks like the WeChat conversation it came from and
 * prints well. The archive is untrusted, so the page has no script at all, every piece of archive
 * text is escaped, and it fetches nothing: a Content-Security-Policy allows only inline styles and
 * data: images; archive images (in the text or attached) arrive already embedded (or as links to
 * click) in the context, and remote images become a placeholder showing their alt text and
 * address. Events stand centred; replies quote the message they answer above the bubble, with a
 * link to it when the page holds it (htmlMessage.ts).
 */
import { weekday } from '../dates';
import type { Message } from '../model';
import { needsTimeDivider } from '../timeDividers';
import {
  conversationsOf,
  conversationTitle,
  countPeople,
  dayRangeLabel,
  type ExportContext,
} from './context';
import { writeEvent, writeMessage, type PageMessages } from './htmlMessage';
import { EXPORT_STYLE } from './htmlStyle';
import { escapeHtml } from './htmlText';

/** Nothing but inline styles and data: images; no script, no fetch, no form, no base. */
export const EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `messages` in the one order of messages (shared/model.ts compareMessages). */
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
  const page: PageMessages = { context, held: new Set(messages.map((message) => message.id)) };
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
    if (message.kind === 'event') writeEvent(out, message, page);
    else writeMessage(out, message, page);
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
  const events = messages.filter((message) => message.kind === 'event').length;
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
    fact('Messages', (messages.length - events).toLocaleString('en-US')),
    ...(events > 0 ? [fact('Events', events.toLocaleString('en-US'))] : []),
    // A speakerless log records no names: "0 people" would be wrong.
    fact(
      'People',
      people.length === 0 && messages.length > events
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
