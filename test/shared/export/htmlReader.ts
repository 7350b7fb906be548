/** Reading the HTML export back in tests: each message's visible text, and the markup used. */
import { decodeHTML } from 'entities';
import { expect } from 'vitest';

/** The visible text of each message's element on the page, by message id. */
export function htmlBlocks(html: string): Map<number, string> {
  const blocks = new Map<number, string>();
  const starts = [...html.matchAll(/<(?:article|div) class="[^"]*" id="m-(\d+)">/g)];
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? html.indexOf('</main>');
    const inner = html.slice(match.index, end);
    // Pictures show their name as alt text: keep it as text.
    const visible = inner.replace(/<img [^>]*alt="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]*>/g, '');
    blocks.set(Number(match[1]), decodeHTML(visible));
  });
  return blocks;
}

const PAGE_TAGS = [
  'main',
  'section',
  'h2',
  'h3',
  'p',
  'article',
  'div',
  'span',
  'time',
  'a',
  'img',
  'ul',
  'li',
  'strong',
  'em',
  'u',
  's',
  'code',
  'footer',
];
const PAGE_ATTRIBUTES = [
  'class',
  'id',
  'href',
  'rel',
  'title',
  'src',
  'alt',
  'width',
  'height',
  'aria-hidden',
  'aria-label',
  'lang',
];

/**
 * Archive text is escaped, so every tag in the page's body is one the export writes, with the
 * attributes it writes: pictures only from data: (the context decides which), links only to
 * the page itself or to the web (unless the context gave a link to a file).
 */
export function expectOnlyExportMarkup(page: string): void {
  const body = page.slice(page.indexOf('<main'));
  for (const [, tag, attributes] of body.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
    expect(PAGE_TAGS).toContain(tag);
    for (const [, name, value] of attributes!.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
      expect(PAGE_ATTRIBUTES).toContain(name);
      if (name === 'src') expect(value).toMatch(/^data:image\//);
      if (name === 'href') expect(value).toMatch(/^(?:#m-\d+|https?:\/\/|mailto:)/);
    }
  }
}
