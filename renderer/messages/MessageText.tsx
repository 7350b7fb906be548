/**
 * A message's text as React nodes, token by token. Everything is a text node or an element we
 * build: archive text is untrusted and is never parsed as HTML.
 */
import { memo } from 'react';
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

/** `from` is the Markdown file the message came from: relative image links resolve against it. */
export const MessageText = memo(function MessageText({
  tokens,
  from,
  actions,
}: {
  tokens: readonly Token[];
  from: string;
  actions: TextActions;
}) {
  return (
    <>
      {tokens.map((token, index) => (
        <TokenView key={index} token={token} from={from} actions={actions} />
      ))}
    </>
  );
});

function TokenView({ token, from, actions }: { token: Token; from: string; actions: TextActions }) {
  const t = useT();
  switch (token.kind) {
    case 'text':
      return <>{token.text}</>;
    case 'emoji':
      return (
        <span className="emoji" role="img" aria-label={token.name} title={token.text}>
          {emojiFor(token.name) ?? token.text}
        </span>
      );
    case 'mention':
      return actions.canFollowMention(token.name) ? (
        <button
          type="button"
          className="mention"
          title={t('messages.followMention', { name: token.name })}
          onClick={() => actions.onMention(token.name)}
        >
          {token.text}
        </button>
      ) : (
        <span className="mention mention-unknown">{token.text}</span>
      );
    case 'url':
      return (
        <a
          className="link"
          href={token.href}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => openLink(event, token.href)}
        >
          {token.text}
        </a>
      );
    case 'image':
      return /^https?:\/\//i.test(token.src) ? (
        <RemoteImage
          src={token.src}
          alt={token.alt}
          load={actions.loadRemoteImages}
          onOpen={actions.onOpenImage}
        />
      ) : (
        <ArchiveImage from={from} src={token.src} alt={token.alt} onOpen={actions.onOpenImage} />
      );
    case 'file':
      return <FileCard name={token.name} />;
  }
}
