/**
 * The Markdown export of messages richer chats carry: read back by the archive's own reader,
 * every message (events too, each a message of its own) has the same day, time, speaker and
 * text; what else it carries is in notes before its header, and the front matter says what was
 * left out.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../electron/service/frontMatter';
import { describeMessage } from '../../../shared/export/describe';
import { formatMarkdown } from '../../../shared/export/markdown';
import { EVENT_NOTE } from '../../../shared/export/markdownNotes';
import type { Message } from '../../../shared/model';
import { readMarkdownFile } from '../readers/markdown/readFile';
import { matchHeader } from '../../../shared/readers/markdown/headers';
import { splitLines } from '../../../shared/text/lines';
import { tempArchive, type TempArchive } from '../../fixtures/archive';
import { dayByDayMessages, openSynced } from '../../fixtures/store';
import { testContext } from './messages';
import { richSelection, richThread } from './richMessages';

const fields = (
  messages: readonly { day?: string; time: string; speaker: string; text: string }[],
) => messages.map(({ day, time, speaker, text }) => ({ day, time, speaker, text }));

/** The notes written before each message header, in file order. */
function notesByMessage(markdown: string): string[][] {
  const notes: string[][] = [];
  let pending: string[] = [];
  for (const line of splitLines(markdown)) {
    const note = /^<!-- day: \d{4}-\d{2}-\d{2} · (.*) -->$/s.exec(line);
    if (note) pending.push(note[1]!);
    else if (matchHeader(line)) {
      notes.push(pending);
      pending = [];
    } else if (line.trim() !== '') pending = [];
  }
  return notes;
}

function expectRoundTrip(messages: readonly Message[]) {
  const markdown = formatMarkdown(messages, testContext());
  const parsed = readMarkdownFile('export.md', markdown);
  expect(parsed.kind).toBe('chat');
  expect(parsed.diagnostics).toEqual([]);
  expect(
    fields(parsed.messages.map((message) => ({ ...message, day: message.day ?? parsed.day! }))),
  ).toEqual(fields(messages));
  // Each message's notes: the event marker first for an event, then what it carries.
  const notes = notesByMessage(markdown);
  expect(notes.map((list) => list.includes(EVENT_NOTE))).toEqual(
    messages.map((message) => message.kind === 'event'),
  );
  expect(notes.map((list) => list.filter((note) => note !== EVENT_NOTE).length)).toEqual(
    messages.map((message) => describeMessage(message).length),
  );
  return markdown;
}

describe('Markdown export of rich messages', () => {
  it('reads back every message of every kind, events as messages of their own', () => {
    const markdown = expectRoundTrip(richThread());
    expect(markdown).toContain(
      [
        '<!-- day: 2024-03-10 · event -->',
        '> 08:00:00  Ana  ',
        '   ',
        'Ana created the group "Trail"  ',
      ].join('\n'),
    );
    expect(markdown).toContain(
      [
        '<!-- day: 2024-03-10 · ↪ reply to Ana: Saturday: Jiuxi at 7, route here -->',
        '> 08:06:50  Ben  ',
      ].join('\n'),
    );
    expect(markdown).toContain(
      '<!-- day: 2024-03-10 · 📎 photo_1.jpg (image, 160×120, 52 KB): exports/telegram/photos/photo_1.jpg -->',
    );
    expect(markdown).toContain('<!-- day: 2024-03-10 · 👍 2 (Ana, Ben) · :party: 1 -->');
    expect(markdown).toContain('<!-- day: 2024-03-11 · event -->\n> 09:00:00    \n');
  });

  it('says in the front matter what the notes hold and what was left out', () => {
    const markdown = formatMarkdown(richThread(), testContext());
    const front = markdown.slice(0, markdown.indexOf('\n---\n'));
    expect(front).toContain('# What else 15 messages carry is written in notes');
    expect(front).toContain('the note "event" marks a');
    expect(front).toContain('# Left out: bold, italic, code and other text styles on 1 message,');
    expect(front).toContain('# Left out: the 3 attached files themselves');
    // The comment is YAML's: the front matter still reads.
    const read = readFrontMatter(`${front}\n---`, 'yaml');
    expect(read.ok && read.data.title).toBe(
      'exports/telegram/result.json#1 2024-03-10 – 2024-03-11',
    );
  });

  it('keeps notes on one comment line whatever names and addresses hold', () => {
    const [message] = richThread().slice(5, 6);
    const hostile: Message = {
      ...message!,
      forwardedFrom: 'a -->\n> 09:00:00  Eve\n<script>',
      attachments: [{ kind: 'file', name: 'x--><b>\r\n', path: 'a\n<!-- day: 2030-01-01 -->' }],
    };
    const markdown = expectRoundTrip([hostile]);
    // Each comment opens and closes on its own line, with no `--` inside that could end it early.
    for (const line of markdown.split('\n').filter((each) => each.startsWith('<!')))
      expect(line).toMatch(/^<!-- day: 2024-03-10 (?:(?!--).)* -->$/);
    expect(markdown).toContain(
      '<!-- day: 2024-03-10 · forwarded from a -‑> > 09:00:00  Eve <script> -->',
    );
  });

  it('reads back random selections of every kind (property)', () => {
    fc.assert(
      fc.property(richSelection, (messages) => {
        expectRoundTrip(messages);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Markdown export of rich messages opened as an archive', () => {
  const archives: TempArchive[] = [];
  afterEach(() => archives.splice(0).forEach((archive) => archive.remove()));

  it('gives back every message, events included, on its day', async () => {
    const thread = richThread();
    const archive = tempArchive();
    archives.push(archive);
    archive.write('thread.md', formatMarkdown(thread, testContext()));
    const store = await openSynced(archive.root);
    try {
      expect(store.diagnostics()).toEqual([]);
      expect(fields(dayByDayMessages(store))).toEqual(fields(thread));
    } finally {
      store.close();
    }
  });
});
