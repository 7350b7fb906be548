/** One message of a DiscordChatExporter JSON export as a ParsedMessage. */
import type { Attachment, LinkCard, ParsedMessage, Reaction } from '../../model';
import { fileKind } from '../json/attachments';
import { clockText, wallClockOf } from '../json/clock';
import { clockOrPrevious, type MessageSequence } from '../json/session';
import {
  idOf,
  isObject,
  numberOf,
  objectsOf,
  stringOf,
  textOf,
  type JsonObject,
} from '../json/values';
import { baseName, resolveRelative } from '../paths';
import { authorName, SYSTEM_TYPES, systemText } from './system';

export interface ChannelState extends MessageSequence {
  /** The folder of the export file: local media paths are relative to it. */
  folder: string;
  /** The channel's id, to tell replies in this channel from references to others. */
  channelId: string | undefined;
}

const URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** A media reference: downloaded beside the export (a relative path) or on Discord's CDN. */
function located(where: string, folder: string): Pick<Attachment, 'path' | 'url'> {
  if (URL.test(where)) return { path: null, url: where };
  return { path: resolveRelative(folder, where) };
}

function attachments(message: JsonObject, folder: string): Attachment[] {
  const files = objectsOf(message.attachments).flatMap((attachment): Attachment[] => {
    const where = stringOf(attachment.url);
    if (!where) return [];
    const name = textOf(attachment.fileName) ?? baseName(where.replace(/\\/g, '/').split('?')[0]!);
    const file: Attachment = { kind: fileKind(name), name, ...located(where, folder) };
    const size = numberOf(attachment.fileSizeBytes);
    if (size !== undefined) file.size = size;
    return [file];
  });
  const stickers = objectsOf(message.stickers).map((sticker): Attachment => ({
    kind: 'sticker',
    name: textOf(sticker.name) ?? 'Sticker',
    ...located(stringOf(sticker.sourceUrl) ?? '', folder),
  }));
  return [...files, ...stickers];
}

/** Embeds with an address are link cards; the text of those without one is kept as lines. */
function embeds(message: JsonObject): { links: LinkCard[]; lines: string[] } {
  const links: LinkCard[] = [];
  const lines: string[] = [];
  for (const embed of objectsOf(message.embeds)) {
    const url = textOf(embed.url);
    const title = textOf(embed.title);
    const description = textOf(embed.description);
    if (url) {
      const card: LinkCard = { url };
      if (title) card.title = title;
      if (description) card.description = description;
      links.push(card);
      continue;
    }
    const fields = objectsOf(embed.fields).map(
      (field) => `${stringOf(field.name) ?? ''}: ${stringOf(field.value) ?? ''}`,
    );
    lines.push(...[title, description, ...fields].filter((line) => line !== undefined));
  }
  return { links, lines };
}

function reactions(message: JsonObject): Reaction[] {
  return objectsOf(message.reactions).flatMap((reaction): Reaction[] => {
    const emoji = isObject(reaction.emoji) ? reaction.emoji : {};
    const name = textOf(emoji.name);
    if (!name) return [];
    // A custom emoji has an id and a name that is a word; a standard one is the emoji itself.
    const shown = textOf(emoji.id) && /^\w+$/.test(name) ? `:${name}:` : name;
    const names = objectsOf(reaction.users).flatMap((user) => authorName(user) ?? []);
    const result: Reaction = { emoji: shown, count: numberOf(reaction.count) ?? names.length };
    if (names.length > 0) result.names = names;
    return [result];
  });
}

export function readMessage(
  value: unknown,
  line: number,
  channel: ChannelState,
): ParsedMessage | null {
  if (!isObject(value) || !('timestamp' in value || 'content' in value)) {
    channel.tally.add('notMessage', line);
    return null;
  }
  const clock = clockOrPrevious(wallClockOf(value.timestamp), channel, line);
  if (!clock) return null;
  const speaker = authorName(value.author) ?? 'Unknown user';
  const message: ParsedMessage = { day: clock.day, time: clock.time, speaker, text: '', line };
  const id = idOf(value.id);
  if (id !== undefined) message.sourceId = id;
  const { links, lines } = embeds(value);
  if (SYSTEM_TYPES.has(stringOf(value.type) ?? '')) {
    message.kind = 'event';
    message.text = systemText(value, speaker);
  } else {
    message.text = [stringOf(value.content) ?? '', ...lines].filter(Boolean).join('\n');
  }
  const reference = isObject(value.reference) ? value.reference : undefined;
  const replyTo = idOf(reference?.messageId);
  const sameChannel = !reference?.channelId || idOf(reference.channelId) === channel.channelId;
  if (replyTo !== undefined && sameChannel) message.replyTo = replyTo;
  const edited = stringOf(value.timestampEdited);
  if (edited) {
    const clockEdited = wallClockOf(edited);
    message.edited = clockEdited ? clockText(clockEdited) : true;
  }
  if (value.isPinned === true) message.pinned = true;
  const files = attachments(value, channel.folder);
  if (files.length > 0) message.attachments = files;
  const reacted = reactions(value);
  if (reacted.length > 0) message.reactions = reacted;
  if (links.length > 0) message.links = links;
  return message;
}
