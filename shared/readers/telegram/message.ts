/** One message of a Telegram Desktop export as a ParsedMessage. */
import type { WallClock } from '../../dates';
import type { ParsedMessage, Reaction } from '../../model';
import { clockText, instantClock, wallClockOf } from '../json/clock';
import { clockOrPrevious, type MessageSequence } from '../json/session';
import { idOf, isObject, numberOf, objectsOf, stringOf, type JsonObject } from '../json/values';
import { mediaLines, readAttachments } from './media';
import { DELETED_ACCOUNT, nameOf, serviceText } from './service';
import { readText } from './text';

export interface ChatState extends MessageSequence {
  /** The folder of `result.json`: media paths are relative to it. */
  folder: string;
  timeZone: string;
  /** The chat's name, for posts that name no sender (channel posts). */
  chatName: string;
}

/** The wall clock as written in `key`; the instant in `key_unixtime` only when that is missing. */
function clockOf(message: JsonObject, key: string, timeZone: string): WallClock | null {
  if (message[key] !== undefined) return wallClockOf(message[key]);
  return instantClock(numberOf(message[`${key}_unixtime`]), timeZone);
}

function sender(message: JsonObject, chat: ChatState): string {
  if (message.type === 'service') return nameOf(message.actor) ?? '';
  if ('from' in message) return nameOf(message.from) ?? DELETED_ACCOUNT;
  return nameOf(message.author) ?? chat.chatName;
}

function reactions(message: JsonObject): Reaction[] {
  return objectsOf(message.reactions).map((reaction) => {
    const type = stringOf(reaction.type);
    const emoji = stringOf(reaction.emoji) ?? (type === 'paid' ? '⭐' : '❔');
    const names = objectsOf(reaction.recent).flatMap((who) => nameOf(who.from) ?? []);
    const result: Reaction = { emoji, count: numberOf(reaction.count) ?? names.length };
    if (names.length > 0) result.names = names;
    return result;
  });
}

export function readMessage(value: unknown, line: number, chat: ChatState): ParsedMessage | null {
  if (!isObject(value) || (value.type !== 'message' && value.type !== 'service')) {
    chat.tally.add(
      isObject(value) && value.type === 'unsupported' ? 'unsupported' : 'notMessage',
      line,
    );
    return null;
  }
  const clock = clockOrPrevious(clockOf(value, 'date', chat.timeZone), chat, line);
  if (!clock) return null;
  const speaker = sender(value, chat);
  const message: ParsedMessage = { day: clock.day, time: clock.time, speaker, text: '', line };
  const id = idOf(value.id);
  if (id !== undefined) message.sourceId = id;
  if (value.type === 'service') {
    message.kind = 'event';
    message.text = serviceText(value, speaker);
    const pinned = idOf(value.message_id);
    if (pinned !== undefined) message.replyTo = pinned;
  } else {
    const { text, styles } = readText(value);
    const lines = mediaLines(value);
    message.text = lines.length === 0 ? text : [text, ...lines].filter(Boolean).join('\n');
    if (styles.length > 0) message.styles = styles;
    // A reply to a message of another chat cannot point at anything here.
    const reply = idOf(value.reply_to_message_id);
    if (reply !== undefined && value.reply_to_peer_id === undefined) message.replyTo = reply;
    if ('forwarded_from' in value || 'saved_from' in value)
      message.forwardedFrom =
        nameOf(value.forwarded_from) ?? nameOf(value.saved_from) ?? DELETED_ACCOUNT;
  }
  if (value.edited !== undefined || value.edited_unixtime !== undefined) {
    const edited = clockOf(value, 'edited', chat.timeZone);
    message.edited = edited ? clockText(edited) : true;
  }
  const attachments = readAttachments(value, chat.folder);
  if (attachments.length > 0) message.attachments = attachments;
  const reacted = reactions(value);
  if (reacted.length > 0) message.reactions = reacted;
  return message;
}
