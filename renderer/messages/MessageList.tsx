/**
 * The message list, virtualized: only rows near the viewport are in the DOM, each measured as it
 * renders, so a day of 10,000 messages opens and scrolls like a day of ten. A focused message
 * (a search result, a route) is scrolled to the middle and highlighted.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Message } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import type { ClickMode } from '../selection/selection';
import { MessageRow } from './MessageRow';
import type { TextActions } from './MessageText';
import type { Row } from './rows';

export interface MessageListProps {
  rows: readonly Row[];
  label: string;
  focusMessage: number | null;
  multiDay: boolean;
  isSelected: (id: number) => boolean;
  selecting: boolean;
  personOf: (speaker: string) => string;
  isMine: (speaker: string) => boolean;
  onSelect: (message: Message, mode: ClickMode) => void;
  actions: TextActions;
  /** Called when the end of the list comes near (to load the next page). */
  onNearEnd?: () => void;
}

function estimateSize(row: Row | undefined): number {
  if (!row || row.kind === 'divider') return 40;
  return row.message.text.length > 60 ? 96 : 72;
}

export function MessageList(props: MessageListProps) {
  const {
    rows,
    label,
    focusMessage,
    multiDay,
    isSelected,
    selecting,
    personOf,
    isMine,
    onSelect,
    actions,
    onNearEnd,
  } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimateSize(rows[index]),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
  });

  // Land on the focused message once its row exists (the day may still be loading).
  const focusIndex =
    focusMessage === null
      ? -1
      : rows.findIndex((row) => row.kind === 'message' && row.message.id === focusMessage);
  useEffect(() => {
    if (focusIndex < 0) return;
    virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    // Rows above are measured as they render, which moves the target; settle once more.
    const timer = window.setTimeout(
      () => virtualizer.scrollToIndex(focusIndex, { align: 'center' }),
      120,
    );
    return () => window.clearTimeout(timer);
  }, [focusIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && lastIndex >= rows.length - 20) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  return (
    <div className="message-scroll" ref={scrollRef} tabIndex={0} aria-label={label}>
      <div
        className="message-canvas"
        role="list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              className="virtual-row"
              role="presentation"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'divider' ? (
                <div
                  className="time-divider"
                  role="separator"
                  aria-label={t('messages.dividerLabel', {
                    time: row.day ? `${row.day} ${row.time}` : row.time,
                  })}
                >
                  <span>{row.day ? `${row.day} ${row.time}` : row.time}</span>
                </div>
              ) : (
                <MessageRow
                  message={row.message}
                  person={personOf(row.message.speaker)}
                  mine={isMine(row.message.speaker)}
                  selected={isSelected(row.message.id)}
                  selecting={selecting}
                  focused={row.message.id === focusMessage}
                  showDay={multiDay}
                  onSelect={onSelect}
                  actions={actions}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
