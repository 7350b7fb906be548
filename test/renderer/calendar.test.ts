import { describe, expect, it } from 'vitest';
import {
  addMonths,
  adjacentDay,
  dayByArrow,
  heatLevel,
  monthGrid,
  nearestDay,
  yearActivity,
} from '../../renderer/calendar/calendarModel';

const days = ['2017-12-17', '2018-05-10', '2018-05-12', '2018-05-15'].map((day, i) => ({
  day,
  messages: (i + 1) * 10,
  events: 0,
}));

describe('calendar', () => {
  it('lays out a month in Monday-first weeks', () => {
    const may = monthGrid(2018, 5);
    expect(may[0]).toEqual([
      null,
      '2018-05-01',
      '2018-05-02',
      '2018-05-03',
      '2018-05-04',
      '2018-05-05',
      '2018-05-06',
    ]);
    expect(may.flat().filter(Boolean)).toHaveLength(31);
    expect(may.every((week) => week.length === 7)).toBe(true);
    expect(monthGrid(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('does not depend on the local time zone', () => {
    // weekday() and daysInMonth() count in UTC; the grid is the same wherever the test runs.
    expect(monthGrid(2018, 4)[0]!.filter(Boolean)[0]).toBe('2018-04-01');
    expect(monthGrid(2018, 4)[0]!.indexOf('2018-04-01')).toBe(6);
  });

  it('moves to the previous and next day with messages, from any day', () => {
    expect(adjacentDay(days, '2018-05-12', -1)).toBe('2018-05-10');
    expect(adjacentDay(days, '2018-05-12', 1)).toBe('2018-05-15');
    expect(adjacentDay(days, '2018-05-13', -1)).toBe('2018-05-12');
    expect(adjacentDay(days, '2018-05-13', 1)).toBe('2018-05-15');
    expect(adjacentDay(days, '2018-05-15', 1)).toBeNull();
    expect(adjacentDay(days, '2017-12-17', -1)).toBeNull();
    expect(adjacentDay([], '2018-05-15', 1)).toBeNull();
  });

  it('goes to the nearest day with messages: that day, later, else earlier', () => {
    expect(nearestDay(days, '2018-05-12')).toBe('2018-05-12');
    expect(nearestDay(days, '2018-01-01')).toBe('2018-05-10');
    expect(nearestDay(days, '2019-01-01')).toBe('2018-05-15');
    expect(nearestDay([], '2019-01-01')).toBeNull();
  });

  it('shades days from 0 (none) to 4 (busiest)', () => {
    expect(heatLevel(0, 100)).toBe(0);
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(100, 100)).toBe(4);
    expect(heatLevel(30, 100)).toBe(3);
    expect(heatLevel(5, 0)).toBe(0);
  });

  it('sums activity by year and steps months', () => {
    expect(yearActivity(days)).toEqual([
      { year: 2017, messages: 10, days: 1 },
      { year: 2018, messages: 90, days: 3 },
    ]);
    expect(addMonths({ year: 2018, month: 12 }, 1)).toEqual({ year: 2019, month: 1 });
    expect(addMonths({ year: 2018, month: 1 }, -1)).toEqual({ year: 2017, month: 12 });
    expect(addMonths({ year: 2018, month: 5 }, -17)).toEqual({ year: 2016, month: 12 });
  });
});

describe('calendar keys', () => {
  const active = ['2018-05-01', '2018-05-02', '2018-05-08', '2018-05-10', '2018-05-20'].map(
    (day) => ({ day, messages: 1, events: 0 }),
  );
  it('moves by day and by week between days with messages', () => {
    expect(dayByArrow(active, '2018-05-01', 1)).toBe('2018-05-02');
    expect(dayByArrow(active, '2018-05-01', 7)).toBe('2018-05-08');
    expect(dayByArrow(active, '2018-05-02', 7)).toBe('2018-05-10');
    expect(dayByArrow(active, '2018-05-20', -7)).toBe('2018-05-10');
    expect(dayByArrow(active, '2018-05-20', 7)).toBeNull();
    expect(dayByArrow(active, '2018-05-01', -1)).toBeNull();
  });
});
