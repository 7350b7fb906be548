/**
 * Telegram Desktop's JSON export (`result.json`): one chat, or the full export of an account
 * with every chat under `chats.list` (and `left_chats.list`), one conversation per chat. The
 * file is read as it streams in, a message at a time, so an export of millions of messages
 * never sits in memory. Times are the `date` as written (the exporting machine's clock);
 * `date_unixtime` is used only when `date` is missing.
 */
import { STREAMED_FILE_BYTES } from '../whole';
import type { FileReader } from '../reader';
import { usableTimeZone } from '../json/clock';
import type { Scope } from '../json/scanner';
import { jsonSession, plural, Tally } from '../json/session';
import { headText } from '../json/utf8';
import { conversationOfFile, folderOf } from '../paths';
import { readMessage, type ChatState } from './message';
import { DELETED_ACCOUNT } from './service';

const SELECT = [
  ['messages', '*'],
  ['chats', 'list', '*', 'messages', '*'],
  ['left_chats', 'list', '*', 'messages', '*'],
];

const CHAT_TYPES =
  'personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|replies';
const FULL_EXPORT =
  /^\{\s*"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"(personal_information|profile_pictures|stories|contacts|frequent_contacts|chats|left_chats|sessions|other_data)"\s*:/;
const CHAT_HEAD = new RegExp(
  `^\\{\\s*(?:"name"\\s*:\\s*(?:null|"(?:[^"\\\\]|\\\\.)*")\\s*,\\s*)?"type"\\s*:\\s*"(?:${CHAT_TYPES})"\\s*,\\s*"id"\\s*:\\s*-?\\d+\\s*,\\s*"messages"\\s*:\\s*\\[`,
);
const MESSAGE_HEAD = /^\s*\{\s*"id"\s*:\s*-?\d+\s*,\s*"type"\s*:\s*"(?:message|service)"/m;
/** A top-level "messages" list before any other list: a chat of a type not known here yet. */
const MESSAGES_FIRST = /^\{[^[\]]*"messages"\s*:\s*\[/;

const TITLES: Readonly<Record<string, string>> = {
  saved_messages: 'Saved Messages',
  replies: 'Replies',
  personal_chat: DELETED_ACCOUNT,
};

function titleOf(chat: Scope, id: string): string {
  const name = chat.fields.get('name');
  if (typeof name === 'string' && name.trim() !== '') return name;
  const type = chat.fields.get('type');
  return (typeof type === 'string' ? TITLES[type] : undefined) ?? `Telegram chat ${id}`;
}

export const telegramReader: FileReader = {
  format: 'telegram',
  // Streamed a message at a time: a big export never sits in memory whole.
  maxBytes: STREAMED_FILE_BYTES,
  sniff(path, head) {
    if (!/\.json$/i.test(path)) return 0;
    const text = headText(head).trimStart();
    if (FULL_EXPORT.test(text)) return 0.9;
    if (CHAT_HEAD.test(text)) return MESSAGE_HEAD.test(text) ? 0.95 : 0.8;
    return MESSAGES_FIRST.test(text) && MESSAGE_HEAD.test(text) ? 0.85 : 0;
  },
  begin(path, context, sink) {
    const timeZone = usableTimeZone(context.timeZone, sink);
    const tally = new Tally();
    const chats = new Map<Scope, { conversation: number; state: ChatState }>();
    const ids = new Map<string, number>();
    const open = (selector: number, scope: Scope) => {
      const rawId = scope.fields.get('id');
      const chatId = typeof rawId === 'number' || typeof rawId === 'string' ? String(rawId) : '';
      const id =
        selector === 0
          ? conversationOfFile(path)
          : conversationOfFile(path, chatId || String(chats.size + 1));
      const title = titleOf(scope, chatId);
      let conversation = ids.get(id);
      if (conversation === undefined) {
        conversation = sink.conversation({ id, title, format: 'telegram', day: null });
        ids.set(id, conversation);
      }
      const state: ChatState = {
        folder: folderOf(path),
        timeZone,
        chatName: title,
        previous: null,
        tally,
      };
      const chat = { conversation, state };
      chats.set(scope, chat);
      return chat;
    };
    return jsonSession(sink, 'date', {
      select: SELECT,
      holds: 'Telegram chat',
      tally,
      say: (key, count) =>
        key === 'unsupported'
          ? `${plural(count, 'message')} of a kind Telegram could not export ("type": "unsupported") left out.`
          : undefined,
      value(selector, value, line, scopes) {
        const scope = scopes[scopes.length - 1]!;
        const chat = chats.get(scope) ?? open(selector, scope);
        const message = readMessage(value, line, chat.state);
        if (message) sink.message(chat.conversation, message);
        return message !== null;
      },
    });
  },
};
