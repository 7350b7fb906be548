/**
 * The JSON, CSV and text exports of what richer chats carry: events, replies, files, reactions,
 * links, forwards, edits, pins, threads and styles, for a fixed thread of every kind and for
 * random selections.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../shared/export/csv';
import { attachmentLine } from '../../../shared/export/describe';
import { formatJson, type JsonExport } from '../../../shared/export/json';
import { formatText } from '../../../shared/export/text';
import type { Message } from '../../../shared/model';
import { parseCsv, undoFormulaGuard } from './csvReader';
import { expectJsonHolds } from './jsonReader';
import { testContext } from './messages';
import { richSelection, richThread } from './richMessages';

const thread = richThread();

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
        expectJsonHolds(formatJson(messages, testContext()), messages);
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
    const [event, , reply] = richThread();
    const long = 'x'.repeat(100);
    const lines = formatText(
      [
        { ...event!, text: 'joined' },
        { ...event!, text: '' },
        { ...reply!, reply: { id: 1, speaker: 'Ana', text: long } },
        { ...reply!, reply: { id: 1, speaker: '', text: '' } },
      ] satisfies Message[],
      testContext(),
    ).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '2024-03-10 08:00:00 * Ana: joined',
      '2024-03-10 08:00:00 * Ana',
    ]);
    expect(lines[3]).toBe(`    ↪ reply to Ana: ${'x'.repeat(60)}…`);
    expect(lines[5]).toBe('    ↪ reply');
  });
});
