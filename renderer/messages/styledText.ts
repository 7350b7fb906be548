/**
 * A message's tokens (emoji, mentions, links...) with its text styles (Telegram entities, Slack
 * and Discord markup) laid over them, as a tree to render. Styles are UTF-16 ranges of the text;
 * tokens are cut where a style starts or ends (a mention or a link stays whole and takes the
 * styles at its start). Marks (bold, italic, underline, strike, code) apply to each piece;
 * containers (a quote, a pre block, a spoiler, a link with its own address) hold the run of
 * pieces they cover, so that a quote is one block however many tokens are inside it.
 */
import type { TextStyle, Token } from '../../shared/model';

export type MarkKind = 'bold' | 'italic' | 'underline' | 'strike' | 'code';
export type ContainerKind = 'quote' | 'pre' | 'spoiler' | 'link';

/** A run of the text: a token, or the part of a text token between two style edges. */
export interface Piece {
  /** Offset of the piece in the message's text. */
  start: number;
  token: Token;
  marks: MarkKind[];
}

export type StyledNode =
  | { kind: 'piece'; piece: Piece }
  | { kind: 'container'; style: TextStyle & { kind: ContainerKind }; children: StyledNode[] };

/** Outer containers first: a quote may hold a pre block, a spoiler may hold a link. */
const CONTAINER_RANK: Record<ContainerKind, number> = { quote: 0, pre: 1, spoiler: 2, link: 3 };
const MARK_ORDER: readonly MarkKind[] = ['bold', 'italic', 'underline', 'strike', 'code'];

function isContainer(style: TextStyle): style is TextStyle & { kind: ContainerKind } {
  return style.kind in CONTAINER_RANK;
}

/** Tokens that are links or buttons of their own: a link style around them would nest links. */
function interactive(token: Token): boolean {
  return token.kind === 'url' || token.kind === 'mention' || token.kind === 'image';
}

export function styleTree(tokens: readonly Token[], styles: readonly TextStyle[]): StyledNode[] {
  const length = tokens.reduce((sum, token) => sum + token.text.length, 0);
  const valid = styles
    .map((style) => ({
      ...style,
      start: Math.max(0, Math.min(length, style.start)),
      end: Math.max(0, Math.min(length, style.end)),
    }))
    .filter((style) => style.start < style.end);
  if (valid.length === 0) {
    let offset = 0;
    return tokens.map((token) => {
      const piece = { start: offset, token, marks: [] };
      offset += token.text.length;
      return { kind: 'piece', piece };
    });
  }
  const edges = [...new Set(valid.flatMap((style) => [style.start, style.end]))].sort(
    (a, b) => a - b,
  );

  // Each piece with the containers around it (outer first).
  const pieces: { piece: Piece; containers: (TextStyle & { kind: ContainerKind })[] }[] = [];
  let offset = 0;
  for (const token of tokens) {
    const tokenStart = offset;
    const tokenEnd = offset + token.text.length;
    offset = tokenEnd;
    const cuts =
      token.kind === 'text'
        ? [tokenStart, ...edges.filter((edge) => edge > tokenStart && edge < tokenEnd), tokenEnd]
        : [tokenStart, tokenEnd];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const end = cuts[i + 1]!;
      if (end === start && token.text !== '') continue;
      const active = valid.filter((style) => style.start <= start && start < style.end);
      const marks = MARK_ORDER.filter((mark) => active.some((style) => style.kind === mark));
      const containers = active
        .filter(isContainer)
        .filter((style) => !(style.kind === 'link' && interactive(token)))
        .sort(
          (a, b) =>
            CONTAINER_RANK[a.kind] - CONTAINER_RANK[b.kind] || a.start - b.start || b.end - a.end,
        );
      const piece: Piece = {
        start,
        token:
          token.kind === 'text'
            ? { kind: 'text', text: token.text.slice(start - tokenStart, end - tokenStart) }
            : token,
        marks,
      };
      pieces.push({ piece, containers });
    }
  }
  return group(pieces, 0);
}

/** Consecutive pieces sharing the container at `depth` become that container's children. */
function group(
  pieces: readonly { piece: Piece; containers: (TextStyle & { kind: ContainerKind })[] }[],
  depth: number,
): StyledNode[] {
  const nodes: StyledNode[] = [];
  let at = 0;
  while (at < pieces.length) {
    const entry = pieces[at]!;
    const container = entry.containers[depth];
    if (!container) {
      nodes.push({ kind: 'piece', piece: entry.piece });
      at++;
      continue;
    }
    let end = at + 1;
    while (end < pieces.length && pieces[end]!.containers[depth] === container) end++;
    nodes.push({
      kind: 'container',
      style: container,
      children: group(pieces.slice(at, end), depth + 1),
    });
    at = end;
  }
  return nodes;
}
