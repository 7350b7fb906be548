/** iOS exports (`[date, time] Name: text`, `_chat.txt` in the zip the app shares). */
import { describe, expect, it } from 'vitest';
import { messagesOf, readFixture, readText, transcript } from './read';

const ZIPPED = 'exports/WhatsApp Chat - Hill Walkers.zip!/_chat.txt';

describe('iOS, en-GB: brackets, seconds, a BOM and U+200E marks, a group', () => {
  const result = readFixture('ios-group/_chat.txt', ZIPPED);
  const messages = messagesOf(result);

  it('names the chat by its zip, and the conversation by the zip', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.conversations.map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 'exports/WhatsApp Chat - Hill Walkers.zip', title: 'Hill Walkers' },
    ]);
  });

  it('reads the first line despite the BOM, with its seconds', () => {
    expect(messages[0]!.line).toBe(1);
    expect(messages[0]!.time).toBe('10:00:00');
    expect(messages[3]).toMatchObject({
      day: '2024-03-01',
      time: '10:02:30',
      speaker: 'Ana Lima',
      text: 'Hello hill walkers',
    });
  });

  it('reads the lines iOS writes under the group name as events of whoever acted', () => {
    expect(transcript(result).filter((line) => line.includes('*'))).toEqual([
      expect.stringMatching(/^2024-03-01 10:00:00 \*: Messages and calls are end-to-end/),
      '2024-03-01 10:00:00 *Ana Lima: Ana Lima created group “Hill Walkers”',
      '2024-03-01 10:00:05 *Ana Lima: Ana Lima added Ben Okafor',
      '2024-03-01 10:10:00 *Ana Lima: Missed voice call',
      '2024-03-13 21:16:00 *Ana Lima: Ana Lima added ~\u202fChidi Eze',
    ]);
    expect(messages.some((m) => m.speaker === 'Hill Walkers')).toBe(false);
  });

  it('names attached files in the zip, a document by its own name', () => {
    const files = messages.filter((m) => m.attachments).map((m) => m.attachments![0]);
    expect(files.slice(0, 3)).toEqual([
      {
        kind: 'image',
        name: '00000005-PHOTO-2024-03-01-10-03-01.jpg',
        path: 'exports/WhatsApp Chat - Hill Walkers.zip!/00000005-PHOTO-2024-03-01-10-03-01.jpg',
      },
      {
        kind: 'voice',
        name: '00000006-AUDIO-2024-03-01-10-04-12.opus',
        path: 'exports/WhatsApp Chat - Hill Walkers.zip!/00000006-AUDIO-2024-03-01-10-04-12.opus',
      },
      {
        kind: 'file',
        name: 'Route.pdf',
        path: 'exports/WhatsApp Chat - Hill Walkers.zip!/00000007-Route.pdf',
      },
    ]);
  });

  it('shows files left out of the export as such, with the size when the line gives it', () => {
    const files = messages.filter((m) => m.attachments).map((m) => m.attachments![0]);
    expect(files.slice(3)).toEqual([
      { kind: 'image', name: 'image omitted', path: null },
      { kind: 'video', name: 'GIF omitted', path: null },
      { kind: 'file', name: 'Kit list.xlsx', path: null, size: 24 * 1024 },
    ]);
    expect(messages.filter((m) => m.attachments).every((m) => m.text === '')).toBe(true);
  });

  it('takes the marks out of edited and deleted messages', () => {
    const edited = messages.find((m) => m.time === '10:08:00')!;
    expect([edited.text, edited.edited]).toEqual(['See you on the 14th', true]);
    expect(messages.find((m) => m.time === '10:09:00')!.text).toBe('This message was deleted.');
  });

  it('shows names without the marks around phone numbers and with plain spaces (text as written)', () => {
    expect(transcript(result).slice(-3)).toEqual([
      "2024-03-13 21:15:42 ~ Chidi Eze: Can I still join?\nLine two of Chidi's message",
      '2024-03-13 21:16:00 *Ana Lima: Ana Lima added ~\u202fChidi Eze',
      '2024-03-14 06:59:59 +1 555 0100: Ready',
    ]);
  });

  it('without the zip, a bare _chat.txt has no title of its own', () => {
    expect(readFixture('ios-group/_chat.txt').conversations[0]!.title).toBeNull();
  });
});

describe('iOS in other locales and versions', () => {
  it('Finnish: "klo" between date and time, dots in the time, four-digit years', () => {
    expect(transcript(readFixture('finnish/_chat.txt'))).toEqual([
      '2024-03-05 09:14:02 Aino Virtanen: Hei!',
      '2024-03-05 09:15:40 Ana Lima: Moi Aino',
      '2024-03-16 18:00:00 Aino Virtanen: Nähdään',
    ]);
  });

  it('before 2017: no brackets, a colon after the time, events without a name part', () => {
    const result = readFixture('old-ios/_chat.txt');
    expect(transcript(result)).toEqual([
      '2016-07-01 16:56:55 *Ana Lima: Ana Lima created this group',
      '2016-07-01 17:08:08 *Ana Lima: Ana Lima added you',
      '2016-07-01 17:13:36 Ana Lima: Welcome!',
      '2016-07-02 09:16:06 Ben Okafor: ',
      '2016-07-13 12:01:00 Ben Okafor: Noon walk?',
    ]);
    expect(messagesOf(result)[3]!.attachments).toEqual([
      { kind: 'image', name: 'image omitted', path: null },
    ]);
  });

  it('12-hour iOS dates with a narrow space before PM', () => {
    expect(transcript(readText('[3/14/24, 9:05:01\u202fPM] Ana Lima: hi\n'))).toEqual([
      '2024-03-14 21:05:01 Ana Lima: hi',
    ]);
  });

  it('does not take what a person typed for a system line', () => {
    const result = readText(
      '[14/03/2024, 10:00:00] Ana Lima: Ben Okafor added salt\n' +
        '[14/03/2024, 10:00:01] Ben Okafor: I left\n' +
        '[14/03/2024, 10:00:02] Ben Okafor: my image omitted from the album\n',
    );
    expect(messagesOf(result).map((m) => [m.kind, m.speaker, m.text, m.attachments])).toEqual([
      [undefined, 'Ana Lima', 'Ben Okafor added salt', undefined],
      [undefined, 'Ben Okafor', 'I left', undefined],
      [undefined, 'Ben Okafor', 'my image omitted from the album', undefined],
    ]);
  });
});
