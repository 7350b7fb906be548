/**
 * Messages as richer formats carry them (events, replies, files, reactions, styles...), for the
 * export tests: one fixed thread of fictional people holding every kind, and fast-check
 * arbitraries for random selections of them, hostile text included.
 */
import fc from 'fast-check';
import type { Attachment, Message, Reaction, TextStyle } from '../../../shared/model';
import { toMessages, type MessageFields } from './messages';

const at = (time: string, speaker: string, text: string, rest: Partial<MessageFields> = {}) => ({
  conversation: 'exports/telegram/result.json#1',
  day: '2024-03-10',
  time,
  speaker,
  text,
  ...rest,
});

const ROUTE = 'Saturday: Jiuxi at 7, route here';

/** One Telegram-like thread with every kind of message; ids are positions (0 to 15). */
export function richThread(): Message[] {
  return toMessages([
    at('08:00:00', 'Ana', 'Ana created the group "Trail"', { kind: 'event' }),
    at('08:05:32', 'Ana', ROUTE, {
      styles: [
        { kind: 'bold', start: 10, end: 15 },
        { kind: 'italic', start: 13, end: 20 },
        { kind: 'link', start: 28, end: 32, href: 'https://example.org/route' },
        { kind: 'link', start: 0, end: 8, href: 'javascript:alert(1)' },
        { kind: 'code', start: 40, end: 99 },
      ],
    }),
    at('08:06:50', 'Ben', 'Count me in!', { reply: { id: 1, speaker: 'Ana', text: ROUTE } }),
    at('08:07:30', 'Ana', 'Yes', {
      reply: { id: 999, speaker: 'Ben', text: 'an old question\nover two lines' },
    }),
    at('08:08:00', 'Ben', 'which one?', { reply: { id: null, speaker: '', text: '' } }),
    at('08:31:05', 'Ana', 'Last weekend', {
      attachments: [
        {
          kind: 'image',
          name: 'photo_1.jpg',
          path: 'exports/telegram/photos/photo_1.jpg',
          size: 53210,
          width: 160,
          height: 120,
        },
      ],
    }),
    at('08:31:40', 'Cleo', '', {
      attachments: [{ kind: 'sticker', name: 'sticker.webp', path: 'exports/telegram/s.webp' }],
    }),
    at('08:32:00', 'Ben', 'files', {
      attachments: [
        { kind: 'voice', name: 'Voice message', path: null, duration: 42, size: 18000 },
        { kind: 'video', name: 'v.mp4', path: null, url: 'https://cdn.example.invalid/v.mp4' },
        { kind: 'file', name: 'route<plan>.pdf', path: 'exports/t/route.pdf', size: 1234567 },
      ],
    }),
    at('08:33:00', 'Ana', 'Ana pinned a message', {
      kind: 'event',
      reply: { id: 1, speaker: 'Ana', text: ROUTE },
    }),
    at('08:40:00', 'Cleo', 'Nice!', {
      edited: '2024-03-10 08:41:12',
      reactions: [
        { emoji: '👍', count: 2, names: ['Ana', 'Ben'] },
        { emoji: ':party:', count: 1 },
      ],
    }),
    at('08:41:00', 'Ben', 'Bus 27: 06:20', {
      forwardedFrom: 'Bus Info',
      edited: true,
      pinned: true,
    }),
    at('08:42:00', 'Dana', 'thread start', {
      thread: { replies: 2 },
      links: [{ url: 'https://example.org/a', title: 'A page', description: 'About it' }],
    }),
    at('08:43:00', 'Ana', 'in thread', { threadOf: 11 }),
    at('08:44:00', 'Ben', 'orphan thread reply', { threadOf: 500 }),
    at('08:45:00', 'Ben', 'copied', { copies: 2 }),
    at('09:00:00', '', 'Dana joined the group', { kind: 'event', day: '2024-03-11' }),
  ]);
}

/** Text with the characters every format must escape or keep: markup, entities, breaks, formulas. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc
    .array(
      fc.constantFrom(
        '<script>',
        '-->',
        '--',
        '<!-- day: 2024-01-01 -->',
        '> 09:00:00  x',
        '&amp;',
        '"',
        "'",
        '\n',
        '\r\n',
        ' ',
        '=SUM(A1)',
        '+1',
        '@x',
        'javascript:alert(1)',
        '李雄峰',
        '👍',
        'x',
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join('')),
);

/** A name: one line, trimmed, as every reader gives one. */
const name = awkwardText.map((text) => text.replace(/[\r\n]+/g, ' ').trim());

const attachment: fc.Arbitrary<Attachment> = fc.record(
  {
    kind: fc.constantFrom('image', 'video', 'audio', 'voice', 'sticker', 'file'),
    name: name.map((text) => text || 'file'),
    path: fc.option(name.map((text) => `exports/x/${text || 'a'}`)),
    url: fc.constantFrom('https://cdn.example.invalid/a.png', 'javascript:alert(1)'),
    size: fc.nat(10_000_000_000),
    width: fc.integer({ min: 1, max: 4000 }),
    height: fc.integer({ min: 1, max: 4000 }),
    duration: fc.nat(10_000),
  },
  { requiredKeys: ['kind', 'name', 'path'] },
);

const reaction: fc.Arbitrary<Reaction> = fc.record(
  {
    emoji: fc.constantFrom('👍', '❤️', ':party_parrot:', '=1'),
    count: fc.integer({ min: 1, max: 99 }),
    names: fc.array(name, { maxLength: 3 }),
  },
  { requiredKeys: ['emoji', 'count'] },
);

const style: fc.Arbitrary<TextStyle> = fc.record(
  {
    kind: fc.constantFrom(
      'bold',
      'italic',
      'underline',
      'strike',
      'code',
      'pre',
      'spoiler',
      'link',
      'quote',
    ),
    start: fc.integer({ min: -2, max: 30 }),
    end: fc.integer({ min: -2, max: 40 }),
    href: fc.constantFrom('https://example.org/x?a=1&b="2"', 'javascript:alert(1)', 'tg://x'),
  },
  { requiredKeys: ['kind', 'start', 'end'] },
);

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A random selection in the one order of messages: every message may be an event and may carry any of the
 * richer fields; replies point at earlier messages of the selection, at ones outside it, or at
 * nothing the archive holds.
 */
export const richSelection: fc.Arbitrary<Message[]> = fc
  .array(
    fc.record(
      {
        conversation: fc.constantFrom('exports/telegram/result.json#1', 'groups/trail'),
        day: fc.constantFrom('2024-03-10', '2024-03-11'),
        time: fc
          .tuple(fc.nat(23), fc.nat(59), fc.nat(59))
          .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
        speaker: name,
        text: awkwardText,
        kind: fc.constant('event' as const),
        reply: fc.record({
          id: fc.option(fc.nat(30)),
          speaker: name,
          text: awkwardText,
        }),
        threadOf: fc.nat(30),
        thread: fc.record({ replies: fc.integer({ min: 1, max: 9 }) }),
        forwardedFrom: name,
        edited: fc.oneof(fc.constant(true as const), fc.constant('2024-03-10 08:41:12')),
        pinned: fc.constant(true as const),
        attachments: fc.array(attachment, { minLength: 1, maxLength: 3 }),
        reactions: fc.array(reaction, { minLength: 1, maxLength: 3 }),
        links: fc.array(
          fc.record(
            { url: fc.constantFrom('https://example.org/a', 'data:text/html,x'), title: name },
            { requiredKeys: ['url'] },
          ),
          { minLength: 1, maxLength: 2 },
        ),
        styles: fc.array(style, { minLength: 1, maxLength: 4 }),
        copies: fc.integer({ min: 1, max: 3 }),
      },
      { requiredKeys: ['conversation', 'day', 'time', 'speaker', 'text'] },
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((fields) => toMessages(fields));
