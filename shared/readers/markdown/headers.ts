/**
 * The lines that start messages in the Markdown logs. A chat log's message starts at a header
 * `> HH:MM:SS  speaker` (two or more blanks, trailing blanks), or in cumulative exports
 * `> YYYY-MM-DD HH:MM:SS  speaker`, whose day is the message's own. A speakerless ("timeline")
 * log has lines `HH:MM:SS  text`, some written `H:MM:SS<TAB>text` (one-digit hour, one tab).
 * Hours may have one digit everywhere; times are always returned as `HH:MM:SS`. The patterns are
 * anchored and have no nested quantifiers, so no line makes them backtrack.
 */
import { isDay } from '../../dates';

const HEADER = /^> (?:(\d{4}-\d{2}-\d{2})[ \t]+)?(\d{1,2}):(\d{2}):(\d{2})(?:[ \t]{2,}|[ \t]*$)/;
const TIMELINE = /^[ \t]*(\d{1,2}):(\d{2}):(\d{2})(?:\t|[ \t]{2,}|[ \t]*$)/;

export interface LineMatch {
  time: string;
  /** The day written before the time (`> 2017-05-05 08:44:59  name`), when there is one. */
  day?: string;
  /** What follows the time and its blanks, trailing blanks removed. */
  rest: string;
}

/** A chat-log header line: its time, its day when written, and the speaker. */
export function matchHeader(line: string): LineMatch | null {
  if (line.charCodeAt(0) !== 0x3e /* > */) return null;
  const match = HEADER.exec(line);
  if (!match || !validTime(match[2]!, match[3]!, match[4]!)) return null;
  if (match[1] !== undefined && !isDay(match[1])) return null;
  const found: LineMatch = {
    time: `${match[2]!.padStart(2, '0')}:${match[3]}:${match[4]}`,
    rest: line.slice(match[0].length).trimEnd(),
  };
  if (match[1] !== undefined) found.day = match[1];
  return found;
}

/** A speakerless log line: its time and the start of the message text. */
export function matchTimelineLine(line: string): LineMatch | null {
  const match = TIMELINE.exec(line);
  if (!match || !validTime(match[1]!, match[2]!, match[3]!)) return null;
  return {
    time: `${match[1]!.padStart(2, '0')}:${match[2]}:${match[3]}`,
    rest: line.slice(match[0].length).trimEnd(),
  };
}

function validTime(hours: string, minutes: string, seconds: string): boolean {
  return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}

/**
 * A day marker `<!-- day: 2018-05-16 -->`, which Scrollback's Markdown export writes where the
 * next day of a thread begins, so that one exported file keeps messages of several days (the file
 * name and front matter can hold only one). Anything after the day is a note for people reading
 * the file (the conversation) and is ignored. An HTML comment, so Markdown viewers hide it.
 */
const DAY_MARKER = /^<!-- day: (\d{4}-\d{2}-\d{2})(?: [^\r\n]*)? -->[ \t]*$/;

/** A day heading `## 2017-05-05` of a cumulative export: the day of the headers that follow. */
const DAY_HEADING = /^## (\d{4}-\d{2}-\d{2})[ \t]*$/;

/** The day a day marker or day heading line names (a real calendar day), or null. */
export function matchDayLine(line: string): string | null {
  const first = line.charCodeAt(0);
  if (first !== 0x3c /* < */ && first !== 0x23 /* # */) return null;
  const day = (DAY_MARKER.exec(line) ?? DAY_HEADING.exec(line))?.[1] ?? null;
  return day !== null && isDay(day) ? day : null;
}

/**
 * A line that looks like the start of a message in some layout we do not read: a time or a
 * date and time near its start (`[2017-05-05 08:44] name: text`, `08:44 name`, `5/5/17, 8:44 -`).
 * Used only to warn that a document may hold messages that were not read.
 */
const MESSAGE_LIKE =
  /^[ \t>*\-[(]{0,4}(?:\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}日?[ \t,T]{1,3}|)\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/;

export function looksLikeMessageLine(line: string): boolean {
  return MESSAGE_LIKE.test(line);
}
