/**
 * One message as WeChat shows it in a group: avatar, the speaker's name above the bubble, and the
 * bubble (on the right in green for "me"). A speakerless log's lines are a plain timeline: no
 * avatar, no name. The time beside the name selects the message (Shift for a range, Ctrl/Cmd to
 * toggle); so does the checkbox that shows on hover. A right click opens the message's menu.
 * The row itself is the list's Tab stop when it is the active one; what is inside it is reached
 * with the mouse, or by Tab from the active row.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import type { Message, Token } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { useT } from '../i18n/I18nContext';
import { clickMode, type ClickMode } from '../selection/selection';
import { Avatar } from './Avatar';
import { FileCard } from './FileCard';
import { MessageText, type TextActions } from './MessageText';

export interface MenuPosition {
  x: number;
  y: number;
}

export interface MessageRowProps {
  message: Message;
  person: string;
  mine: boolean;
  selected: boolean;
  /** Any message is selected: checkboxes stay visible. */
  selecting: boolean;
  focused: boolean;
  /** Matched words to mark in the text (the search result that was opened). */
  highlights: readonly [number, number][];
  /** This row is the list's one Tab stop. */
  tabStop: boolean;
  /** Shown in views across days, where the time alone would be ambiguous. */
  showDay: boolean;
  /** 1-based place among the list's messages, and how many there are (for screen readers). */
  position: number;
  count: number;
  onSelect: (message: Message, mode: ClickMode) => void;
  onMenu: (message: Message, position: MenuPosition) => void;
  onFocusRow: (id: number) => void;
  actions: TextActions;
}

/** Whether the message is a single image or file with nothing else: it stands without a bubble. */
function standalone(tokens: readonly Token[]): 'image' | 'file' | null {
  const meaningful = tokens.filter((token) => !(token.kind === 'text' && token.text.trim() === ''));
  if (meaningful.length !== 1) return null;
  const kind = meaningful[0]!.kind;
  return kind === 'image' || kind === 'file' ? kind : null;
}

export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { message, person, mine, selected, selecting, focused, showDay, onSelect } = props;
  const t = useT();
  const tokens = useMemo(() => tokenize(message.text), [message.text]);
  const bare = standalone(tokens);
  const timeline = message.speaker === '';
  const select = (event: MouseEvent) => {
    event.preventDefault();
    onSelect(message, clickMode(event));
  };
  const timeLabel = showDay ? `${message.day} ${message.time}` : message.time;
  const classes = [
    'message',
    mine ? 'message-mine' : '',
    timeline ? 'message-timeline' : '',
    selected ? 'message-selected' : '',
    selecting ? 'message-selecting' : '',
    focused ? 'message-focused' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      data-message-id={message.id}
      role="listitem"
      tabIndex={props.tabStop ? 0 : -1}
      aria-setsize={props.count}
      aria-posinset={props.position}
      aria-label={`${timeline ? '' : `${message.speaker}, `}${timeLabel}`}
      aria-describedby={`text-${message.id}`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusRow(message.id);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onMenu(message, { x: event.clientX, y: event.clientY });
      }}
    >
      <label className="message-check" title={t('messages.select')}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('messages.selectOne', { time: timeLabel, name: message.speaker })}
          onChange={() => undefined}
          onClick={(event) => {
            event.preventDefault();
            onSelect(message, event.shiftKey ? 'range' : 'toggle');
          }}
        />
      </label>
      {!timeline && <Avatar name={message.speaker} person={person} />}
      <div className="message-body">
        <div className="message-meta">
          {!timeline && <span className="message-name">{message.speaker}</span>}
          <button
            type="button"
            tabIndex={-1}
            className="message-time"
            onClick={select}
            aria-pressed={selected}
            title={t('messages.selectHint')}
          >
            {timeLabel}
          </button>
        </div>
        {bare === 'file' ? (
          <span id={`text-${message.id}`}>
            <FileCard name={message.text.trim()} />
          </span>
        ) : (
          <div
            id={`text-${message.id}`}
            className={`bubble${bare === 'image' ? ' bubble-bare' : ''}${message.text === '' ? ' bubble-empty' : ''}`}
          >
            {message.text === '' ? (
              <span className="empty-text">{t('messages.emptyText')}</span>
            ) : (
              <MessageText
                tokens={tokens}
                from={message.path}
                actions={props.actions}
                highlights={props.highlights}
                tabbable={props.tabStop}
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
});
