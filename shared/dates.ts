/**
 * Floating days and times. An archive's `2018-05-15 09:02:16` is a wall-clock reading in the
 * writer's zone, which the archive does not record; it must read the same in every time zone, so
 * nothing here goes through `Date` with the local zone. Calendar arithmetic uses UTC only as a
 * zone-free counter of days.
 */
import type { Day } from './model';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats year, month (1-12) and day as `YYYY-MM-DD`. */
export function formatDay(year: number, month: number, day: number): Day {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day `offset` days after `day` (before, when negative). */
export function addDays(day: Day, offset: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + offset));
  return formatDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Sunday ... 6 = Saturday, for laying out calendars. */
export function weekday(day: Day): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Seconds since midnight of `HH:MM:SS` (read digit by digit: it runs for every message). */
export function secondsOfDay(time: string): number {
  const digit = (at: number) => time.charCodeAt(at) - 48;
  return (
    (digit(0) * 10 + digit(1)) * 3600 + (digit(3) * 10 + digit(4)) * 60 + digit(6) * 10 + digit(7)
  );
}

/** A length in seconds as players write it: `0:07`, `3:05`, `1:02:03` (the app and exports). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return hours > 0
    ? `${hours}:${pad(minutes)}:${pad(whole % 60)}`
    : `${minutes}:${pad(whole % 60)}`;
}

/**
 * Finds a day in a file name (`2018-05-15-chat.markdown`) or a front matter value
 * (`2018-05-15 12:00:00`, `2018-5-15`); null when there is none or it is not a real date.
 */
export function findDay(value: string): Day | null {
  const match = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(value);
  if (!match) return null;
  const day = formatDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return isDay(day) ? day : null;
}

/** A floating day and time. */
export interface WallClock {
  day: Day;
  time: string;
}

interface IntlPart {
  type: string;
  value: string;
}
interface IntlFormatter {
  formatToParts(date: Date): IntlPart[];
}
type IntlFormatterConstructor = new (locale: string, options: object) => IntlFormatter;
// Intl is ECMAScript (ECMA-402), present in Node, Electron and browsers; shared/ is compiled
// with the ES library only, which declares it, but the constructor's options are typed loosely.
const DateTimeFormat = (Intl as unknown as { DateTimeFormat: IntlFormatterConstructor })
  .DateTimeFormat;

/** Per zone: a formatter, and the zone's offset (ms) for each hour already seen. */
const zones = new Map<string, { format: IntlFormatter; offsets: Map<number, number> }>();

/** The canonical zone names, listed without loading the zones' data. */
let canonical: ReadonlySet<string> | null = null;

/** Whether `timeZone` is an IANA zone name this platform knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  // The list answers for canonical names in about 2 ms; a formatter (needed for UTC and aliases
  // such as Asia/Calcutta) loads time zone data first, about 20 ms of a one-shot command.
  if (timeZone === 'UTC') return true;
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf;
  canonical ??= new Set(supported ? supported('timeZone') : []);
  if (canonical.has(timeZone)) return true;
  try {
    new DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC (ms) at a whole second. */
function offsetAt(format: IntlFormatter, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour! % 24,
    parts.minute!,
    parts.second!,
  );
  return local - epochMs;
}

/**
 * The wall clock in `timeZone` at an instant (milliseconds since 1970 UTC), for formats that
 * store only instants. Offsets are looked up once per zone and hour, so a million messages cost
 * a few thousand lookups. Throws RangeError for an unknown zone (check with isTimeZone).
 */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = {
      format: new DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
      offsets: new Map(),
    };
    zones.set(timeZone, zone);
  }
  const hour = Math.floor(epochMs / 3_600_000);
  let offset = zone.offsets.get(hour);
  if (offset === undefined) {
    const start = offsetAt(zone.format, hour * 3_600_000);
    // An hour in which the offset changes (a transition at half past, in zones such as
    // Newfoundland's) is not cached: each instant in it is looked up on its own.
    if (start === offsetAt(zone.format, (hour + 1) * 3_600_000 - 1000)) {
      offset = start;
      zone.offsets.set(hour, offset);
    } else offset = offsetAt(zone.format, Math.floor(epochMs / 1000) * 1000);
  }
  // UTC is only a zone-free calendar here: the offset has been applied already.
  const local = new Date(epochMs + offset);
  return {
    day: formatDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()),
    time: `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}:${String(local.getUTCSeconds()).padStart(2, '0')}`,
  };
}

/** A day as the number YYYYMMDD (ordered as the days are), for compact columns. */
export function dayNumber(day: Day): number {
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** The day of a dayNumber. */
export function dayOfNumber(value: number): Day {
  return formatDay(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
}
