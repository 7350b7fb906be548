/** One month of the calendar: weeks from Monday, each day shaded by its messages. */
import { useMemo } from 'react';
import type { DayActivity } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import type { MessageKey, Translate } from '../i18n/i18n';
import { heatLevel, monthGrid } from './calendarModel';

const WEEKDAYS: MessageKey[] = [
  'calendar.mon',
  'calendar.tue',
  'calendar.wed',
  'calendar.thu',
  'calendar.fri',
  'calendar.sat',
  'calendar.sun',
];

export type Month = { year: number; month: number };

export function monthKey(at: Month): string {
  return `${at.year}-${String(at.month).padStart(2, '0')}`;
}

export function monthLabel(at: Month, t: Translate): string {
  return t('calendar.month', {
    year: String(at.year),
    month: String(at.month),
    mm: String(at.month).padStart(2, '0'),
  });
}

export function MonthGrid({
  view,
  days,
  current,
  onPick,
}: {
  view: Month;
  days: readonly DayActivity[];
  current: string | null;
  onPick: (day: string) => void;
}) {
  const t = useT();
  const counts = useMemo(() => new Map(days.map((d) => [d.day, d.messages])), [days]);
  const busiest = useMemo(() => days.reduce((max, d) => Math.max(max, d.messages), 0), [days]);
  const weeks = monthGrid(view.year, view.month);
  return (
    <table className="calendar-grid" role="grid" aria-label={monthLabel(view, t)}>
      <thead>
        <tr>
          {WEEKDAYS.map((key) => (
            <th key={key} scope="col">
              {t(key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, d) => {
              if (day === null) return <td key={d} />;
              const count = counts.get(day) ?? 0;
              return (
                <td key={d}>
                  <button
                    type="button"
                    className={`calendar-day heat-${heatLevel(count, busiest)}${day === current ? ' calendar-day-current' : ''}`}
                    data-active={count > 0}
                    data-day={day}
                    disabled={count === 0}
                    aria-current={day === current ? 'date' : undefined}
                    aria-label={t('calendar.dayMessages', { day, count })}
                    title={t('calendar.dayMessages', { day, count })}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
