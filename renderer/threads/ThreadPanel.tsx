/**
 * A thread (Slack) beside the messages, as Slack opens one: its first message, then every reply
 * in time order, read with getThread. It takes the people panel's place (an overlay in narrow
 * windows) until it is closed.
 */
import type { Message } from '../../shared/model';
import { api } from '../api';
import { errorSentence } from '../app/errors';
import { useApiQuery } from '../app/useApiQuery';
import { useT } from '../i18n/I18nContext';
import type { RowContext } from '../messages/actions';
import { MessageItem } from '../messages/MessageItem';
import { IconButton } from '../app/IconButton';

export interface ThreadPanelProps extends RowContext {
  /** The thread's first message. */
  id: number;
  /** Bumped when the conversation changes on disk: the thread is read again. */
  changed: number;
  overlay: boolean;
  onClose: () => void;
}

const NONE: readonly [number, number][] = [];

export function ThreadPanel(props: ThreadPanelProps) {
  const { id, actions } = props;
  const t = useT();
  const query = useApiQuery(`thread ${id} ${props.changed}`, () =>
    api.getThread({ id }).then((result) => result.messages),
  );
  const messages = query.data ?? [];
  const replies = Math.max(0, messages.length - 1);
  const row = (message: Message, index: number, count: number) => (
    <MessageItem
      key={message.id}
      message={message}
      person={props.personOf(message.speaker)}
      mine={props.isMine(message.speaker)}
      selected={props.isSelected(message.id)}
      selecting={props.selecting}
      focused={false}
      highlights={NONE}
      tabStop
      showDay
      position={index + 1}
      count={count}
      onSelect={props.onSelect}
      onMenu={props.onMenu}
      onFocusRow={() => undefined}
      actions={actions}
    />
  );

  return (
    <aside
      className={`thread-panel${props.overlay ? ' side-overlay' : ''}`}
      id="thread"
      aria-label={t('thread.label')}
    >
      <header className="thread-header">
        <h2>{t('thread.label')}</h2>
        <IconButton label={t('thread.close')} onClick={props.onClose}>
          ×
        </IconButton>
      </header>
      <div className="thread-body">
        {query.error ? (
          <p className="placeholder form-problem">{errorSentence(query.error.code, t)}</p>
        ) : messages.length === 0 ? (
          <p className="placeholder">{t('common.loading')}</p>
        ) : (
          <>
            <div role="list" aria-label={t('thread.first')}>
              {row(messages[0]!, 0, 1)}
            </div>
            <p className="thread-count">
              <span>{t('messages.threadReplies', { count: replies })}</span>
            </p>
            <div role="list" aria-label={t('thread.replies')}>
              {messages.slice(1).map((message, index) => row(message, index, replies))}
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
