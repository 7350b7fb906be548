/**
 * One message as WeChat shows it in a group: avatar, the speaker's name above the bubble, and the
 * bubble (on the right in green for "me"). Around the text, what richer exports carry: who it
 * was forwarded from and the message it answers (in the bubble, as Telegram shows them), the
 * files it attaches (below, without a bubble: a sticker or a voice note stands on its own), link
 * previews, reactions and its thread. A speakerless log's lines are a plain timeline: no avatar,
 * no name. The time beside the name selects the message (Shift for a range, Ctrl/Cmd to toggle);
 * so does the checkbox that shows on hover. A right click opens the message's menu.
 * The row itself is the list's Tab stop when it is the active one; what is inside it is reached
 * with the mouse, or by Tab from the active row.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import type { Message, Token } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { useT } from '../i18n/I18nContext';
import { clickMode, type ClickMode } from '../selection/selection';
import type { MessageActions } from './actions';
import { Attachments } from './Attachments';
import { Avatar } from './Avatar';
import {
  Forwarded,
  LinkCards,
  MessageMarks,
  Reactions,
  ReplyQuote,
  ThreadLink,
} from './MessageParts';
import { MessageText } from './MessageText';

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
  /** 1-based place among the list's rows, and how many there are (for screen readers). */
  position: number;
  count: number;
  onSelect: (message: Message, mode: ClickMode) => void;
  onMenu: (message: Message, position: MenuPosition) => void;
  onFocusRow: (id: number) => void;
  actions: MessageActions;
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
  const timeline = message.speaker === '';
  const tabIndex = props.tabStop ? 0 : -1;
  const attachments = message.attachments ?? [];
  // Text needs a bubble; a lone photo, sticker or voice note does not. A quote or a forward
  // stands above the attachments when there are some, else at the top of the bubble.
  const hasBubble = message.text !== '' || message.links !== undefined || attachments.length === 0;
  const leadInBubble = attachments.length === 0;
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
  const text = (
    <MessageText
      tokens={tokens}
      styles={message.styles}
      from={message.path}
      actions={actions}
      highlights={props.highlights}
      tabbable={props.tabStop}
    />
  );
  const lead = (
    <>
      {message.forwardedFrom !== undefined && <Forwarded from={message.forwardedFrom} />}
      {message.reply && <ReplyQuote reply={message.reply} actions={actions} tabIndex={tabIndex} />}
    </>
  );

  return (
    <div
      className={classes}
      data-message-id={message.id}
      role="listitem"
      tabIndex={tabIndex}
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
          <MessageMarks message={message} />
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
        <div className="message-content" id={`text-${message.id}`}>
          {!leadInBubble && lead}
          {attachments.length > 0 && (
            <Attachments attachments={attachments} actions={actions} tabIndex={tabIndex} />
          )}
          {hasBubble &&
            (bare === 'file' && !message.reply && !message.forwardedFrom ? (
              <span className="bare-file">{text}</span>
            ) : (
              <div
                className={`bubble${bare === 'image' ? ' bubble-bare' : ''}${message.text === '' && attachments.length === 0 ? ' bubble-empty' : ''}`}
              >
                {leadInBubble && lead}
                {message.text === '' && attachments.length === 0 ? (
                  <span className="empty-text">{t('messages.emptyText')}</span>
                ) : (
                  text
                )}
                {message.links && <LinkCards links={message.links} tabIndex={tabIndex} />}
              </div>
            ))}
          {message.reactions && message.reactions.length > 0 && (
            <Reactions reactions={message.reactions} />
          )}
          <ThreadLink message={message} actions={actions} tabIndex={tabIndex} />
        </div>
      </div>
    </div>
  );
});
