/**
 * The date picker: a month calendar shaded by how many messages each day has, a strip of years
 * to jump far, and a box to type a date (it lands on the nearest day with messages).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isDay } from '../../shared/dates';
import type { DayActivity } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import {
  addMonths,
  dayByArrow,
  heatLevel,
  monthGrid,
  monthOf,
  nearestDay,
  yearActivity,
} from './calendarModel';

const WEEKDAYS: MessageKey[] = [
  'calendar.mon',
  'calendar.tue',
  'calendar.wed',
  'calendar.thu',
  'calendar.fri',
  'calendar.sat',
  'calendar.sun',
];

export interface CalendarPopoverProps {
  days: readonly DayActivity[];
  current: string | null;
  onPick: (day: string) => void;
  onClose: () => void;
}

export function CalendarPopover({ days, current, onPick, onClose }: CalendarPopoverProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const start = current ?? days[days.length - 1]?.day ?? '2000-01-01';
  const [view, setView] = useState(() => monthOf(start));
  const [typed, setTyped] = useState(start);
  const [problem, setProblem] = useState<string | null>(null);
  const counts = useMemo(() => new Map(days.map((d) => [d.day, d.messages])), [days]);
  const busiest = useMemo(() => days.reduce((max, d) => Math.max(max, d.messages), 0), [days]);
  const years = useMemo(() => yearActivity(days), [days]);
  const weeks = monthGrid(view.year, view.month);
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;
  const monthKey = (at: { year: number; month: number }) =>
    `${at.year}-${String(at.month).padStart(2, '0')}`;

  useEffect(() => {
    ref.current
      ?.querySelector<HTMLButtonElement>('.calendar-day-current, .calendar-day[data-active="true"]')
      ?.focus();
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
    // Focus only when opening.
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    const target = event.target as HTMLElement;
    const from = target.dataset.day;
    const step = (
      { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 } as Record<string, number>
    )[event.key];
    if (!from || step === undefined) return;
    event.preventDefault();
    // Arrows move between days with messages, across months (the view follows).
    const next = dayByArrow(days, from, step);
    if (!next) return;
    setView(monthOf(next));
    window.requestAnimationFrame(() =>
      ref.current?.querySelector<HTMLButtonElement>(`[data-day="${next}"]`)?.focus(),
    );
  };

  const goTo = (event: FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    if (!isDay(value)) {
      setProblem(t('calendar.invalidDate'));
      return;
    }
    const day = nearestDay(days, value);
    if (day) onPick(day);
  };

  const jumpToYear = (year: number) => {
    const firstOfYear = days.find((d) => d.day.startsWith(`${year}-`));
    if (firstOfYear) setView(monthOf(firstOfYear.day));
  };

  return (
    <div
      className="calendar"
      ref={ref}
      role="dialog"
      aria-label={t('calendar.label')}
      onKeyDown={onKeyDown}
    >
      <div className="calendar-years" role="group" aria-label={t('calendar.years')}>
        {years.map((y) => (
          <button
            key={y.year}
            type="button"
            className="calendar-year"
            aria-pressed={y.year === view.year}
            onClick={() => jumpToYear(y.year)}
            title={t('calendar.yearMessages', { year: y.year, count: y.messages })}
          >
            {y.year}
          </button>
        ))}
      </div>
      <div className="calendar-month-bar">
        <button
          type="button"
          className="icon-button"
          onClick={() => setView(addMonths(view, -1))}
          disabled={first !== undefined && monthKey(view) <= first.slice(0, 7)}
          aria-label={t('calendar.previousMonth')}
        >
          ‹
        </button>
        <span className="calendar-month" aria-live="polite">
          {t('calendar.month', {
            year: view.year,
            month: view.month,
            mm: String(view.month).padStart(2, '0'),
          })}
        </span>
        <button
          type="button"
          className="icon-button"
          onClick={() => setView(addMonths(view, 1))}
          disabled={last !== undefined && monthKey(view) >= last.slice(0, 7)}
          aria-label={t('calendar.nextMonth')}
        >
          ›
        </button>
      </div>
      <table
        className="calendar-grid"
        role="grid"
        aria-label={t('calendar.month', {
          year: view.year,
          month: view.month,
          mm: String(view.month).padStart(2, '0'),
        })}
      >
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
      <form className="calendar-goto" onSubmit={goTo}>
        <label>
          <span>{t('calendar.goTo')}</span>
          <input
            type="text"
            inputMode="numeric"
            value={typed}
            placeholder="YYYY-MM-DD"
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem !== null}
          />
        </label>
        <button type="submit" className="button">
          {t('calendar.go')}
        </button>
      </form>
      {problem && <p className="form-problem">{problem}</p>}
    </div>
  );
}
