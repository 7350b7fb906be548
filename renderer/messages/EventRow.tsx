/**
 * A system line ("X joined", "group created", a pin), as chat apps show one: centred, small and
 * grey, with no avatar and no bubble. A pin names the message it pinned; a click goes there.
 * It is counted apart from messages and is not selected with them, but has the menu (its text,
 * its source).
 */
import { memo } from 'react';
import { useT } from '../i18n/I18nContext';
import type { MessageRowProps } from './MessageRow';
import { marked } from './MessageText';

export const EventRow = memo(function EventRow({
  message,
  focused,
  tabStop,
  showDay,
  position,
  count,
  onMenu,
  onFocusRow,
  actions,
  highlights,
}: MessageRowProps) {
  const t = useT();
  const time = showDay ? `${message.day} ${message.time}` : message.time;
  return (
    <div
      className={`event${focused ? ' message-focused' : ''}`}
      data-message-id={message.id}
      role="listitem"
      tabIndex={tabStop ? 0 : -1}
      aria-setsize={count}
      aria-posinset={position}
      aria-label={t('messages.event', { time })}
      aria-describedby={`text-${message.id}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(message.id);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(message, { x: event.clientX, y: event.clientY });
      }}
    >
      <span className="event-text" id={`text-${message.id}`} title={time}>
        {marked(message.text, 0, highlights)}
        {message.reply && (
          <>
            {' '}
            <button
              type="button"
              className="event-quote"
              tabIndex={tabStop ? 0 : -1}
              onClick={() => actions.onOpenMessage(message.reply!.id)}
              title={
                message.reply.id === null ? t('messages.replyMissing') : t('messages.replyOpen')
              }
            >
              «{message.reply.text.slice(0, 60)}
              {message.reply.text.length > 60 ? '…' : ''}»
            </button>
          </>
        )}
      </span>
    </div>
  );
});
