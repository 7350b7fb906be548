/**
 * A message's text as React nodes, token by token. Everything is a text node or an element we
 * build: archive text is untrusted and is never parsed as HTML. Matched words of an opened search
 * result are marked where they fall, inside plain text, names and links alike.
 */
import { memo, type ReactNode } from 'react';
import { emojiFor } from '../../shared/text/tokens';
import type { Token } from '../../shared/model';
import { useT } from '../i18n/I18nContext';
import { ArchiveImage, RemoteImage } from './MessageImage';
import { FileCard } from './FileCard';
import { openLink } from './openLink';

export interface TextActions {
  loadRemoteImages: boolean;
  /** Whether an @mention names a known speaker (then it is a button). */
  canFollowMention: (name: string) => boolean;
  onMention: (name: string) => void;
  onOpenImage: (image: { url: string; alt: string }) => void;
}

/** `text` with the parts inside `ranges` (offsets from `start`) in <mark>. */
function marked(text: string, start: number, ranges: readonly [number, number][]): ReactNode {
  const end = start + text.length;
  const inside = ranges.filter(([from, to]) => to > start && from < end);
  if (inside.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = start;
  for (const [from, to] of inside) {
    const markFrom = Math.max(from, at);
    if (markFrom > at) parts.push(text.slice(at - start, markFrom - start));
    const markTo = Math.min(to, end);
    if (markTo > markFrom)
      parts.push(<mark key={markFrom}>{text.slice(markFrom - start, markTo - start)}</mark>);
    at = Math.max(at, markTo);
  }
  if (at < end) parts.push(text.slice(at - start));
  return parts;
}

/** `from` is the Markdown file the message came from: relative image links resolve against it. */
export const MessageText = memo(function MessageText({
  tokens,
  from,
  actions,
  highlights,
  tabbable,
}: {
  tokens: readonly Token[];
  from: string;
  actions: TextActions;
  highlights: readonly [number, number][];
  /** Links and buttons in the text take Tab only when their message is the active one. */
  tabbable: boolean;
}) {
  let offset = 0;
  return (
    <>
      {tokens.map((token, index) => {
        const start = offset;
        offset += token.text.length;
        return (
          <TokenView
            key={index}
            token={token}
            from={from}
            actions={actions}
            start={start}
            highlights={highlights}
            tabIndex={tabbable ? 0 : -1}
          />
        );
      })}
    </>
  );
});

function TokenView({
  token,
  from,
  actions,
  start,
  highlights,
  tabIndex,
}: {
  token: Token;
  from: string;
  actions: TextActions;
  start: number;
  highlights: readonly [number, number][];
  tabIndex: number;
}) {
  const t = useT();
  const text = highlights.length > 0 ? marked(token.text, start, highlights) : token.text;
  switch (token.kind) {
    case 'text':
      return <>{text}</>;
    case 'emoji':
      return (
        <span className="emoji" role="img" aria-label={token.name} title={token.text}>
          {emojiFor(token.name) ?? text}
        </span>
      );
    case 'mention':
      return actions.canFollowMention(token.name) ? (
        <button
          type="button"
          className="mention"
          tabIndex={tabIndex}
          title={t('messages.followMention', { name: token.name })}
          onClick={() => actions.onMention(token.name)}
        >
          {text}
        </button>
      ) : (
        <span className="mention mention-unknown">{text}</span>
      );
    case 'url':
      return (
        <a
          className="link"
          href={token.href}
          tabIndex={tabIndex}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => openLink(event, token.href)}
        >
          {text}
        </a>
      );
    case 'image':
      return /^https?:\/\//i.test(token.src) ? (
        <RemoteImage
          src={token.src}
          alt={token.alt}
          load={actions.loadRemoteImages}
          onOpen={actions.onOpenImage}
          tabIndex={tabIndex}
        />
      ) : (
        <ArchiveImage
          from={from}
          src={token.src}
          alt={token.alt}
          onOpen={actions.onOpenImage}
          tabIndex={tabIndex}
        />
      );
    case 'file':
      return <FileCard name={token.name} />;
  }
}
