/**
 * The bar above the messages: the conversation's title, what the list shows (a day, or one
 * person across days), day navigation with the calendar (in a person's view it jumps to their
 * messages of a date), the gallery, selection buttons, and the people panel's button.
 */
import { useRef, useState } from 'react';
import type { DayActivity, FormatId } from '../../shared/model';
import { CalendarPopover } from '../calendar/CalendarPopover';
import { adjacentDay } from '../calendar/calendarModel';
import { FormatBadge } from '../conversations/FormatBadge';
import { useT } from '../i18n/I18nContext';
import { IconButton } from '../app/IconButton';

export interface ChatHeaderProps {
  title: string;
  format: FormatId;
  day: string | null;
  days: readonly DayActivity[];
  /** The day's message and event counts, from the service (events are counted apart). */
  activity: DayActivity | undefined;
  person: { name: string; total: number } | null;
  onClearPerson: () => void;
  onDay: (day: string) => void;
  onSelectDay: () => void;
  onSelectView: { label: string; run: () => void } | null;
  onGallery: () => void;
  /** The people panel's button: shown when the panel is hidden or an overlay. */
  people: { open: boolean; onToggle: () => void } | null;
}

export function ChatHeader(props: ChatHeaderProps) {
  const { title, day, days, person, onDay } = props;
  const dayCount = props.activity?.messages ?? 0;
  const dayEvents = props.activity?.events ?? 0;
  const t = useT();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const dayButton = useRef<HTMLButtonElement>(null);
  const previous = day && !person ? adjacentDay(days, day, -1) : null;
  const next = day && !person ? adjacentDay(days, day, 1) : null;
  const closeCalendar = () => {
    setCalendarOpen(false);
    dayButton.current?.focus();
  };

  return (
    <header className="chat-header">
      <div className="chat-title-block">
        <div className="chat-title-line">
          <h1 className="chat-title">{title}</h1>
          <FormatBadge format={props.format} />
        </div>
        <p className="chat-subtitle" aria-live="polite">
          {person
            ? t('header.personView', { name: person.name, count: person.total })
            : day
              ? dayEvents > 0
                ? `${t('header.dayMessages', { count: dayCount })} · ${t('header.dayEvents', { count: dayEvents })}`
                : t('header.dayMessages', { count: dayCount })
              : ''}
        </p>
      </div>
      <div className="chat-tools">
        {person && (
          <button type="button" className="button button-accent" onClick={props.onClearPerson}>
            {t('header.clearPerson')}
          </button>
        )}
        <nav className="day-nav" aria-label={t('header.dayNavigation')}>
          {!person && (
            <IconButton
              label={t('header.previousDay')}
              shortcut="["
              disabled={!previous}
              onClick={() => previous && onDay(previous)}
            >
              ‹
            </IconButton>
          )}
          <div className="calendar-anchor">
            <button
              ref={dayButton}
              type="button"
              className="day-button"
              aria-haspopup="dialog"
              aria-expanded={calendarOpen}
              onClick={() => setCalendarOpen((open) => !open)}
              title={person ? t('header.personDate') : t('header.chooseDate')}
            >
              <span className="calendar-icon" aria-hidden="true" />
              {person ? t('header.personDate') : (day ?? t('header.chooseDate'))}
            </button>
            {calendarOpen && (
              <CalendarPopover
                days={days}
                current={day}
                onClose={closeCalendar}
                onPick={(picked) => {
                  closeCalendar();
                  onDay(picked);
                }}
              />
            )}
          </div>
          {!person && (
            <IconButton
              label={t('header.nextDay')}
              shortcut="]"
              disabled={!next}
              onClick={() => next && onDay(next)}
            >
              ›
            </IconButton>
          )}
        </nav>
        <div className="select-tools">
          {!person && day && (
            <button type="button" className="button button-quiet" onClick={props.onSelectDay}>
              {t('selection.selectDay')}
            </button>
          )}
          {props.onSelectView && (
            <button type="button" className="button button-quiet" onClick={props.onSelectView.run}>
              {props.onSelectView.label}
            </button>
          )}
        </div>
        <IconButton label={t('gallery.open')} onClick={props.onGallery}>
          <span className="gallery-icon" aria-hidden="true" />
        </IconButton>
        {props.people && (
          <IconButton
            label={t('header.showSpeakers')}
            onClick={props.people.onToggle}
            aria-expanded={props.people.open}
            aria-controls="people"
          >
            <span className="people-icon" aria-hidden="true" />
          </IconButton>
        )}
      </div>
    </header>
  );
}
