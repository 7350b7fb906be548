/** Messages for export tests, built from plain fields in archive order. */
import type { Message } from '../../../shared/model';
import { plainContext, type ExportContext } from '../../../shared/export/context';

/** What a test says of a message: where and when, who and what, and any of the richer fields. */
export type MessageFields = Pick<Message, 'conversation' | 'day' | 'time' | 'speaker' | 'text'> &
  Partial<
    Omit<Message, 'id' | 'conversation' | 'day' | 'time' | 'speaker' | 'text' | 'path' | 'line'>
  >;

/**
 * Sorts into archive order (conversation, day, time; stable) and numbers them from 0 in that
 * order: fields that name other messages (reply, threadOf, echoOf) use those numbers.
 */
export function toMessages(fields: readonly MessageFields[]): Message[] {
  const ordered = fields
    .map((message, index) => ({ message, index }))
    .sort(
      (a, b) =>
        compare(a.message.conversation, b.message.conversation) ||
        compare(a.message.day, b.message.day) ||
        compare(a.message.time, b.message.time) ||
        a.index - b.index,
    );
  return ordered.map(({ message }, id) => ({
    id,
    ...message,
    path: `${message.conversation}/_posts/${message.day}-chat.markdown`,
    line: id + 1,
  }));
}

export const EXPORTED_AT = '2026-11-24 18:30:12 UTC+01:00';

export function testContext(): ExportContext {
  return plainContext(EXPORTED_AT);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
