/**
 * A message's text as React nodes: its tokens (emoji, mentions, links, images, shared files)
 * with its styles laid over them (styledText.ts). Everything is a text node or an element we
 * build: archive text is untrusted and is never parsed as HTML. Matched words of an opened search
 * result are marked where they fall, inside plain text, names and links alike.
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import type { TextStyle, Token } from '../../shared/model';
import { emojiFor } from '../../shared/text/tokens';
import { useT } from '../i18n/I18nContext';
import type { MessageActions } from './actions';
import { FileCard } from './FileCard';
import { ArchiveImage, RemoteImage } from './MessageImage';
import { openLink } from './openLink';
import { styleTree, type MarkKind, type StyledNode } from './styledText';

/** `text` with the parts inside `ranges` (offsets from `start`) in <mark>. */
export function marked(
  text: string,
  start: number,
  ranges: readonly [number, number][],
): ReactNode {
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

interface TextProps {
  /** The Markdown file the message came from: relative image links resolve against it. */
  from: string;
  actions: MessageActions;
  highlights: readonly [number, number][];
  /** Links and buttons in the text take Tab only when their message is the active one. */
  tabIndex: number;
}

export const MessageText = memo(function MessageText({
  tokens,
  styles,
  tabbable,
  ...props
}: Omit<TextProps, 'tabIndex'> & {
  tokens: readonly Token[];
  styles: readonly TextStyle[] | undefined;
  tabbable: boolean;
}) {
  const tree = useMemo(() => styleTree(tokens, styles ?? []), [tokens, styles]);
  return <Nodes nodes={tree} {...props} tabIndex={tabbable ? 0 : -1} />;
});

function Nodes({ nodes, ...props }: TextProps & { nodes: readonly StyledNode[] }) {
  return (
    <>
      {nodes.map((node, index) =>
        node.kind === 'piece' ? (
          <Marks key={index} marks={node.piece.marks}>
            <TokenView token={node.piece.token} start={node.piece.start} {...props} />
          </Marks>
        ) : (
          <Container key={index} node={node} {...props} />
        ),
      )}
    </>
  );
}

function Marks({ marks, children }: { marks: readonly MarkKind[]; children: ReactNode }) {
  return marks.reduceRight<ReactNode>((inner, mark) => {
    switch (mark) {
      case 'bold':
        return <strong>{inner}</strong>;
      case 'italic':
        return <em>{inner}</em>;
      case 'underline':
        return <u>{inner}</u>;
      case 'strike':
        return <s>{inner}</s>;
      case 'code':
        return <code className="inline-code">{inner}</code>;
    }
  }, children);
}

function Container({
  node,
  ...props
}: TextProps & { node: Extract<StyledNode, { kind: 'container' }> }) {
  const children = <Nodes nodes={node.children} {...props} />;
  switch (node.style.kind) {
    case 'quote':
      return <span className="text-quote">{children}</span>;
    case 'pre':
      return <code className="text-pre">{children}</code>;
    case 'spoiler':
      return <Spoiler tabIndex={props.tabIndex}>{children}</Spoiler>;
    case 'link': {
      const href = node.style.href ?? '';
      return /^https?:\/\//i.test(href) ? (
        <a
          className="link"
          href={href}
          title={href}
          tabIndex={props.tabIndex}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(event) => openLink(event, href)}
        >
          {children}
        </a>
      ) : (
        children
      );
    }
  }
}

/** Hidden words, as Telegram hides them: shown once clicked (or Enter on them). */
function Spoiler({ children, tabIndex }: { children: ReactNode; tabIndex: number }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  if (shown) return <span className="spoiler spoiler-shown">{children}</span>;
  return (
    <span
      className="spoiler"
      role="button"
      tabIndex={tabIndex}
      aria-label={t('messages.spoiler')}
      title={t('messages.spoiler')}
      onClick={() => setShown(true)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        setShown(true);
      }}
    >
      <span aria-hidden="true">{children}</span>
    </span>
  );
}

function TokenView({
  token,
  from,
  actions,
  start,
  highlights,
  tabIndex,
}: TextProps & { token: Token; start: number }) {
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
      return <FileCard name={token.name} shown={text} />;
  }
}
