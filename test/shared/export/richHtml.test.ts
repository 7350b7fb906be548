/**
 * The HTML export of what richer chats carry: events centred, reply quotes above bubbles, files,
 * reactions, marks and styles, for a fixed thread of every kind and for random selections, and
 * nothing on the page that runs or fetches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentKey } from '../../../shared/export/context';
import { oneLine } from '../../../shared/export/describe';
import { EXPORT_CSP, formatHtml } from '../../../shared/export/html';
import { expectOnlyExportMarkup, htmlBlocks } from './htmlReader';
import { testContext } from './messages';
import { richSelection, richThread } from './richMessages';

const thread = richThread();

describe('HTML export of rich messages', () => {
  const html = formatHtml(thread, testContext());
  const blocks = htmlBlocks(html);

  it('has one element per message, events centred apart from bubbles', () => {
    expect([...blocks.keys()]).toEqual(thread.map((message) => message.id));
    expect(html).toContain('<div class="event" id="m-0"><p><span class="event-text">Ana created');
    expect(html).toContain('<div class="event" id="m-15">');
    expect(html).toContain('<dt>Messages</dt><dd>13</dd>');
    expect(html).toContain('<dt>Events</dt><dd>3</dd>');
  });

  it('quotes the message a reply answers above the bubble, linked when the page holds it', () => {
    expect(blocks.get(2)).toContain('AnaSaturday: Jiuxi at 7, route here');
    expect(html).toMatch(
      /<a class="reply" href="#m-1"><span class="reply-speaker">Ana<\/span><span class="reply-text">Saturday/,
    );
    expect(html).toContain('<span class="reply"><span class="reply-speaker">Ben</span>');
    expect(blocks.get(3)).toContain('an old question over two lines');
    expect(blocks.get(4)).toContain('A reply to a message the archive does not hold');
    // The pin event links to what was pinned.
    expect(html).toMatch(/id="m-8">.*<a class="reply" href="#m-1">/);
    const quote = html.indexOf('class="reply" href="#m-1"');
    expect(quote).toBeLessThan(html.indexOf('<div class="bubble">Count me in!'));
  });

  it('renders styles as tags over escaped text, and links only to the web', () => {
    expect(html).toContain(
      'Saturday: <strong>Jiu</strong><strong><em>xi</em></strong><em> at 7</em>, route <a class="link" href="https://example.org/route" rel="noreferrer noopener">here</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(blocks.get(1)).toContain('Saturday: Jiuxi at 7, route here');
  });

  it('shows files: pictures the context embeds, placeholders and cards for the rest', () => {
    const images = new Map([
      [
        attachmentKey('exports/telegram/photos/photo_1.jpg'),
        { kind: 'embedded' as const, dataUri: 'data:image/jpeg;base64,/9j/' },
      ],
      [
        attachmentKey('exports/t/route.pdf'),
        { kind: 'linked' as const, href: '../archive/exports/t/route.pdf' },
      ],
    ]);
    const page = formatHtml(thread, { ...testContext(), images });
    expect(page).toContain(
      '<img class="attachment picture" src="data:image/jpeg;base64,/9j/" alt="photo_1.jpg" title="photo_1.jpg" width="160" height="120">',
    );
    expect(page).toContain('<a class="attachment file-card" href="../archive/exports/t/route.pdf"');
    const shown = htmlBlocks(page);
    expect(shown.get(6)).toContain('Sticker not included: sticker.webp');
    expect(shown.get(7)).toContain(
      'Voice messagevoice message · 0:42 · 18 KB · left out of the chat export',
    );
    expect(shown.get(7)).toContain('route<plan>.pdffile · 1.2 MB');
    expect(page).toContain('href="https://cdn.example.invalid/v.mp4"');
    // No bubble for a sticker alone.
    expect(page).not.toMatch(/id="m-6">(?:(?!<\/article>).)*class="bubble"/s);
  });

  it('shows reactions as chips, and the edited, pinned, forwarded and thread marks', () => {
    expect(html).toContain(
      '<ul class="reactions" aria-label="Reactions"><li title="Ana, Ben"><span class="emoji">👍</span> <span class="count">2</span></li><li><span class="emoji">:party:</span> <span class="count">1</span></li></ul>',
    );
    expect(html).toContain('<span class="mark" title="edited 2024-03-10 08:41:12">edited</span>');
    expect(blocks.get(10)).toContain('Forwarded from Bus Info');
    expect(blocks.get(10)).toContain('📌 pinned');
    expect(blocks.get(11)).toContain('thread: 2 replies');
    expect(blocks.get(11)).toContain('A pageAbout ithttps://example.org/a');
    expect(html).toContain('<a class="mark" href="#m-11">in a thread</a>');
    expect(html).toContain('<span class="mark">in a thread</span>');
  });

  it('holds every message of a random selection with its reply and files, and nothing that runs or fetches (property)', () => {
    fc.assert(
      fc.property(richSelection, (messages) => {
        const page = formatHtml(messages, testContext());
        expect(page).toContain(`content="${EXPORT_CSP}"`);
        expect(page).not.toMatch(/url\(/i);
        expectOnlyExportMarkup(page);
        const shown = htmlBlocks(page);
        expect([...shown.keys()]).toEqual(messages.map((message) => message.id));
        for (const message of messages) {
          const block = shown.get(message.id)!;
          for (const line of message.text.split(/\r\n?|\n/)) expect(block).toContain(visible(line));
          const reply = message.reply;
          if (reply && reply.speaker + reply.text !== '') {
            expect(block).toContain(reply.speaker);
            expect(block).toContain(oneLine(reply.text, 120));
            const held = messages.some((other) => other.id === reply.id);
            if (held) expect(page).toContain(`<a class="reply" href="#m-${reply.id}">`);
          }
          for (const attachment of message.attachments ?? [])
            expect(block).toContain(attachment.name);
          for (const reaction of message.reactions ?? []) expect(block).toContain(reaction.emoji);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** What a line of text shows as: WeChat emoji shortcodes become emoji, images placeholders. */
function visible(line: string): string {
  return /\[|!\[/.test(line) ? '' : line;
}
