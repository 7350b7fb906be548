/**
 * Every export format holds what richer chats carry: events, replies, files, reactions, links,
 * forwards, edits, pins, threads and styles, for a fixed thread of every kind and for random
 * selections.
 */
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentKey } from '../../../shared/export/context';
import { formatCsv } from '../../../shared/export/csv';
import { attachmentLine, oneLine, replyLine } from '../../../shared/export/describe';
import { EXPORT_CSP, formatHtml } from '../../../shared/export/html';
import { formatJson, type JsonExport } from '../../../shared/export/json';
import { formatText } from '../../../shared/export/text';
import type { Message } from '../../../shared/model';
import { parseCsv, undoFormulaGuard } from './csvReader';
import { testContext } from './messages';
import { richSelection, richThread } from './richMessages';

const thread = richThread();

/** The visible text of each message's element on the page, by message id. */
function htmlBlocks(html: string): Map<number, string> {
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
        // Archive text is escaped, so every tag in the body is one the export writes.
        const body = page.slice(page.indexOf('<main'));
        for (const [, tag, attributes] of body.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
          expect(PAGE_TAGS).toContain(tag);
          for (const [, name, value] of attributes!.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
            expect(PAGE_ATTRIBUTES).toContain(name);
            // Pictures only from data: (none here: the context gives none), links to the page
            // itself or to the web.
            if (name === 'src') expect(value).toMatch(/^data:image\//);
            if (name === 'href') expect(value).toMatch(/^(?:#m-\d+|https?:\/\/|mailto:)/);
          }
        }
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

/** What a line of text shows as: WeChat emoji shortcodes become emoji, images placeholders. */
function visible(line: string): string {
  return /\[|!\[/.test(line) ? '' : line;
}

describe('JSON export of rich messages', () => {
  const document = JSON.parse(formatJson(thread, testContext())) as JsonExport;
  const byId = new Map(document.messages.map((message) => [message.id, message]));

  it('is version 2 and carries every field of every message', () => {
    expect(document.version).toBe(2);
    expect(document.count).toBe(thread.length);
    expect(byId.get(0)).toMatchObject({ kind: 'event', text: 'Ana created the group "Trail"' });
    expect(byId.get(2)!.reply).toEqual({ id: 1, speaker: 'Ana', text: thread[1]!.text });
    // Held by the archive but not by this file: no id, still a snippet.
    expect(byId.get(3)!.reply).toEqual({
      id: null,
      speaker: 'Ben',
      text: 'an old question\nover two lines',
    });
    expect(byId.get(4)!.reply).toEqual({ id: null, speaker: '', text: '', missing: true });
    expect(byId.get(7)!.attachments).toEqual(thread[7]!.attachments);
    expect(byId.get(9)).toMatchObject({
      edited: '2024-03-10 08:41:12',
      reactions: thread[9]!.reactions,
    });
    expect(byId.get(10)).toMatchObject({ forwardedFrom: 'Bus Info', edited: true, pinned: true });
    expect(byId.get(11)).toMatchObject({ thread: { replies: 2 }, links: thread[11]!.links });
    expect(byId.get(12)!.threadOf).toBe(11);
    expect(byId.get(13)!.threadOf).toBeNull();
    expect(byId.get(14)!.copies).toBe(2);
    expect(byId.get(1)!.styles).toEqual(thread[1]!.styles);
    expect(Object.keys(byId.get(2)!)).toEqual([
      'id',
      'conversation',
      'day',
      'time',
      'speaker',
      'person',
      'text',
      'tokens',
      'reply',
      'source',
    ]);
    expect(Object.keys(byId.get(3)!)).not.toContain('kind');
  });

  it('gives back every field of random selections (property)', () => {
    fc.assert(
      fc.property(richSelection, (messages) => {
        const back = (JSON.parse(formatJson(messages, testContext())) as JsonExport).messages;
        const held = new Set(messages.map((message) => message.id));
        expect(back.map((message) => message.id)).toEqual(messages.map((message) => message.id));
        messages.forEach((message, index) => {
          const entry = back[index]!;
          expect(entry.text).toBe(message.text);
          expect(entry.kind).toBe(message.kind);
          expect(entry.attachments).toEqual(message.attachments);
          expect(entry.reactions).toEqual(message.reactions);
          expect(entry.styles).toEqual(message.styles);
          if (message.reply) {
            expect(entry.reply?.text).toBe(message.reply.text);
            const id = message.reply.id;
            expect(entry.reply?.id).toBe(id !== null && held.has(id) ? id : null);
          } else expect(entry.reply).toBeUndefined();
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV export of rich messages', () => {
  it('has a column for each richer field, one readable cell each', () => {
    const [header, ...rows] = parseCsv(formatCsv(thread, testContext()));
    expect(header).toEqual([
      'conversation',
      'title',
      'day',
      'time',
      'speaker',
      'person',
      'text',
      'kind',
      'reply',
      'attachments',
      'reactions',
      'links',
      'forwarded_from',
      'edited',
      'pinned',
      'thread',
    ]);
    const cell = (id: number, column: string) => rows[id]![header!.indexOf(column)];
    expect(cell(0, 'kind')).toBe('event');
    expect(cell(2, 'reply')).toBe('↪ reply to Ana: Saturday: Jiuxi at 7, route here');
    expect(cell(4, 'reply')).toBe('↪ reply to a message the archive does not hold');
    expect(cell(7, 'attachments')).toBe(
      [
        '📎 Voice message (voice message, 0:42, 18 KB): not included in the chat export',
        '📎 v.mp4 (video): https://cdn.example.invalid/v.mp4',
        '📎 route<plan>.pdf (file, 1.2 MB): exports/t/route.pdf',
      ].join('\n'),
    );
    expect(cell(9, 'reactions')).toBe('👍 2 (Ana, Ben) · :party: 1');
    expect(cell(9, 'edited')).toBe('2024-03-10 08:41:12');
    expect(cell(10, 'forwarded_from')).toBe('Bus Info');
    expect(cell(10, 'edited')).toBe('yes');
    expect(cell(10, 'pinned')).toBe('yes');
    expect(cell(1, 'links')).toBe(
      '🔗 here: https://example.org/route\n🔗 Saturday: javascript:alert(1)',
    );
    expect(cell(11, 'links')).toBe('🔗 A page: https://example.org/a');
    expect(cell(12, 'thread')).toBe('reply in a thread');
  });

  it('lets no cell of a random selection start a formula, and gives the text back (property)', () => {
    fc.assert(
      fc.property(richSelection, (messages) => {
        const rows = parseCsv(formatCsv(messages, testContext())).slice(1);
        expect(rows.every((row) => row.every((field) => !/^[=+\-@\t\r]/.test(field)))).toBe(true);
        expect(rows.map((row) => undoFormulaGuard(row[6]!))).toEqual(
          messages.map((message) => message.text),
        );
        expect(rows.map((row) => undoFormulaGuard(row[9]!))).toEqual(
          messages.map((message) => (message.attachments ?? []).map(attachmentLine).join('\n')),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('Text export of rich messages', () => {
  it('writes events and replies in one line each, files by name', () => {
    expect(formatText(thread.slice(0, 9), testContext())).toBe(
      [
        '2024-03-10 08:00:00 * Ana created the group "Trail"',
        '2024-03-10 08:05:32 Ana: Saturday: Jiuxi at 7, route here',
        '    🔗 here: https://example.org/route',
        '    🔗 Saturday: javascript:alert(1)',
        '2024-03-10 08:06:50 Ben: Count me in!',
        '    ↪ reply to Ana: Saturday: Jiuxi at 7, route here',
        '2024-03-10 08:07:30 Ana: Yes',
        '    ↪ reply to Ben: an old question over two lines',
        '2024-03-10 08:08:00 Ben: which one?',
        '    ↪ reply to a message the archive does not hold',
        '2024-03-10 08:31:05 Ana: Last weekend',
        '    📎 photo_1.jpg (image, 160×120, 52 KB): exports/telegram/photos/photo_1.jpg',
        '2024-03-10 08:31:40 Cleo: 📎 sticker.webp (sticker): exports/telegram/s.webp',
        '2024-03-10 08:32:00 Ben: files',
        '    📎 Voice message (voice message, 0:42, 18 KB): not included in the chat export',
        '    📎 v.mp4 (video): https://cdn.example.invalid/v.mp4',
        '    📎 route<plan>.pdf (file, 1.2 MB): exports/t/route.pdf',
        '2024-03-10 08:33:00 * Ana pinned a message',
        '    ↪ reply to Ana: Saturday: Jiuxi at 7, route here',
        '',
      ].join('\n'),
    );
    expect(formatText(thread.slice(9), testContext())).toBe(
      [
        '2024-03-10 08:40:00 Cleo: Nice!',
        '    👍 2 (Ana, Ben) · :party: 1',
        '    (edited 2024-03-10 08:41:12)',
        '2024-03-10 08:41:00 Ben: Bus 27: 06:20',
        '    forwarded from Bus Info',
        '    (edited; pinned)',
        '2024-03-10 08:42:00 Dana: thread start',
        '    🔗 A page: https://example.org/a',
        '    (thread: 2 replies)',
        '2024-03-10 08:43:00 Ana: in thread',
        '    (reply in a thread)',
        '2024-03-10 08:44:00 Ben: orphan thread reply',
        '    (reply in a thread)',
        '2024-03-10 08:45:00 Ben: copied',
        '2024-03-11 09:00:00 * Dana joined the group',
        '',
      ].join('\n'),
    );
  });

  it('names an event speaker its sentence leaves out, and cuts long replies', () => {
    const [event, reply] = richThread()
      .slice(0, 3)
      .filter((message) => message.id !== 1);
    const lines = formatText(
      [
        { ...event!, text: 'joined' },
        { ...reply!, reply: { id: 1, speaker: 'Ana', text: 'x'.repeat(100) } },
      ] satisfies Message[],
      testContext(),
    ).split('\n');
    expect(lines[0]).toBe('2024-03-10 08:00:00 * Ana: joined');
    expect(lines[2]).toBe(`    ${replyLine({ id: 1, speaker: 'Ana', text: 'x'.repeat(100) })}`);
    expect(lines[2]).toBe(`    ↪ reply to Ana: ${oneLine('x'.repeat(100))}`);
    expect(lines[2]!.endsWith('x…')).toBe(true);
  });
});
