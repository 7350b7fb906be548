/**
 * The line grammar of WhatsApp chat exports: the lines that start a message.
 *
 *     12/24/19, 11:23 PM - Ana Lima: text          Android (en-US; U+202F before PM since 2023)
 *     24/12/2019, 23:23 - Ana Lima: text           Android (en-GB, and most locales)
 *     24.12.19, 23:23 - Ana Lima: text             Android (de)
 *     24/12/19, 11:23 p. m. - Ana Lima: text       Android (es)
 *     2019/12/24 午後11:23 - 佐藤花子: text           Android (ja); 下午 (zh), 오후 (ko) likewise
 *     [24.12.19, 23:23:45] Ana Lima: text          iOS
 *     [24.12.2019 klo 23.23.45] Ana Lima: text     iOS (fi: a word between date and time, dots)
 *     12/24/19, 11:23:45 PM: Ana Lima: text        iOS before 2017
 *
 * The date is three numbers with one separator (`/ . -`, a blank after it allowed); which is
 * the day is decided per file (dateOrder.ts). The line is matched on a bounded, mark-free prefix
 * with sticky patterns that have no nested quantifiers: no line makes them backtrack.
 */
import { plainPrefix } from './marks';

/** The three numbers of a date as written, before the file's date order says which is which. */
export interface DateParts {
  first: number;
  second: number;
  third: number;
  firstDigits: number;
  thirdDigits: number;
}

export interface Header {
  date: DateParts;
  /** The date as written (`24.12.19`), for diagnostics. */
  written: string;
  /** `HH:MM:SS`, 24-hour. */
  time: string;
  /** The part after the date and time: `Name: text`, or a system line. */
  rest: string;
}

/** No header is longer than this many characters (after dropping marks). */
const PREFIX = 64;

const DATE = /(\d{1,4})([./-]) ?(\d{1,2})\2 ?(\d{1,4})\.?/y;
const CLOCK = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?/y;
/** A short word between date and time: `à` (fr), `um` (de), `klo` (fi), `kl.` (da, no). */
const CONNECTIVE = /[^\d\s[\]:,.\-/]{1,4}\.? /y;

/** 12-hour clock markers as WhatsApp writes them, longest first; compared in lower case. */
const MERIDIEMS: readonly (readonly [string, 'am' | 'pm'])[] = (
  [
    ['a. m.', 'am'],
    ['p. m.', 'pm'],
    ['a.m.', 'am'],
    ['p.m.', 'pm'],
    ['π.μ.', 'am'],
    ['μ.μ.', 'pm'],
    ['a.m', 'am'],
    ['p.m', 'pm'],
    ['am', 'am'],
    ['pm', 'pm'],
    ['午前', 'am'],
    ['午後', 'pm'],
    ['上午', 'am'],
    ['下午', 'pm'],
    ['오전', 'am'],
    ['오후', 'pm'],
    ['ص', 'am'],
    ['م', 'pm'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** The first characters of the markers, to refuse most positions at once. */
const MERIDIEM_STARTS = new Set(MERIDIEMS.map(([form]) => form.charAt(0)));

/** The header of a line that starts a message, or null for any other line. */
export function matchHeader(line: string): Header | null {
  // Most lines of a chat are not headers: refuse them before any work.
  const start = firstVisible(line);
  if (start === -1) return null;
  const code = line.charCodeAt(start);
  if (code !== 0x5b /* [ */ && (code < 0x30 || code > 0x39)) return null;

  const { text, origin } = plainPrefix(line, PREFIX);
  let at = 0;
  const bracketed = text[0] === '[';
  if (bracketed) at = 1;

  DATE.lastIndex = at;
  const date = DATE.exec(text);
  if (!date) return null;
  at = DATE.lastIndex;
  if (text[at] === ',' || text[at] === '،') at++;
  at = skipBlanks(text, at, 2);

  let meridiem = readMeridiem(text, at, 'before');
  if (meridiem) at = skipBlanks(text, meridiem.end, 1);
  else {
    CONNECTIVE.lastIndex = at;
    if (CONNECTIVE.exec(text)) {
      at = CONNECTIVE.lastIndex;
      meridiem = readMeridiem(text, at, 'before');
      if (meridiem) at = skipBlanks(text, meridiem.end, 1);
    }
  }

  CLOCK.lastIndex = at;
  const clock = CLOCK.exec(text);
  if (!clock) return null;
  at = CLOCK.lastIndex;
  if (!meridiem) {
    meridiem = readMeridiem(text, skipBlanks(text, at, 1), 'after');
    if (meridiem) at = meridiem.end;
  }
  const time = clockTime(clock, meridiem?.value ?? null);
  if (time === null) return null;

  if (bracketed) {
    if (text[at] !== ']') return null;
    at = skipBlanks(text, at + 1, 1);
  } else if (text.startsWith(' - ', at) || text.startsWith(' – ', at)) at += 3;
  else if (text.startsWith(': ', at)) at += 2;
  else return null;

  return {
    date: {
      first: Number(date[1]),
      second: Number(date[3]),
      third: Number(date[4]),
      firstDigits: date[1]!.length,
      thirdDigits: date[4]!.length,
    },
    written: trimDate(date[0]),
    time,
    rest: line.slice(origin === null ? at : origin[at]),
  };
}

/** The date without the dot and blank that may end it (`2024. 3. 14. ` -> `2024. 3. 14`). */
function trimDate(date: string): string {
  let end = date.length;
  while (end > 0 && (date[end - 1] === '.' || date[end - 1] === ' ')) end--;
  return date.slice(0, end);
}

function firstVisible(line: string): number {
  for (let i = 0; i < line.length && i < 8; i++) {
    const code = line.charCodeAt(i);
    if (code !== 0x200e && code !== 0x200f && code !== 0xfeff && (code < 0x202a || code > 0x202e))
      return i;
  }
  return -1;
}

function skipBlanks(text: string, at: number, most: number): number {
  let end = at;
  while (end - at < most && text[end] === ' ') end++;
  return end;
}

/**
 * A 12-hour marker at `at`. Before the time (`午後11:23`) it must be followed by a digit or a
 * blank; after it (`11:23 PM`), by the end of the date part.
 */
function readMeridiem(
  text: string,
  at: number,
  place: 'before' | 'after',
): { value: 'am' | 'pm'; end: number } | null {
  if (!MERIDIEM_STARTS.has(text.charAt(at).toLowerCase())) return null;
  for (const [form, value] of MERIDIEMS) {
    if (text.slice(at, at + form.length).toLowerCase() !== form) continue;
    const next = text[at + form.length];
    const fits =
      place === 'before'
        ? next === ' ' || (next !== undefined && next >= '0' && next <= '9')
        : next === undefined || next === ' ' || next === ']' || next === ':' || next === ',';
    if (fits) return { value, end: at + form.length };
  }
  return null;
}

function clockTime(clock: RegExpExecArray, meridiem: 'am' | 'pm' | null): string | null {
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  const second = clock[3] === undefined ? 0 : Number(clock[3]);
  if (minute > 59 || second > 59) return null;
  if (meridiem) {
    if (hour > 12) return null;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  } else if (hour > 23) return null;
  return `${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
