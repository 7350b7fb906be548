/**
 * Calendar arithmetic over floating days (no time zones): month grids, heatmap levels, the
 * previous/next day with messages, and the nearest active day to a date someone typed.
 */
import { addDays, daysInMonth, formatDay, weekday } from '../../shared/dates';
import type { DayActivity } from '../../shared/model';

/** A month's days in weeks starting on Monday; null pads the first and last week. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = formatDay(year, month, 1);
  const lead = (weekday(first) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(formatDay(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Shade 0 (no messages) to 4, on a square-root scale so a few huge days do not wash out the rest. */
export function heatLevel(messages: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (messages <= 0 || busiest <= 0) return 0;
  const ratio = Math.sqrt(Math.min(messages, busiest) / busiest);
  return Math.min(4, Math.max(1, Math.ceil(ratio * 4))) as 1 | 2 | 3 | 4;
}

export interface YearActivity {
  year: number;
  messages: number;
  days: number;
}

export function yearActivity(days: readonly DayActivity[]): YearActivity[] {
  const years = new Map<number, YearActivity>();
  for (const { day, messages } of days) {
    const year = Number(day.slice(0, 4));
    const entry = years.get(year) ?? { year, messages: 0, days: 0 };
    entry.messages += messages;
    entry.days++;
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Index of the first day >= `day` in the sorted list (its length when none). */
function lowerBound(days: readonly DayActivity[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The closest day with messages before (-1) or after (+1) `day`, which need not have any. */
export function adjacentDay(
  days: readonly DayActivity[],
  day: string,
  direction: -1 | 1,
): string | null {
  const index = lowerBound(days, day);
  if (direction === 1) {
    const next = days[index]?.day === day ? index + 1 : index;
    return days[next]?.day ?? null;
  }
  return days[index - 1]?.day ?? null;
}

/** The day with messages nearest to `day` (itself when it has some; the earlier one on a tie). */
export function nearestDay(days: readonly DayActivity[], day: string): string | null {
  const index = lowerBound(days, day);
  const after = days[index]?.day;
  const before = days[index - 1]?.day;
  if (after === undefined || before === undefined) return after ?? before ?? null;
  if (after === day) return after;
  return daysBetween(before, day) <= daysBetween(day, after) ? before : after;
}

/** Whole days from `from` to `to` (floating days, no zone). */
function daysBetween(from: string, to: string): number {
  const at = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return at(to) - at(from);
}

/** `2018-05` of a day, and stepping months without Date. */
export function monthOf(day: string): { year: number; month: number } {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

export function addMonths(
  at: { year: number; month: number },
  offset: number,
): { year: number; month: number } {
  const index = at.year * 12 + (at.month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Where an arrow key in the calendar goes from `day`: left/right (±1) to the previous/next day
 * with messages, up/down (±7) to the same weekday a week away, else the nearest day with
 * messages beyond it in that direction. Null at either end.
 */
export function dayByArrow(days: readonly DayActivity[], day: string, step: number): string | null {
  if (Math.abs(step) === 1) return adjacentDay(days, day, step > 0 ? 1 : -1);
  const target = addDays(day, step);
  if (days.some((d) => d.day === target)) return target;
  return adjacentDay(days, target, step > 0 ? 1 : -1);
}
