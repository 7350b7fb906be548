/**
 * JSON export, for other tools. The schema (version 2):
 *
 *     {
 *       "format": "scrollback-export",      always this string
 *       "version": 2,                        bumped when a field changes meaning or goes away
 *                                            (2: ids, events, replies, threads, forwards, edits,
 *                                            pins, attachments, reactions, links, styles, copies)
 *       "exported": "2026-11-24 18:30:12 UTC+01:00",   local wall clock of the export, zone said
 *       "first": "2018-05-15", "last": "2018-05-16",   day range (null, null for no messages)
 *       "count": 2,                          number of entries in "messages" (events included)
 *       "conversations": [ { "id": "source/proddev", "title": "proddev" } ],
 *       "messages": [
 *         {
 *           "id": 17,                           names the message in this file: replies and
 *                                               threads point at it (another export of the same
 *                                               archive may number its messages differently)
 *           "conversation": "source/proddev",   folder of the log in the archive, `_posts` dropped
 *           "day": "2018-05-15",                floating calendar day, YYYY-MM-DD (no time zone)
 *           "time": "09:02:16",                 floating wall-clock time, HH:MM:SS
 *           "speaker": "李雄峰",                 the name as written ("" in speakerless logs)
 *           "person": "李雄峰",                  the person this name belongs to (echo pairs tie a
 *                                               nickname and a group card together); "" if no speaker
 *           "kind": "event",                    only on system lines ("X joined", "X pinned a
 *                                               message"): the text is then a sentence about the
 *                                               chat, and "speaker" who did it when known
 *           "text": "...",                      the text, entities decoded, lines joined with \n
 *           "tokens": [ { "kind": "text", "text": "..." },
 *                       { "kind": "emoji", "text": "[强]", "name": "强" },
 *                       { "kind": "mention", "text": "@name", "name": "name" },
 *                       { "kind": "url", "text": "...", "href": "..." },
 *                       { "kind": "image", "text": "![..](..)", "alt": "...", "src": "..." },
 *                       { "kind": "file", "text": "a.pdf", "name": "a.pdf" } ],
 *                                               concatenating the tokens' text gives `text`
 *           "styles": [ { "kind": "bold", "start": 4, "end": 9 },
 *                       { "kind": "link", "start": 20, "end": 22, "href": "https://..." } ],
 *                                               formatting by UTF-16 offsets into `text` (end
 *                                               excluded); kinds: bold italic underline strike
 *                                               code pre spoiler link quote; spans may overlap
 *           "reply": { "id": 16, "speaker": "Ana", "text": "..." },
 *                                               the message this one answers: "id" is its id when
 *                                               this file holds it, else null; "speaker" and the
 *                                               start of its "text" (at most 200 characters);
 *                                               "missing": true (speaker and text "") when the
 *                                               archive does not hold it either
 *           "threadOf": 12,                     a reply in a thread: the id of the thread's first
 *                                               message, null when this file does not hold it
 *           "thread": { "replies": 3 },         a thread's first message: how many replies it has
 *           "forwardedFrom": "Bus Info",        who the message was forwarded from
 *           "edited": "2024-03-10 09:00:00",    when it was last edited (same clock as day and
 *                                               time), or true when the export does not say when
 *           "pinned": true,
 *           "attachments": [ { "kind": "image", "name": "photo.jpg",
 *                              "path": "exports/telegram/.../photo.jpg", "size": 53210,
 *                              "mime": "image/jpeg", "width": 1280, "height": 720 } ],
 *                                               files: kind image video audio voice sticker file;
 *                                               "path" relative to the archive root (a zip's entry
 *                                               `a/export.zip!/media/x.jpg`), null when the chat
 *                                               export left the file out; "url" when it is on the
 *                                               web; size in bytes, duration in seconds
 *           "reactions": [ { "emoji": "👍", "count": 2, "names": ["Ana", "Ben"] } ],
 *                                               "names" only when the export says who
 *           "links": [ { "url": "https://...", "title": "...", "description": "..." } ],
 *                                               link previews
 *           "copies": 1,                        other files of the archive hold this message too
 *           "echoOf": 16,                       the exporter wrote this message twice under two
 *                                               names of one person: the id of the first, null
 *                                               when this file does not hold it
 *           "source": { "path": "source/proddev/_posts/2018-05-15-chat.markdown", "line": 12 }
 *         }
 *       ]
 *     }
 *
 * Fields from "kind" to "echoOf" are absent when a message has nothing to say there. Messages are
 * in the one order of messages (shared/model.ts compareMessages): day, time, conversation.
 */
import type { Message, Token } from '../model';
import { tokenize } from '../text/tokens';
import { conversationsOf, conversationTitle, dayRange, type ExportContext } from './context';

export interface JsonExport {
  format: 'scrollback-export';
  version: 2;
  exported: string;
  first: string | null;
  last: string | null;
  count: number;
  conversations: { id: string; title: string }[];
  messages: JsonMessage[];
}

/** One message of the file (see the schema above); fields named as in Message mean the same. */
export interface JsonMessage extends Pick<
  Message,
  | 'id'
  | 'conversation'
  | 'day'
  | 'time'
  | 'speaker'
  | 'text'
  | 'kind'
  | 'styles'
  | 'thread'
  | 'forwardedFrom'
  | 'edited'
  | 'pinned'
  | 'attachments'
  | 'reactions'
  | 'links'
  | 'copies'
> {
  person: string;
  tokens: Token[];
  reply?: { id: number | null; speaker: string; text: string; missing?: true };
  threadOf?: number | null;
  echoOf?: number | null;
  source: { path: string; line: number };
}

export function formatJson(messages: readonly Message[], context: ExportContext): string {
  const range = dayRange(messages);
  const held = new Set(messages.map((message) => message.id));
  const document: JsonExport = {
    format: 'scrollback-export',
    version: 2,
    exported: context.exportedAt,
    first: range?.first ?? null,
    last: range?.last ?? null,
    count: messages.length,
    conversations: conversationsOf(messages).map((id) => ({
      id,
      title: conversationTitle(context, id),
    })),
    messages: messages.map((message) => jsonMessage(message, context, held)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function jsonMessage(
  message: Message,
  context: ExportContext,
  held: ReadonlySet<number>,
): JsonMessage {
  const inFile = (id: number | null | undefined) => (id != null && held.has(id) ? id : null);
  // Built in the documented order: JSON keeps the order properties were added in.
  const rich: Partial<JsonMessage> = {};
  if (message.styles?.length) rich.styles = message.styles;
  if (message.reply) {
    const { id, speaker, text } = message.reply;
    rich.reply = { id: inFile(id), speaker, text };
    if (id === null && speaker === '' && text === '') rich.reply.missing = true;
  }
  if (message.threadOf !== undefined) rich.threadOf = inFile(message.threadOf);
  if (message.thread) rich.thread = message.thread;
  if (message.forwardedFrom !== undefined) rich.forwardedFrom = message.forwardedFrom;
  if (message.edited !== undefined) rich.edited = message.edited;
  if (message.pinned) rich.pinned = true;
  if (message.attachments?.length) rich.attachments = message.attachments;
  if (message.reactions?.length) rich.reactions = message.reactions;
  if (message.links?.length) rich.links = message.links;
  if (message.copies) rich.copies = message.copies;
  if (message.echoOf !== undefined) rich.echoOf = inFile(message.echoOf);
  return {
    id: message.id,
    conversation: message.conversation,
    day: message.day,
    time: message.time,
    speaker: message.speaker,
    person: message.speaker === '' ? '' : context.personOf(message.conversation, message.speaker),
    ...(message.kind === 'event' ? { kind: 'event' as const } : {}),
    text: message.text,
    tokens: tokenize(message.text),
    ...rich,
    source: { path: message.path, line: message.line },
  };
}
