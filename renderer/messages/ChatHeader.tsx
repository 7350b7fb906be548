/**
 * The bar above the messages: the conversation's title, what the list shows (a day, or one
 * person across days), day navigation with the calendar, and selection and sidebar buttons.
 */
import { useState } from 'react';
import type { DayActivity } from '../../shared/model';
import { CalendarPopover } from '../calendar/CalendarPopover';
import { adjacentDay } from '../calendar/calendarModel';
import { useT } from '../i18n/I18nContext';

export interface ChatHeaderProps {
  title: string;
  day: string | null;
  days: readonly DayActivity[];
  dayCount: number;
  person: { name: string; total: number } | null;
  onClearPerson: () => void;
  onDay: (day: string) => void;
  onSelectDay: () => void;
  onSelectView: { label: string; run: () => void } | null;
  speakersHidden: boolean;
  onShowSpeakers: () => void;
}

export function ChatHeader(props: ChatHeaderProps) {
  const {
    title,
    day,
    days,
    dayCount,
    person,
    onClearPerson,
    onDay,
    onSelectDay,
    onSelectView,
    speakersHidden,
    onShowSpeakers,
  } = props;
  const t = useT();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const previous = day ? adjacentDay(days, day, -1) : null;
  const next = day ? adjacentDay(days, day, 1) : null;

  return (
    <header className="chat-header">
      <div className="chat-title-block">
        <h1 className="chat-title">{title}</h1>
        <p className="chat-subtitle" aria-live="polite">
          {person
            ? t('header.personView', { name: person.name, count: person.total })
            : day
              ? t('header.dayMessages', { count: dayCount })
              : ''}
        </p>
      </div>
      <div className="chat-tools">
        {person ? (
          <button type="button" className="button button-accent" onClick={onClearPerson}>
            {t('header.clearPerson')}
          </button>
        ) : (
          <nav className="day-nav" aria-label={t('header.dayNavigation')}>
            <button
              type="button"
              className="icon-button"
              disabled={!previous}
              onClick={() => previous && onDay(previous)}
              aria-label={t('header.previousDay')}
              title={`${t('header.previousDay')} ([)`}
            >
              ‹
            </button>
            <div className="calendar-anchor">
              <button
                type="button"
                className="day-button"
                aria-haspopup="dialog"
                aria-expanded={calendarOpen}
                onClick={() => setCalendarOpen((open) => !open)}
                title={t('header.chooseDate')}
              >
                <span className="calendar-icon" aria-hidden="true" />
                {day ?? t('header.chooseDate')}
              </button>
              {calendarOpen && (
                <CalendarPopover
                  days={days}
                  current={day}
                  onClose={() => setCalendarOpen(false)}
                  onPick={(picked) => {
                    setCalendarOpen(false);
                    onDay(picked);
                  }}
                />
              )}
            </div>
            <button
              type="button"
              className="icon-button"
              disabled={!next}
              onClick={() => next && onDay(next)}
              aria-label={t('header.nextDay')}
              title={`${t('header.nextDay')} (])`}
            >
              ›
            </button>
          </nav>
        )}
        <div className="select-tools">
          {!person && day && (
            <button type="button" className="button button-quiet" onClick={onSelectDay}>
              {t('selection.selectDay')}
            </button>
          )}
          {onSelectView && (
            <button type="button" className="button button-quiet" onClick={onSelectView.run}>
              {onSelectView.label}
            </button>
          )}
        </div>
        {speakersHidden && (
          <button
            type="button"
            className="icon-button"
            onClick={onShowSpeakers}
            aria-label={t('header.showSpeakers')}
            title={t('header.showSpeakers')}
          >
            ⟨
          </button>
        )}
      </div>
    </header>
  );
}
