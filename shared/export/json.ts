/**
 * JSON export, for other tools. The schema (version 1):
 *
 *     {
 *       "format": "scrollback-export",      always this string
 *       "version": 1,                        bumped when a field changes meaning or goes away
 *       "exported": "2026-11-24 18:30:12 UTC+01:00",   local wall clock of the export, zone said
 *       "first": "2018-05-15", "last": "2018-05-16",   day range (null, null for no messages)
 *       "count": 2,                          number of messages
 *       "conversations": [ { "id": "source/proddev", "title": "proddev" } ],
 *       "messages": [
 *         {
 *           "conversation": "source/proddev",   folder of the log in the archive, `_posts` dropped
 *           "day": "2018-05-15",                floating calendar day, YYYY-MM-DD (no time zone)
 *           "time": "09:02:16",                 floating wall-clock time, HH:MM:SS
 *           "speaker": "李雄峰",                 the name as written ("" in speakerless logs)
 *           "person": "李雄峰",                  the person this name belongs to (echo pairs tie a
 *                                               nickname and a group card together); "" if no speaker
 *           "text": "...",                      the text, entities decoded, lines joined with \n
 *           "tokens": [ { "kind": "text", "text": "..." },
 *                       { "kind": "emoji", "text": "[强]", "name": "强" },
 *                       { "kind": "mention", "text": "@name", "name": "name" },
 *                       { "kind": "url", "text": "...", "href": "..." },
 *                       { "kind": "image", "text": "![..](..)", "alt": "...", "src": "..." },
 *                       { "kind": "file", "text": "a.pdf", "name": "a.pdf" } ],
 *                                               concatenating the tokens' text gives `text`
 *           "source": { "path": "source/proddev/_posts/2018-05-15-chat.markdown", "line": 12 }
 *         }
 *       ]
 *     }
 *
 * Messages are in archive order: conversation, day, time.
 */
import type { Message, Token } from '../model';
import { tokenize } from '../text/tokens';
import { conversationsOf, conversationTitle, dayRange, type ExportContext } from './context';

export interface JsonExport {
  format: 'scrollback-export';
  version: 1;
  exported: string;
  first: string | null;
  last: string | null;
  count: number;
  conversations: { id: string; title: string }[];
  messages: JsonMessage[];
}

export interface JsonMessage {
  conversation: string;
  day: string;
  time: string;
  speaker: string;
  person: string;
  text: string;
  tokens: Token[];
  source: { path: string; line: number };
}

export function formatJson(messages: readonly Message[], context: ExportContext): string {
  const range = dayRange(messages);
  const document: JsonExport = {
    format: 'scrollback-export',
    version: 1,
    exported: context.exportedAt,
    first: range?.first ?? null,
    last: range?.last ?? null,
    count: messages.length,
    conversations: conversationsOf(messages).map((id) => ({
      id,
      title: conversationTitle(context, id),
    })),
    messages: messages.map((message) => ({
      conversation: message.conversation,
      day: message.day,
      time: message.time,
      speaker: message.speaker,
      person: message.speaker === '' ? '' : context.personOf(message.conversation, message.speaker),
      text: message.text,
      tokens: tokenize(message.text),
      source: { path: message.path, line: message.line },
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
