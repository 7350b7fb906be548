/**
 * The parts of a message around its text, as Telegram and Slack show them: who it was forwarded
 * from, the message a reply quotes (a click goes there), link previews, reactions under the
 * bubble (who reacted on hover), the thread it starts or belongs to, and small marks for an
 * edit and a pin.
 */
import type { LinkCard, Message, Reaction } from '../../shared/model';
import { splitGroupCard } from '../../shared/archive/groupCard';
import { useT } from '../i18n/I18nContext';
import type { MessageActions } from './actions';
import { openLink } from './openLink';

/** The quoted message's first words: a snippet, not the whole of a long message. */
const SNIPPET = 120;

export function Forwarded({ from }: { from: string }) {
  const t = useT();
  return <span className="forwarded">{t('messages.forwardedFrom', { name: from })}</span>;
}

export function ReplyQuote({
  reply,
  actions,
  tabIndex,
}: {
  reply: NonNullable<Message['reply']>;
  actions: MessageActions;
  tabIndex: number;
}) {
  const t = useT();
  const text = reply.text.length > SNIPPET ? `${reply.text.slice(0, SNIPPET)}…` : reply.text;
  return (
    <button
      type="button"
      className={`reply-quote${reply.id === null ? ' reply-quote-missing' : ''}`}
      tabIndex={tabIndex}
      onClick={() => actions.onOpenMessage(reply.id)}
      title={reply.id === null ? t('messages.replyMissing') : t('messages.replyOpen')}
    >
      <span className="reply-quote-speaker">{splitGroupCard(reply.speaker).name || '—'}</span>
      <span className="reply-quote-text">{text || t('messages.replyNoText')}</span>
    </button>
  );
}

export function LinkCards({ links, tabIndex }: { links: readonly LinkCard[]; tabIndex: number }) {
  return (
    <span className="link-cards">
      {links
        .filter((link) => /^https?:\/\//i.test(link.url))
        .map((link, index) => (
          <a
            key={index}
            className="link-card"
            href={link.url}
            tabIndex={tabIndex}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => openLink(event, link.url)}
          >
            <span className="link-card-host">{hostOf(link.url)}</span>
            {link.title && <span className="link-card-title">{link.title}</span>}
            {link.description && <span className="link-card-description">{link.description}</span>}
          </a>
        ))}
    </span>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function Reactions({ reactions }: { reactions: readonly Reaction[] }) {
  const t = useT();
  return (
    <ul className="reactions" aria-label={t('messages.reactions')}>
      {reactions.map((reaction, index) => {
        const names = reaction.names?.join(', ');
        const label = t('messages.reaction', { emoji: reaction.emoji, count: reaction.count });
        return (
          <li
            key={index}
            className="reaction"
            title={names ? `${label}: ${names}` : label}
            aria-label={names ? `${label}: ${names}` : label}
          >
            <span className="reaction-emoji" aria-hidden="true">
              {reaction.emoji}
            </span>
            <span className="reaction-count" aria-hidden="true">
              {t('common.number', { count: reaction.count })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** "3 replies" under a thread's first message; "in thread" on a reply. Both open the thread. */
export function ThreadLink({
  message,
  actions,
  tabIndex,
}: {
  message: Message;
  actions: MessageActions;
  tabIndex: number;
}) {
  const t = useT();
  const replies = message.thread?.replies;
  const thread = replies !== undefined ? message.id : message.threadOf;
  if (thread === undefined) return null;
  return (
    <button
      type="button"
      className={`thread-link${replies !== undefined ? ' thread-parent' : ''}`}
      tabIndex={tabIndex}
      onClick={() => actions.onOpenThread(thread)}
    >
      {replies !== undefined
        ? t('messages.threadReplies', { count: replies })
        : t('messages.inThread')}
    </button>
  );
}

/** Small marks beside the name: edited (when, on hover), pinned, copies in other files. */
export function MessageMarks({ message }: { message: Message }) {
  const t = useT();
  return (
    <>
      {message.edited !== undefined && (
        <span
          className="message-mark"
          title={
            message.edited === true
              ? t('messages.edited')
              : t('messages.editedAt', { when: message.edited })
          }
        >
          {t('messages.edited')}
        </span>
      )}
      {message.pinned && (
        <span className="message-mark message-pinned" title={t('messages.pinned')}>
          <span className="pin-icon" aria-hidden="true" />
          <span className="offscreen">{t('messages.pinned')}</span>
        </span>
      )}
    </>
  );
}
