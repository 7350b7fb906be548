/**
 * What a message carries beside its text (the message it answers, its files, reactions, links,
 * forwards, edits, pins, threads) as short lines of plain text. The text, CSV and Markdown
 * exports write these same lines, so a reply reads `↪ reply to Ana: …` in all three.
 */
import type { Attachment, Message, MessageExtras, Reaction } from '../model';
import { formatDuration } from '../dates';

/** The fields these descriptions read: a Message, or a selection that kept only some of them. */
export type DescribedMessage = Pick<Message, 'speaker' | 'text'> &
  MessageExtras &
  Partial<Pick<Message, 'kind' | 'reply' | 'threadOf' | 'thread'>>;

/** How long a reply's snippet may be in a one-line description, in characters. */
const SNIPPET_LENGTH = 60;

/** Text on one line (every run of blanks and line breaks made one space), cut at `max` characters. */
export function oneLine(text: string, max = SNIPPET_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= max ? flat : `${characters.slice(0, max).join('').trimEnd()}…`;
}

/** `↪ reply to Ana: the start of her message…`, or what is known when the archive lacks it. */
export function replyLine(reply: NonNullable<Message['reply']>): string {
  if (reply.id === null && reply.speaker === '' && reply.text === '')
    return '↪ reply to a message the archive does not hold';
  const to = reply.speaker === '' ? '↪ reply' : `↪ reply to ${reply.speaker}`;
  const snippet = oneLine(reply.text);
  return snippet === '' ? to : `${to}: ${snippet}`;
}

const KIND_LABELS: Record<Attachment['kind'], string> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  voice: 'voice message',
  sticker: 'sticker',
  file: 'file',
};

export function attachmentKindLabel(kind: Attachment['kind']): string {
  return KIND_LABELS[kind];
}

/** `532 B`, `52 KB`, `1.2 MB`: binary units, one decimal below ten, no locale. */
function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** What the export says of a file besides its name: `image, 1280×720, 52 KB`. */
export function attachmentFacts(attachment: Attachment): string[] {
  const facts = [attachmentKindLabel(attachment.kind)];
  if (attachment.width !== undefined && attachment.height !== undefined)
    facts.push(`${attachment.width}×${attachment.height}`);
  if (attachment.duration !== undefined) facts.push(formatDuration(attachment.duration));
  if (attachment.size !== undefined) facts.push(formatBytes(attachment.size));
  return facts;
}

/** Where the file is: its archive path, its address on the web, or that the export left it out. */
function attachmentPlace(attachment: Attachment): string {
  return attachment.path ?? attachment.url ?? 'not included in the chat export';
}

/** `📎 photo.jpg (image, 1280×720, 52 KB): exports/…/photo.jpg`. */
export function attachmentLine(attachment: Attachment): string {
  return `📎 ${oneLine(attachment.name, 200)} (${attachmentFacts(attachment).join(', ')}): ${attachmentPlace(attachment)}`;
}

/** `👍 3 · ❤️ 1`, with who reacted when `names` and the export says: `👍 2 (Ana, Ben)`. */
export function reactionsLine(reactions: readonly Reaction[], names = false): string {
  return reactions
    .map((reaction) =>
      names && reaction.names !== undefined && reaction.names.length > 0
        ? `${reaction.emoji} ${reaction.count} (${reaction.names.join(', ')})`
        : `${reaction.emoji} ${reaction.count}`,
    )
    .join(' · ');
}

/** `edited 2024-03-10 09:00:00`, or `edited` when the export did not say when. */
export function editedLabel(edited: string | true): string {
  return edited === true ? 'edited' : `edited ${edited}`;
}

/**
 * The addresses of a message that its text does not show: links under other words (`here` ->
 * https://…) and link previews. `🔗 here: https://…`, `🔗 Title: https://…`.
 */
export function linkLines(message: DescribedMessage): string[] {
  const lines: string[] = [];
  for (const style of message.styles ?? []) {
    if (style.kind !== 'link' || style.href === undefined) continue;
    const words = message.text.slice(style.start, style.end);
    if (words !== style.href) lines.push(`🔗 ${oneLine(words)}: ${style.href}`);
  }
  for (const card of message.links ?? []) {
    const title = card.title === undefined ? '' : oneLine(card.title);
    lines.push(title === '' ? `🔗 ${card.url}` : `🔗 ${title}: ${card.url}`);
  }
  return lines;
}

/** A thread's first message (`thread: 3 replies`) or one of its replies (`in a thread`). */
export function threadLabel(message: DescribedMessage): string | null {
  if (message.thread !== undefined)
    return `thread: ${message.thread.replies} ${message.thread.replies === 1 ? 'reply' : 'replies'}`;
  return message.threadOf !== undefined ? 'reply in a thread' : null;
}

/**
 * Every line describing what the message carries besides its text, in reading order: the
 * message it answers, where it was forwarded from, its files, links, reactions, edit, pin, thread.
 */
export function describeMessage(message: DescribedMessage): string[] {
  const lines: string[] = [];
  if (message.reply) lines.push(replyLine(message.reply));
  if (message.forwardedFrom !== undefined) lines.push(`forwarded from ${message.forwardedFrom}`);
  for (const attachment of message.attachments ?? []) lines.push(attachmentLine(attachment));
  lines.push(...linkLines(message));
  if (message.reactions !== undefined && message.reactions.length > 0)
    lines.push(reactionsLine(message.reactions, true));
  const marks = [
    message.edited === undefined ? null : editedLabel(message.edited),
    message.pinned ? 'pinned' : null,
    threadLabel(message),
  ].filter((mark) => mark !== null);
  if (marks.length > 0) lines.push(`(${marks.join('; ')})`);
  return lines;
}

/** Whether an event's line should name its speaker: its sentence does not already. */
export function eventNamesSpeaker(message: DescribedMessage): boolean {
  return message.speaker !== '' && !message.text.includes(message.speaker);
}
