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

/** Seconds since midnight of `HH:MM:SS`. */
export function secondsOfDay(time: string): number {
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
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
