/**
 * The conversations of the archive, as WeChat lists chats: an avatar, the title, the last active
 * day and the message count. Arrow keys move between them.
 */
import type { KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { Avatar } from '../messages/Avatar';

export function ConversationList({
  conversations,
  current,
  onOpen,
}: {
  conversations: readonly ConversationSummary[];
  current: string | null;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.conversation'),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
  };
  if (conversations.length === 0)
    return <p className="sidebar-empty">{t('conversations.empty')}</p>;
  return (
    <ul className="conversation-list" aria-label={t('conversations.label')} onKeyDown={onKeyDown}>
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <button
            type="button"
            className={`conversation${conversation.id === current ? ' conversation-current' : ''}`}
            aria-current={conversation.id === current ? 'page' : undefined}
            onClick={() => onOpen(conversation.id)}
            title={conversation.id}
          >
            <Avatar name={conversation.title} person={conversation.id} size={40} />
            <span className="conversation-text">
              <span className="conversation-line">
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-day">{conversation.last}</span>
              </span>
              <span className="conversation-line conversation-sub">
                <span className="conversation-path">{conversation.id}</span>
                <span className="conversation-count">
                  {t('conversations.messages', { count: conversation.messages })}
                </span>
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
