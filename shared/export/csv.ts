/**
 * CSV per RFC 4180: a header row, CRLF between records, every field quoted, quotes doubled, line
 * breaks kept inside quoted fields, UTF-8 with a byte order mark so spreadsheet programs show
 * Chinese correctly.
 *
 * One departure, for safety: the archive is untrusted, and a spreadsheet program runs a cell that
 * starts with = + - @ (or a tab or carriage return) as a formula (`=HYPERLINK(...)`). Such a cell
 * gets one leading apostrophe, which spreadsheets hide and which stops the formula; a cell that
 * already starts with apostrophes before one of those characters gets one more, so removing one
 * apostrophe from every cell matching /^'+[=+\-@\t\r]/ gives the exact text back.
 *
 * After the text, one column each for what richer exports carry, written as the text export
 * writes it (describe.ts), empty when the message has none: `kind` (`event` for a system line,
 * else empty), `reply` (`↪ reply to Ana: …`), `attachments` (one `📎 name (facts): place` per
 * line), `reactions` (`👍 2 (Ana, Ben) · ❤️ 1`), `links` (addresses the text does not show),
 * `forwarded_from`, `edited` (when, or `yes`), `pinned` (`yes`), `thread`.
 */
import type { Message } from '../model';
import { conversationTitle, type ExportContext } from './context';
import { attachmentLine, linkLines, reactionsLine, replyLine, threadLabel } from './describe';

const CSV_COLUMNS = [
  'conversation',
  'title',
  'day',
  'time',
  'speaker',
  'person',
  'text',
  'kind',
  'reply',
  'attachments',
  'reactions',
  'links',
  'forwarded_from',
  'edited',
  'pinned',
  'thread',
] as const;

const BYTE_ORDER_MARK = '\uFEFF';
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function formatCsv(messages: readonly Message[], context: ExportContext): string {
  const records = [CSV_COLUMNS.map(quote).join(',')];
  for (const message of messages) {
    const fields = [
      message.conversation,
      conversationTitle(context, message.conversation),
      message.day,
      message.time,
      message.speaker,
      message.speaker === '' ? '' : context.personOf(message.conversation, message.speaker),
      message.text,
      message.kind ?? '',
      message.reply ? replyLine(message.reply) : '',
      (message.attachments ?? []).map(attachmentLine).join('\n'),
      reactionsLine(message.reactions ?? [], true),
      linkLines(message).join('\n'),
      message.forwardedFrom ?? '',
      message.edited === true ? 'yes' : (message.edited ?? ''),
      message.pinned ? 'yes' : '',
      threadLabel(message) ?? '',
    ];
    records.push(fields.map((field) => quote(defuse(field))).join(','));
  }
  return `${BYTE_ORDER_MARK}${records.join('\r\n')}\r\n`;
}

function defuse(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

function quote(field: string): string {
  return `"${field.replaceAll('"', '""')}"`;
}
