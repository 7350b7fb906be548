/**
 * One message as WeChat shows it in a group: avatar, the speaker's name above the bubble, and the
 * bubble (on the right in green for "me"). The time beside the name selects the message (Shift
 * for a range, Ctrl/Cmd to toggle); so does the checkbox that shows on hover.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import type { Message, Token } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { useT } from '../i18n/I18nContext';
import { clickMode, type ClickMode } from '../selection/selection';
import { Avatar } from './Avatar';
import { FileCard } from './FileCard';
import { MessageText, type TextActions } from './MessageText';

export interface MessageRowProps {
  message: Message;
  person: string;
  mine: boolean;
  selected: boolean;
  /** Any message is selected: checkboxes stay visible. */
  selecting: boolean;
  focused: boolean;
  /** Shown in views across days, where the time alone would be ambiguous. */
  showDay: boolean;
  onSelect: (message: Message, mode: ClickMode) => void;
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
  const { message, person, mine, selected, selecting, focused, showDay, onSelect, actions } = props;
  const t = useT();
  const tokens = useMemo(() => tokenize(message.text), [message.text]);
  const bare = standalone(tokens);
  const select = (event: MouseEvent) => {
    event.preventDefault();
    onSelect(message, clickMode(event));
  };
  const timeLabel = showDay ? `${message.day} ${message.time}` : message.time;
  const classes = [
    'message',
    mine ? 'message-mine' : '',
    selected ? 'message-selected' : '',
    selecting ? 'message-selecting' : '',
    focused ? 'message-focused' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={classes} data-message-id={message.id} role="listitem">
      <label className="message-check" title={t('messages.select')}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('messages.selectOne', { time: timeLabel, name: message.speaker })}
          onChange={() => undefined}
          onClick={(event) => {
            event.preventDefault();
            onSelect(message, event.shiftKey ? 'range' : 'toggle');
          }}
        />
      </label>
      <Avatar name={message.speaker} person={person} />
      <div className="message-body">
        <div className="message-meta">
          {message.speaker !== '' && <span className="message-name">{message.speaker}</span>}
          <button
            type="button"
            className="message-time"
            onClick={select}
            aria-pressed={selected}
            title={t('messages.selectHint')}
          >
            {timeLabel}
          </button>
        </div>
        {bare === 'file' ? (
          <FileCard name={message.text.trim()} />
        ) : (
          <div
            className={`bubble${bare === 'image' ? ' bubble-bare' : ''}${message.text === '' ? ' bubble-empty' : ''}`}
          >
            {message.text === '' ? (
              <span className="empty-text">{t('messages.emptyText')}</span>
            ) : (
              <MessageText tokens={tokens} from={message.path} actions={actions} />
            )}
          </div>
        )}
      </div>
    </div>
  );
});
