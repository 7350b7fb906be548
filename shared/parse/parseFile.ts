/**
 * Reads one file's text into messages. Pure: the caller decodes the bytes and supplies the front
 * matter reader (gray-matter on the Node side), so this module runs anywhere.
 */
import { findDay, isDay } from '../dates';
import type { Diagnostic, FileKind, ParsedFile, ParsedMessage } from '../model';
import { decodeEntities } from '../text/entities';
import { findFrontMatter } from './frontMatter';
import { isBlank, splitLines } from './lines';
import { matchDayMarker, matchHeader, matchTimelineLine } from './messages';

/** What the front matter reader returns: the parsed data, or why it could not be parsed. */
export type FrontMatterResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: string };
export type FrontMatterReader = (block: string, language: string) => FrontMatterResult;

/** File name endings read as Markdown (chat logs, speakerless logs, documents). */
const TEXT_EXTENSIONS = /\.(md|markdown|mdown|mkd|mkdn|txt)$/i;

/** Whether a file is worth reading at all; everything else is counted as skipped. */
export function isCandidateFile(path: string): boolean {
  return TEXT_EXTENSIONS.test(path);
}

export function parseFile(
  path: string,
  text: string,
  readFrontMatter: FrontMatterReader,
): ParsedFile {
  const diagnostics: Diagnostic[] = [];
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
      diagnostics.push({
        path,
        line: 1,
        message: `The front matter could not be read (${result.error}); the rest of the file was read.`,
      });
  } else if (block.kind === 'unterminated') {
    // Without a closing `---` there is no telling where the front matter ends: look for messages
    // in the whole file rather than lose them.
    bodyStart = 1;
    diagnostics.push({
      path,
      line: 1,
      message:
        'The front matter has no closing "---" line before the messages; the file was read as if it had none.',
    });
  }

  const title = typeof data.title === 'string' ? data.title : null;
  const kind = classify(lines, bodyStart, block.kind !== 'none');
  const day = findDay(baseName(path)) ?? dayFromFrontMatter(data.date);
  const messages =
    kind === 'chat'
      ? readChat(lines, bodyStart, path, diagnostics)
      : kind === 'timeline'
        ? readTimeline(lines, bodyStart)
        : [];

  if (messages.length > 0 && day === null) {
    diagnostics.push({
      path,
      message: `No date in the file name or in the front matter "date", so its ${messages.length} messages cannot be placed on a day. Rename it to start with YYYY-MM-DD.`,
    });
  }
  return { path, kind, day, title, messages, diagnostics };
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

function readChat(
  lines: readonly string[],
  start: number,
  path: string,
  diagnostics: Diagnostic[],
): ParsedMessage[] {
  const messages: ParsedMessage[] = [];
  let current: {
    time: string;
    speaker: string;
    line: number;
    text: string[];
    day: string | null;
  } | null = null;
  let stray = 0;
  let strayLine = 0;
  // The day of the last day marker (see matchDayMarker); null keeps the file's day.
  let markedDay: string | null = null;
  const flush = () => {
    if (!current) return;
    const message = finish(current.time, current.speaker, current.text, current.line);
    if (current.day !== null) message.day = current.day;
    messages.push(message);
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const header = matchHeader(line);
    const marker = header ? null : matchDayMarker(line);
    if (header) {
      flush();
      current = {
        time: header.time,
        speaker: header.rest.trim(),
        line: i + 1,
        text: [],
        day: markedDay,
      };
    } else if (marker !== null && isDay(marker)) {
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
    diagnostics.push({
      path,
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

function finish(time: string, speaker: string, text: string[], line: number): ParsedMessage {
  return { time, speaker, text: decodeEntities(text.map((l) => l.trimEnd()).join('\n')), line };
}

function dayFromFrontMatter(value: unknown): string | null {
  if (typeof value === 'string') return findDay(value);
  return null;
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}
