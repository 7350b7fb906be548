/**
 * The rows of the message list: messages with WeChat's time dividers between them (where they go
 * is shared/timeDividers.ts, as in the HTML export). In views that span days, such as one
 * person's messages, a divider at a change of day carries the date.
 */
import type { Message } from '../../shared/model';
import { needsTimeDivider } from '../../shared/timeDividers';
import { fitBox } from './mediaFormat';

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

/**
 * The messages the rows show, in order (for range selection and "select this day"). Events are
 * shown but are not messages: they are counted apart and never selected.
 */
export function visibleMessages(rows: readonly Row[]): Message[] {
  const messages: Message[] = [];
  for (const row of rows)
    if (row.kind === 'message' && row.message.kind !== 'event') messages.push(row.message);
  return messages;
}

/** A row's height before it is measured: close enough that a long day does not jump much. */
export function estimateRowHeight(row: Row | undefined): number {
  if (!row || row.kind === 'divider') return 40;
  const message = row.message;
  if (message.kind === 'event') return 34;
  let height = message.text.length > 60 ? 96 : message.text === '' ? 30 : 72;
  for (const attachment of message.attachments ?? []) {
    if (attachment.kind === 'image' || attachment.kind === 'sticker')
      height +=
        (fitBox(attachment.width, attachment.height, attachment.kind === 'sticker' ? 128 : 240)
          ?.height ?? 160) + 6;
    else height += attachment.kind === 'video' ? 186 : 64;
  }
  if (message.reply) height += 48;
  if (message.reactions) height += 30;
  if (message.links) height += 70 * message.links.length;
  if (message.thread || message.threadOf !== undefined) height += 24;
  return height;
}
