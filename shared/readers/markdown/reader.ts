/**
 * The Markdown reader: daily WeChat group logs kept as a Jekyll site (`_posts/2018-05-15-chat.md`
 * with YAML front matter), speakerless logs, cumulative exports whose headers carry the date, and
 * Scrollback's own Markdown export. A file's conversation is its folder; other Markdown files are
 * documents. See headers.ts for the line layouts.
 */
import { findDay } from '../../dates';
import type { Day, FileKind, ParsedMessage } from '../../model';
import { decodeEntities } from '../../text/entities';
import { baseName, conversationOfFolder } from '../paths';
import type { FileReader, FrontMatterReader, ReadSink } from '../reader';
import { wholeText } from '../whole';
import { findFrontMatter } from './frontMatter';
import { looksLikeMessageLine, matchDayLine, matchHeader, matchTimelineLine } from './headers';
import { isBlank, splitLines } from '../../text/lines';

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd|mkdn|txt)$/i;

/** A document with at least this many message-like lines gets a diagnostic: they were not read. */
const UNKNOWN_LAYOUT_LINES = 20;

export const markdownReader: FileReader = {
  format: 'markdown',
  // Any text file with a Markdown or text name may be a log; what it holds decides its kind.
  // Low, so that a reader that recognises the content (a WhatsApp chat .txt) wins.
  sniff: (path) => (MARKDOWN_NAME.test(path) ? 0.1 : 0),
  begin: (path, context, sink) =>
    wholeText(sink, (text) => readMarkdown(path, text, context.readFrontMatter, sink)),
};

/** Reads a Markdown log's text; returns what the file turned out to be. */
export function readMarkdown(
  path: string,
  text: string,
  readFrontMatter: FrontMatterReader,
  sink: ReadSink,
): FileKind {
  const lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  let block = findFrontMatter(lines);
  if (block.kind === 'closed' && lines.slice(1, block.endLine).some((line) => matchHeader(line))) {
    // Message headers between the "---" lines: this is no front matter but a log whose first
    // line happens to be "---". Reading it as YAML would lose those messages.
    block = { kind: 'unterminated', language: block.language };
  }

  let bodyStart = 0;
  let data: Record<string, unknown> = {};
  if (block.kind === 'closed') {
    bodyStart = block.bodyStart;
    const result = readFrontMatter(lines.slice(0, block.endLine + 1).join('\n'), block.language);
    if (result.ok) data = result.data;
    else
      sink.diagnostic({
        line: 1,
        message: `The front matter could not be read (${result.error}); the rest of the file was read.`,
      });
  } else if (block.kind === 'unterminated') {
    // Without a closing `---` there is no telling where the front matter ends: look for messages
    // in the whole file rather than lose them.
    bodyStart = 1;
    sink.diagnostic({
      line: 1,
      message:
        'The front matter has no closing "---" line before the messages; the file was read as if it had none.',
    });
  }

  const kind = classify(lines, bodyStart, block.kind !== 'none');
  const day = findDay(baseName(path)) ?? dayFromFrontMatter(data.date);
  if (kind === 'document') {
    warnUnknownLayout(lines, bodyStart, sink);
    return kind;
  }
  const messages =
    kind === 'chat' ? readChat(lines, bodyStart, sink) : readTimeline(lines, bodyStart);
  const undated = messages.reduce((count, message) => count + (message.day ? 0 : 1), 0);
  if (undated > 0 && day === null) {
    sink.diagnostic({
      message: `No date in the file name or in the front matter "date", so ${undated} of its messages cannot be placed on a day. Rename it to start with YYYY-MM-DD.`,
    });
  }
  if (messages.length > 0) {
    const conversation = sink.conversation({
      id: conversationOfFolder(path),
      title: null,
      format: 'markdown',
      day,
    });
    for (const message of messages) sink.message(conversation, message);
  }
  return kind;
}

/**
 * A file with header lines is a chat log. Without them, it is a speakerless log when most of its
 * lines are `HH:MM:SS  text`. A file with front matter and an empty body is an empty day of a log.
 */
function classify(lines: readonly string[], bodyStart: number, hasFrontMatter: boolean): FileKind {
  let nonBlank = 0;
  let timed = 0;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (matchHeader(line)) return 'chat';
    nonBlank++;
    if (matchTimelineLine(line)) timed++;
  }
  if (nonBlank === 0) return hasFrontMatter ? 'chat' : 'document';
  return timed > 0 && timed * 2 >= nonBlank ? 'timeline' : 'document';
}

function warnUnknownLayout(lines: readonly string[], start: number, sink: ReadSink): void {
  let count = 0;
  let first = -1;
  for (let i = start; i < lines.length; i++) {
    if (!looksLikeMessageLine(lines[i]!)) continue;
    if (count++ === 0) first = i;
  }
  if (count < UNKNOWN_LAYOUT_LINES) return;
  const text = lines[first]!.trim();
  sink.diagnostic({
    line: first + 1,
    message: `Read as a document, but ${count} of its lines look like messages in a layout Scrollback does not know, starting with "${text.length > 80 ? `${text.slice(0, 80)}…` : text}". They were not read as messages; please report the layout.`,
  });
}

function readChat(lines: readonly string[], start: number, sink: ReadSink): ParsedMessage[] {
  const messages: ParsedMessage[] = [];
  let current: { time: string; speaker: string; line: number; text: string[]; day?: Day } | null =
    null;
  let stray = 0;
  let strayLine = 0;
  // The day of the last day marker or day heading; undefined keeps the file's day.
  let markedDay: Day | undefined;
  const flush = () => {
    if (current)
      messages.push(finish(current.time, current.speaker, current.text, current.line, current.day));
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const header = matchHeader(line);
    if (header) {
      flush();
      current = {
        time: header.time,
        speaker: header.rest.trim(),
        line: i + 1,
        text: [],
        day: header.day ?? markedDay,
      };
      continue;
    }
    const marker = matchDayLine(line);
    if (marker !== null) {
      flush();
      current = null;
      markedDay = marker;
    } else if (!isBlank(line)) {
      if (current) current.text.push(line);
      else if (stray++ === 0) strayLine = i + 1;
    }
  }
  flush();
  if (stray > 0) {
    sink.diagnostic({
      line: strayLine,
      message: `${stray} line${stray === 1 ? '' : 's'} of text before the first message header belong to no message and were not read.`,
    });
  }
  return messages;
}

function readTimeline(lines: readonly string[], start: number): ParsedMessage[] {
  const messages: ParsedMessage[] = [];
  let current: { time: string; line: number; text: string[] } | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const timed = matchTimelineLine(line);
    if (timed) {
      if (current) messages.push(finish(current.time, '', current.text, current.line));
      current = { time: timed.time, line: i + 1, text: timed.rest === '' ? [] : [timed.rest] };
    } else if (current && !isBlank(line)) {
      // A continuation of the message above (a long message wrapped by the exporter).
      current.text.push(line);
    }
  }
  if (current) messages.push(finish(current.time, '', current.text, current.line));
  return messages;
}

function finish(
  time: string,
  speaker: string,
  text: string[],
  line: number,
  day?: Day,
): ParsedMessage {
  const message: ParsedMessage = {
    time,
    speaker,
    text: decodeEntities(text.map((l) => l.trimEnd()).join('\n')),
    line,
  };
  if (day !== undefined) message.day = day;
  return message;
}

function dayFromFrontMatter(value: unknown): string | null {
  if (typeof value === 'string') return findDay(value);
  return null;
}
