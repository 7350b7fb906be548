/**
 * Which number of a WhatsApp date is the day. Exports write dates as the phone's locale does
 * (`03/04/24` is 3 April in London and March 4 in New York) and never say which locale that was,
 * so the order is decided once per file from all its dates:
 *
 * - a reading must make every date a real calendar day: a number above 12 cannot be a month, and
 *   a four-digit number is the year, so it fixes the year's place;
 * - when several readings fit every date, the one under which dates go back in time least often
 *   wins (an export is in chronological order);
 * - when that ties too, day-first, as most locales write dates, then month-first.
 *
 * Year-first is read only with a four-digit year (`2024/03/14`, `2024-03-14`, `2024. 3. 14.`):
 * no locale WhatsApp exports in writes a two-digit year first, and allowing it would make every
 * day-first file with two-digit years ambiguous.
 */
import { daysInMonth, formatDay } from '../../dates';
import type { Day } from '../../model';
import type { DateParts } from './header';

export type DateOrder = 'day-first' | 'month-first' | 'year-first';

/** Every reading, in the order of preference when the dates cannot tell. */
export const DATE_ORDERS: readonly DateOrder[] = ['day-first', 'month-first', 'year-first'];

/** The day `parts` name when read in `order`, or null when that is no real day. */
export function dayOf(parts: DateParts, order: DateOrder): Day | null {
  const number = dayNumber(parts, order);
  if (number === -1) return null;
  return formatDay(Math.floor(number / 10000), Math.floor(number / 100) % 100, number % 100);
}

/**
 * The day `parts` name in `order` as the number YYYYMMDD (days compare as numbers), or -1 when
 * that is no real day. No allocation: it runs three times for every message of a file.
 */
function dayNumber(parts: DateParts, order: DateOrder): number {
  let year: number | null;
  let month: number;
  let day: number;
  if (order === 'year-first') {
    if (parts.firstDigits !== 4 || parts.thirdDigits > 2) return -1;
    year = fullYear(parts.first, 4);
    month = parts.second;
    day = parts.third;
  } else {
    if (parts.firstDigits > 2) return -1;
    year = fullYear(parts.third, parts.thirdDigits);
    month = order === 'day-first' ? parts.second : parts.first;
    day = order === 'day-first' ? parts.first : parts.second;
  }
  if (year === null || month < 1 || month > 12 || day < 1) return -1;
  // Every month has 28 days: most days need no calendar.
  if (day > 28 && day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** Two-digit years are this century's: WhatsApp appeared in 2009. */
function fullYear(value: number, digits: number): number | null {
  if (digits === 2) return 2000 + value;
  if (digits === 4 && value >= 1900 && value <= 2999) return value;
  return null;
}

export interface DateOrderDecision {
  order: DateOrder;
  /** How many dates do not fit the chosen order (0 unless no order fits them all). */
  misfits: number;
  /** Why the order was chosen, when the dates did not settle it: a sentence for the user. */
  note: string | null;
}

interface Reading {
  misfits: number;
  backwards: number;
  /** The last day read (YYYYMMDD), 0 before the first. */
  last: number;
}

/** The pairs of readings (indexes into DATE_ORDERS) whose days may differ. */
const PAIRS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 2],
];

/** Counts, date by date, how well each reading fits a file; `decide` then picks one. */
export class DateOrderTally {
  private readonly readings: Reading[] = DATE_ORDERS.map(() => ({
    misfits: 0,
    backwards: 0,
    last: 0,
  }));
  /** For each pair of PAIRS, the first date both readings fit but read differently. */
  private readonly differing: (string | null)[] = PAIRS.map(() => null);
  private readonly days = [0, 0, 0];
  count = 0;

  add(parts: DateParts, written: string): void {
    this.count++;
    for (let index = 0; index < DATE_ORDERS.length; index++) {
      const day = dayNumber(parts, DATE_ORDERS[index]!);
      this.days[index] = day;
      const reading = this.readings[index]!;
      if (day === -1) reading.misfits++;
      else {
        if (day < reading.last) reading.backwards++;
        reading.last = day;
      }
    }
    for (let pair = 0; pair < PAIRS.length; pair++) {
      const dayA = this.days[PAIRS[pair]![0]]!;
      const dayB = this.days[PAIRS[pair]![1]]!;
      if (this.differing[pair] === null && dayA !== -1 && dayB !== -1 && dayA !== dayB)
        this.differing[pair] = written;
    }
  }

  decide(): DateOrderDecision {
    const indexes = DATE_ORDERS.map((_, index) => index);
    const fewest = Math.min(...this.readings.map((reading) => reading.misfits));
    const candidates = indexes.filter((index) => this.readings[index]!.misfits === fewest);
    // Fewest dates going back in time; ties keep DATE_ORDERS' preference (a stable sort).
    candidates.sort((a, b) => this.readings[a]!.backwards - this.readings[b]!.backwards);
    const chosen = candidates[0]!;
    const order = DATE_ORDERS[chosen]!;
    if (this.count === 0) return { order, misfits: 0, note: null };
    if (fewest > 0) {
      return {
        order,
        misfits: fewest,
        note:
          fewest === this.count
            ? `No date in the file is a real calendar date in any order (day-first, month-first or year-first).`
            : `No single date order fits every date: ${order} fits all but ${fewest} of ${this.count}, so the file was read ${order}.`,
      };
    }
    const rivals = candidates.slice(1).filter((index) => this.example(chosen, index) !== null);
    if (rivals.length === 0) return { order, misfits: 0, note: null };
    const rival = rivals[0]!;
    const example = this.example(chosen, rival)!;
    const back = this.readings[rival]!.backwards - this.readings[chosen]!.backwards;
    const reason =
      back > 0
        ? `because read ${DATE_ORDERS[rival]} ${back} ${back === 1 ? 'date would go' : 'dates would go'} back in time`
        : order === 'day-first'
          ? 'as most locales write dates'
          : 'as the dates cannot tell';
    return {
      order,
      misfits: 0,
      note: `All ${this.count} dates fit both ${order} and ${DATE_ORDERS[rival]} readings (such as "${example}"); they were read ${order}, ${reason}. If the days look wrong, the phone that exported this chat wrote dates ${DATE_ORDERS[rival]}.`,
    };
  }

  private example(a: number, b: number): string | null {
    const pair = PAIRS.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a));
    return this.differing[pair] ?? null;
  }
}

/** The decision for a whole list of dates (each with how it is written). */
export function decideDateOrder(
  dates: readonly { parts: DateParts; written: string }[],
): DateOrderDecision {
  const tally = new DateOrderTally();
  for (const date of dates) tally.add(date.parts, date.written);
  return tally.decide();
}
