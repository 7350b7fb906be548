/**
 * The WhatsApp reader: chat exports as the app writes them, `WhatsApp Chat with X.txt` (Android)
 * and `_chat.txt` in the zip iOS shares, in every locale's date and clock (header.ts). One
 * conversation per file; each message carries its own day.
 *
 * A file is read in two passes over its lines: the first only gathers the dates, to decide the
 * file's date order (dateOrder.ts); the second reads the messages in that order and hands them
 * to the sink as they are finished, so no list of messages is held.
 */
import type { FileKind, ParsedMessage } from '../../model';
import { decodeBytes } from '../../text/decode';
import { isBlank, splitLines } from '../../text/lines';
import { conversationOfFile, folderOf } from '../paths';
import type { FileReader, ReadSink } from '../reader';
import { wholeText } from '../whole';
import { DATE_ORDERS, DateOrderTally, dayOf } from './dateOrder';
import { matchHeader, type Header } from './header';
import { composeMessage } from './message';
import { chatTitle, hasWhatsAppName } from './names';

/** How much of the head `sniff` decodes, and how many of its lines it looks at. */
const SNIFF_BYTES = 16 * 1024;
const SNIFF_LINES = 20;

export const whatsappReader: FileReader = {
  format: 'whatsapp',
  sniff: sniffWhatsApp,
  begin: (path, _context, sink) => wholeText(sink, (text) => readWhatsApp(path, text, sink)),
};

/**
 * Sure when the first lines are WhatsApp message lines (surer under a WhatsApp file name); 0
 * otherwise, whatever the name.
 */
function sniffWhatsApp(path: string, head: Uint8Array): number {
  try {
    let bytes = head.subarray(0, SNIFF_BYTES);
    // Cut at a line end, so that a character split by the cut does not spoil the decoding.
    const newline = bytes.lastIndexOf(0x0a);
    if (bytes.length === SNIFF_BYTES && newline > 0) bytes = bytes.subarray(0, newline);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return 0;
    let seen = 0;
    let headers = 0;
    let firstIsHeader = false;
    for (const line of splitLines(decoded.text)) {
      if (isBlank(line)) continue;
      const header = plausibleHeader(line);
      if (seen === 0) firstIsHeader = header;
      if (header) headers++;
      if (++seen === SNIFF_LINES) break;
    }
    const fits = headers > 0 && (firstIsHeader || headers * 2 >= seen);
    if (!fits) return 0;
    return hasWhatsAppName(path) ? 0.9 : 0.6;
  } catch {
    return 0;
  }
}

function plausibleHeader(line: string): boolean {
  const header = matchHeader(line);
  if (header === null) return false;
  return DATE_ORDERS.some((order) => dayOf(header.date, order) !== null);
}

interface Pending {
  header: Header;
  day: string;
  line: number;
  continuation: string[];
}

/** Reads a WhatsApp chat's text; returns what the file turned out to be. */
function readWhatsApp(path: string, text: string, sink: ReadSink): FileKind {
  const lines = splitLines(text);
  const tally = new DateOrderTally();
  for (const line of lines) {
    const header = matchHeader(line);
    if (header) tally.add(header.date, header.written);
  }
  if (tally.count === 0) {
    sink.diagnostic({
      message:
        'No WhatsApp message lines (such as "24/12/2019, 23:23 - Name: text") were found, so nothing was read.',
    });
    return 'document';
  }
  const decision = tally.decide();
  if (decision.note !== null) sink.diagnostic({ message: decision.note });

  const folder = folderOf(path);
  let conversation = -1;
  let pending: Pending | null = null;
  const flush = () => {
    if (pending === null) return;
    if (conversation === -1)
      conversation = sink.conversation({
        id: conversationOfFile(path),
        title: chatTitle(path),
        format: 'whatsapp',
        day: null,
      });
    const message: ParsedMessage = {
      day: pending.day,
      time: pending.header.time,
      line: pending.line,
      ...composeMessage(pending.header.rest, pending.continuation, folder),
    };
    sink.message(conversation, message);
    pending = null;
  };

  const stray = new LineCount();
  const misfit = new LineCount();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const header = matchHeader(line);
    const day = header === null ? null : dayOf(header.date, decision.order);
    if (header !== null && day !== null) {
      flush();
      pending = { header, day, line: index + 1, continuation: [] };
      continue;
    }
    if (header !== null) misfit.add(index + 1);
    if (pending !== null) pending.continuation.push(line);
    else if (!isBlank(line)) stray.add(index + 1);
  }
  flush();

  if (stray.count > 0)
    sink.diagnostic({
      line: stray.first,
      message:
        stray.count === 1
          ? '1 line before the first message belongs to no message and was not read.'
          : `${stray.count} lines before the first message belong to no message and were not read.`,
    });
  if (misfit.count > 0)
    sink.diagnostic({
      line: misfit.first,
      message: `${misfit.count} ${misfit.count === 1 ? 'line starts' : 'lines start'} like a message but with a date that is no real day when read ${decision.order}; ${misfit.count === 1 ? 'it was' : 'they were'} kept as text of the message before.`,
    });
  return conversation === -1 ? 'document' : 'chat';
}

/** How many lines were of some kind, and the first of them (1-based). */
class LineCount {
  count = 0;
  first = 0;
  add(line: number): void {
    if (this.count++ === 0) this.first = line;
  }
}
