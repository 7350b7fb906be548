/**
 * The rows of the message list: messages with WeChat's time dividers between them. A divider
 * opens the list, follows every gap of more than five minutes, and (in views that span days,
 * such as one person's messages) every change of day, where it carries the date.
 */
import { secondsOfDay } from '../../shared/dates';
import type { Message } from '../../shared/model';

export const DIVIDER_GAP_SECONDS = 5 * 60;

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

/** Whether a time divider goes between `previous` and `next` (messages in display order). */
export function needsDivider(previous: Message | undefined, next: Message): boolean {
  if (!previous) return true;
  if (previous.day !== next.day || previous.conversation !== next.conversation) return true;
  return secondsOfDay(next.time) - secondsOfDay(previous.time) > DIVIDER_GAP_SECONDS;
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
    if (needsDivider(previous, message)) {
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
