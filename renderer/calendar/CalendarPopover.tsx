/**
 * The date picker: a month calendar shaded by how many messages each day has, a strip of years
 * to jump far, and a box to type a date (it lands on the nearest day with messages). It opens
 * with the current day focused, so Enter stays there; Esc closes it and gives focus back.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DayActivity } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { addMonths, dayByArrow, monthOf, yearActivity } from './calendarModel';
import { GoToDate } from './GoToDate';
import { MonthGrid, monthKey, monthLabel } from './MonthGrid';
import { IconButton } from '../app/IconButton';

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
  const years = useMemo(() => yearActivity(days), [days]);
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;

  // The current day takes the focus on opening, and again when the days arrive after it opened
  // (the grid is drawn anew), unless the user has moved the focus within the calendar meanwhile.
  useEffect(() => {
    const grid = ref.current;
    if (!grid || (grid.contains(document.activeElement) && document.activeElement !== grid)) return;
    (
      grid.querySelector<HTMLButtonElement>('.calendar-day-current') ??
      grid.querySelector<HTMLButtonElement>('.calendar-day[data-active="true"]')
    )?.focus();
  }, [days]);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      onClose();
      return;
    }
    const from = (event.target as HTMLElement).dataset.day;
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
            title={t('calendar.yearMessages', { year: String(y.year), count: y.messages })}
          >
            {y.year}
          </button>
        ))}
      </div>
      <div className="calendar-month-bar">
        <IconButton
          label={t('calendar.previousMonth')}
          onClick={() => setView(addMonths(view, -1))}
          disabled={first !== undefined && monthKey(view) <= first.slice(0, 7)}
        >
          ‹
        </IconButton>
        <span className="calendar-month" aria-live="polite">
          {monthLabel(view, t)}
        </span>
        <IconButton
          label={t('calendar.nextMonth')}
          onClick={() => setView(addMonths(view, 1))}
          disabled={last !== undefined && monthKey(view) >= last.slice(0, 7)}
        >
          ›
        </IconButton>
      </div>
      <MonthGrid view={view} days={days} current={current} onPick={onPick} />
      <GoToDate days={days} start={start} onPick={onPick} />
    </div>
  );
}
