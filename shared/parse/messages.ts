/**
 * Message lines. A chat log's message starts at a header `> HH:MM:SS  speaker` (two or more
 * blanks, trailing blanks); a speakerless ("timeline") log has `HH:MM:SS  text` lines. The
 * patterns are anchored and have no nested quantifiers, so no line makes them backtrack.
 */

const HEADER = /^> (\d{2}):(\d{2}):(\d{2})(?:[ \t]{2,}|[ \t]*$)/;
const TIMELINE = /^[ \t]*(\d{2}):(\d{2}):(\d{2})(?:[ \t]{2,}|[ \t]*$)/;

export interface LineMatch {
  time: string;
  /** What follows the time and its blanks, trailing blanks removed. */
  rest: string;
}

/** A chat-log header line: its time and speaker. */
export function matchHeader(line: string): LineMatch | null {
  return matchTimed(HEADER, line);
}

/** A speakerless log line: its time and the start of the message text. */
export function matchTimelineLine(line: string): LineMatch | null {
  return matchTimed(TIMELINE, line);
}

/**
 * A day marker `<!-- day: 2018-05-16 -->`, which Scrollback's Markdown export writes where the
 * next day of a thread begins, so that one exported file keeps messages of several days (the file
 * name and front matter can hold only one). Anything after the day is a note for people reading
 * the file (the conversation) and is ignored. An HTML comment, so Markdown viewers hide it.
 */
const DAY_MARKER = /^<!-- day: (\d{4}-\d{2}-\d{2})(?: [^\r\n]*)? -->[ \t]*$/;

/** The day a day marker line names (not checked against the calendar), or null. */
export function matchDayMarker(line: string): string | null {
  return DAY_MARKER.exec(line)?.[1] ?? null;
}

function matchTimed(pattern: RegExp, line: string): LineMatch | null {
  const match = pattern.exec(line);
  if (!match) return null;
  return {
    time: `${match[1]}:${match[2]}:${match[3]}`,
    rest: line.slice(match[0].length).trimEnd(),
  };
}
