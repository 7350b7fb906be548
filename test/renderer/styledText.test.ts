import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../../shared/model';
import { tokenize } from '../../shared/text/tokens';
import { styleTree, type StyledNode } from '../../renderer/messages/styledText';

/** The text the tree shows, with containers and marks written around it, for reading. */
function show(nodes: readonly StyledNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'container') return `<${node.style.kind}>${show(node.children)}</>`;
      const text =
        node.piece.token.kind === 'text' ? node.piece.token.text : `{${node.piece.token.text}}`;
      return node.piece.marks.reduce((inner, mark) => `${mark}(${inner})`, text);
    })
    .join('');
}

function plain(nodes: readonly StyledNode[]): string {
  return nodes
    .map((node) => (node.kind === 'container' ? plain(node.children) : node.piece.token.text))
    .join('');
}

describe('styled text', () => {
  it('marks the styled spans of a Telegram message and keeps every word', () => {
    const text = '周六走 九溪十八涧，七点 北门 集合。路线见 这里';
    const styles: TextStyle[] = [
      { kind: 'bold', start: 4, end: 9 },
      { kind: 'bold', start: 13, end: 15 },
      { kind: 'link', start: 23, end: 25, href: 'https://example.org/routes/jiuxi' },
    ];
    const tree = styleTree(tokenize(text), styles);
    expect(show(tree)).toBe('周六走 bold(九溪十八涧)，七点 bold(北门) 集合。路线见 <link>这里</>');
    expect(plain(tree)).toBe(text);
  });

  it('keeps a quote one block around a mention inside it, and never puts a link in a link', () => {
    const text = 'see @Owen https://example.org/a end';
    const styles: TextStyle[] = [
      { kind: 'quote', start: 0, end: 35 },
      { kind: 'link', start: 4, end: 30, href: 'https://example.org/b' },
    ];
    const tree = styleTree(tokenize(text), styles);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.kind).toBe('container');
    // The mention and the address are links of their own: the link style leaves them out.
    expect(show(tree)).toBe('<quote>see {@Owen}<link> </>{https://example.org/a} end</>');
  });

  it('nests marks: bold and italic over the same words, code inside', () => {
    const tree = styleTree(tokenize('a bc d'), [
      { kind: 'italic', start: 2, end: 4 },
      { kind: 'bold', start: 0, end: 6 },
      { kind: 'code', start: 3, end: 4 },
    ]);
    expect(show(tree)).toBe('bold(a )italic(bold(b))code(italic(bold(c)))bold( d)');
  });

  it('ignores styles outside the text or empty, and styles nothing without styles', () => {
    const tokens = tokenize('hello [强]');
    expect(show(styleTree(tokens, []))).toBe('hello {[强]}');
    expect(
      show(
        styleTree(tokens, [
          { kind: 'bold', start: 50, end: 60 },
          { kind: 'spoiler', start: 3, end: 3 },
        ]),
      ),
    ).toBe('hello {[强]}');
  });

  it('never loses or repeats a character, whatever the styles', () => {
    const kinds = [
      'bold',
      'italic',
      'underline',
      'strike',
      'code',
      'pre',
      'spoiler',
      'link',
      'quote',
    ] as const;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            start: fc.integer({ min: -5, max: 70 }),
            end: fc.integer({ min: -5, max: 70 }),
          }),
          { maxLength: 8 },
        ),
        (text, styles) => {
          const extra = ' @Mia [强] https://example.org/x';
          const full = text + extra;
          expect(plain(styleTree(tokenize(full), styles))).toBe(full);
        },
      ),
    );
  });
});
