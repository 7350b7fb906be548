/** The calendar's "Go to date" box: a typed YYYY-MM-DD lands on the nearest day with messages. */
import { useState, type FormEvent } from 'react';
import { isDay } from '../../shared/dates';
import type { DayActivity } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { nearestDay } from './calendarModel';

export function GoToDate({
  days,
  start,
  onPick,
}: {
  days: readonly DayActivity[];
  start: string;
  onPick: (day: string) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useState(start);
  const [problem, setProblem] = useState<string | null>(null);
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
  return (
    <>
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
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
