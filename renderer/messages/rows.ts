/**
 * The rows of the message list: messages with WeChat's time dividers between them (where they go
 * is shared/timeDividers.ts, as in the HTML export). In views that span days, such as one
 * person's messages, a divider at a change of day carries the date.
 */
import type { Message } from '../../shared/model';
import { needsTimeDivider } from '../../shared/timeDividers';

export type Row =
  | { kind: 'divider'; key: string; day: string | null; time: string }
  | {
      kind: 'message';
      key: string;
      message: Message;
      /** Same speaker as the row just above. */ continued: boolean;
    };

export interface RowOptions {
  showEchoes: boolean;
  /** Whether the messages span several days (dividers then carry the date). */
  multiDay: boolean;
}

/** `09:02:16` -> `09:02`, as WeChat shows divider times. */
export function shortTime(time: string): string {
  return time.slice(0, 5);
}

export function buildRows(messages: readonly Message[], options: RowOptions): Row[] {
  const rows: Row[] = [];
  let previous: Message | undefined;
  for (const message of messages) {
    if (!options.showEchoes && message.echoOf !== undefined) continue;
    if (needsTimeDivider(previous, message)) {
      rows.push({
        kind: 'divider',
        key: `d${message.id}`,
        day: options.multiDay ? message.day : null,
        time: shortTime(message.time),
      });
      previous = undefined;
    }
    rows.push({
      kind: 'message',
      key: `m${message.id}`,
      message,
      continued: previous !== undefined && previous.speaker === message.speaker,
    });
    previous = message;
  }
  return rows;
}

/** The messages the rows show, in order (for range selection and "select this day"). */
export function visibleMessages(rows: readonly Row[]): Message[] {
  const messages: Message[] = [];
  for (const row of rows) if (row.kind === 'message') messages.push(row.message);
  return messages;
}
