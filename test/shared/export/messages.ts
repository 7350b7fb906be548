/** Messages for export tests, built from plain fields in the one order of messages. */
import { compareMessages, type Message } from '../../../shared/model';
import { plainContext, type ExportContext } from '../../../shared/export/context';

/** What a test says of a message: where and when, who and what, and any of the richer fields. */
export type MessageFields = Pick<Message, 'conversation' | 'day' | 'time' | 'speaker' | 'text'> &
  Partial<
    Omit<Message, 'id' | 'conversation' | 'day' | 'time' | 'speaker' | 'text' | 'path' | 'line'>
  >;

/**
 * Sorts into the one order of messages (shared/model.ts compareMessages: day, time, conversation;
 * stable) and numbers them from 0 in that order: fields that name other messages (reply,
 * threadOf, echoOf) use those numbers.
 */
export function toMessages(fields: readonly MessageFields[]): Message[] {
  const placed = fields.map((message, index) => ({
    ...message,
    path: `${message.conversation}/_posts/${message.day}-chat.markdown`,
    line: index + 1,
  }));
  return placed.sort(compareMessages).map((message, id) => ({ id, ...message, line: id + 1 }));
}

export const EXPORTED_AT = '2026-11-24 18:30:12 UTC+01:00';

export function testContext(): ExportContext {
  return plainContext(EXPORTED_AT);
}
