/** The middle of the window: the header, the message list or a helpful empty state, and the selection bar. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { errorSentence } from '../app/errors';
import { useT } from '../i18n/I18nContext';
import { SelectionBar } from '../selection/SelectionBar';
import { ChatHeader, type ChatHeaderProps } from './ChatHeader';
import { MessageList, type MessageListProps } from './MessageList';

export interface ChatPaneProps {
  /** Null when no conversation is chosen. */
  header: ChatHeaderProps | null;
  list: Omit<MessageListProps, 'label'> & { key: string };
  loading: boolean;
  error: ApiError | null;
  selectedCount: number;
  note: string | null;
  onCopy: () => void;
  onExport: () => void;
  onClearSelection: () => void;
  /** Above the list: the bar stepping through search results in the conversation. */
  banner?: ReactNode;
}

export function ChatPane(props: ChatPaneProps) {
  const { header, list, loading, error, selectedCount, note } = props;
  const t = useT();
  // What the list is called, and what it says when it is empty.
  const label = header?.person
    ? t('header.personView', { name: header.person.name, count: header.person.total })
    : t('messages.listLabel', { day: header?.day ?? '' });
  const emptyText = header?.person ? t('messages.noneForPerson') : t('messages.emptyDay');

  if (!header) {
    return (
      <main className="chat chat-empty" id="chat">
        <p className="placeholder">{t('main.chooseConversation')}</p>
      </main>
    );
  }

  let body;
  if (error) {
    body = (
      <p className="placeholder form-problem" role="alert">
        {errorSentence(error.code, t)} <span className="error-detail">{error.message}</span>
      </p>
    );
  } else if (list.rows.length === 0) {
    body = <p className="placeholder">{loading ? t('common.loading') : emptyText}</p>;
  } else {
    const { key, ...rest } = list;
    body = <MessageList key={key} label={label} {...rest} />;
  }

  return (
    <main className="chat" aria-busy={loading} id="chat" aria-label={label}>
      <ChatHeader {...header} />
      {props.banner}
      {body}
      {selectedCount > 0 ? (
        <SelectionBar
          count={selectedCount}
          note={note}
          onCopy={props.onCopy}
          onExport={props.onExport}
          onClear={props.onClearSelection}
        />
      ) : (
        note && (
          <div className="toast" role="status">
            {note}
          </div>
        )
      )}
    </main>
  );
}
