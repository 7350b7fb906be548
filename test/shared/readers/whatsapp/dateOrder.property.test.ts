/**
 * Property tests of the date-order decision: a file whose dates settle the order is read the
 * same way from any part of it that keeps a settling date, and whatever is chosen reads every
 * date as a real day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates';
import { DATE_ORDERS, dayOf, decideDateOrder } from '../../../../shared/readers/whatsapp/dateOrder';
import { matchHeader } from '../../../../shared/readers/whatsapp/header';
import { messagesOf, readText } from './read';
import { STYLES, render, type Style } from './render';

const style = fc.constantFrom(...STYLES);
/** Days in chronological order, as a chat's are. */
const days = fc
  .tuple(
    fc.integer({ min: 0, max: 9000 }),
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }),
  )
  .map(([start, gaps]) => {
    let day = addDays('2009-06-01', start);
    return gaps.map((gap) => (day = addDays(day, gap)));
  });

function datesOf(style: Style, list: readonly string[]) {
  return list.map((day) => {
    const header = matchHeader(`${style.header(day, '10:00:00', 'Ana')}hi`)!;
    return { parts: header.date, written: header.written, day };
  });
}

/** A date only the true order reads as a real day. */
function settles(style: Style, date: ReturnType<typeof datesOf>[number]): boolean {
  return DATE_ORDERS.every(
    (order) => (dayOf(date.parts, order) !== null) === (order === style.order),
  );
}

describe('the date order of a file', () => {
  it('is the same for any order-preserving part of a settled file that keeps a settling date', () => {
    fc.assert(
      fc.property(style, days, fc.array(fc.boolean(), { maxLength: 30 }), (style, list, keep) => {
        const dates = datesOf(style, list);
        fc.pre(dates.some((date) => settles(style, date)));
        const whole = decideDateOrder(dates);
        expect(whole).toEqual({ order: style.order, misfits: 0, note: null });
        const part = dates.filter((_, index) => keep[index] ?? true);
        fc.pre(part.some((date) => settles(style, date)));
        expect(decideDateOrder(part)).toEqual(whole);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads every date of any file as a real day, the true one when settled, and says when unsure', () => {
    fc.assert(
      fc.property(style, days, (style, list) => {
        const dates = datesOf(style, list);
        const decision = decideDateOrder(dates);
        expect(decision.misfits).toBe(0);
        const read = dates.map((date) => dayOf(date.parts, decision.order));
        expect(read.every((day) => day !== null)).toBe(true);
        if (read.some((day, index) => day !== dates[index]!.day))
          expect(decision.note).not.toBeNull();
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the reader the true days of a settled file, through every message', () => {
    fc.assert(
      fc.property(style, days, (style, list) => {
        const dates = datesOf(style, list);
        fc.pre(dates.some((date) => settles(style, date)));
        const text = render(
          style,
          list.map((day) => ({ day, time: '10:00:00', speaker: 'Ana Lima', text: 'hi' })),
        );
        const result = readText(text);
        expect(messagesOf(result).map((m) => m.day)).toEqual(list);
        expect(result.diagnostics).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
