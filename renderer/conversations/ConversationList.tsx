/**
 * The conversations of the archive, as WeChat lists chats: pinned ones first, then by last
 * activity; each with an avatar, the title, the last active day, the app it was exported from
 * and the message count. Arrow
 * keys move between them; the pin button (or P on a focused conversation) pins and unpins.
 */
import { useMemo, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { Avatar } from '../messages/Avatar';
import { FormatBadge } from './FormatBadge';
import { orderConversations, togglePin } from './order';
import { withoutMergedParts } from './overlaps';

export function ConversationList({
  conversations,
  titleOf,
  current,
  onOpen,
  pinned,
  onPinned,
}: {
  conversations: readonly ConversationSummary[];
  titleOf: (id: string) => string;
  current: string | null;
  onOpen: (id: string) => void;
  pinned: readonly string[];
  onPinned: (pinned: string[]) => void;
}) {
  const t = useT();
  const ordered = useMemo(
    () => orderConversations(withoutMergedParts(conversations), pinned),
    [conversations, pinned],
  );
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
      {ordered.map((conversation) => {
        const isPinned = pinned.includes(conversation.id);
        const title = titleOf(conversation.id);
        return (
          <li key={conversation.id} className={`conversation-item${isPinned ? ' pinned' : ''}`}>
            <button
              type="button"
              className={`conversation${conversation.id === current ? ' conversation-current' : ''}`}
              aria-current={conversation.id === current ? 'page' : undefined}
              onClick={() => onOpen(conversation.id)}
              onKeyDown={(event) => {
                if (event.key.toLowerCase() === 'p' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  onPinned(togglePin(pinned, conversation.id));
                }
              }}
              title={conversation.id}
            >
              <Avatar name={title} person={conversation.id} size={40} />
              <span className="conversation-text">
                <span className="conversation-line">
                  <span className="conversation-title">{title}</span>
                  <span className="conversation-day">{conversation.last}</span>
                </span>
                <span className="conversation-line conversation-sub">
                  <FormatBadge format={conversation.format} />
                  <span className="conversation-path">{conversation.id}</span>
                  <span className="conversation-count">
                    {t('conversations.messages', { count: conversation.messages })}
                  </span>
                </span>
              </span>
            </button>
            <button
              type="button"
              className="pin-toggle"
              tabIndex={-1}
              aria-pressed={isPinned}
              onClick={() => onPinned(togglePin(pinned, conversation.id))}
              title={isPinned ? t('conversations.unpin') : t('conversations.pin')}
              aria-label={isPinned ? t('conversations.unpin') : t('conversations.pin')}
            >
              <span className="pin-icon" aria-hidden="true" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
