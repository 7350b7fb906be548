/** Android exports (`date, time - Name: text`) in the locales the project's fixtures cover. */
import { describe, expect, it } from 'vitest';
import { messagesOf, readFixture, readText, transcript } from './read';

describe('Android, en-US (month-first, 12-hour clock with U+202F)', () => {
  const result = readFixture('WhatsApp Chat with Ben Okafor.txt');

  it('reads who said what when, with the chat named after the contact', () => {
    expect(result.kind).toBe('chat');
    expect(result.diagnostics).toEqual([]);
    expect(
      result.conversations.map(({ id, title, format, day }) => ({ id, title, format, day })),
    ).toEqual([
      {
        id: 'exports/WhatsApp Chat with Ben Okafor.txt',
        title: 'Ben Okafor',
        format: 'whatsapp',
        day: null,
      },
    ]);
    expect(transcript(result).slice(1, 3)).toEqual([
      '2024-03-09 20:02:00 Ana Lima: Hi Ben! Are you still up for the ridge walk?',
      '2024-03-09 20:05:00 Ben Okafor: Yes! Saturday works.',
    ]);
  });

  it('turns 12 AM into midnight and 12 PM into noon, and moves to the next day after midnight', () => {
    const times = messagesOf(result).map((m) => `${m.day} ${m.time}`);
    expect(times).toContain('2024-03-09 23:59:00');
    expect(times).toContain('2024-03-10 00:00:00');
    expect(times).toContain('2024-03-10 12:30:00');
    expect(times).toContain('2024-03-14 07:15:00');
  });

  it('shows the encryption notice as an event, not as a message from someone', () => {
    const notice = messagesOf(result)[0]!;
    expect(notice.kind).toBe('event');
    expect(notice.speaker).toBe('');
    expect(notice.text).toMatch(/^Messages and calls are end-to-end encrypted\./);
  });

  it('keeps a message of many lines whole, a blank line and a leading dash included', () => {
    const list = messagesOf(result).find((m) => m.text.startsWith('Things to bring'))!;
    expect(list.text).toBe('Things to bring:\n- water (2 l)\n- lunch\n\n- a warm layer');
    expect(list.line).toBe(4);
  });

  it('shows <Media omitted> as a file that was left out, not as text', () => {
    const media = messagesOf(result).find((m) => m.time === '23:59:00')!;
    expect(media.text).toBe('');
    expect(media.attachments).toEqual([{ kind: 'file', name: 'Media omitted', path: null }]);
  });

  it('keeps deleted messages, and marks edited ones without the marker in the text', () => {
    const messages = messagesOf(result);
    expect(messages.find((m) => m.time === '12:30:00')!.text).toBe('This message was deleted');
    const edited = messages.find((m) => m.time === '07:15:00')!;
    expect(edited.text).toBe('Leaving at 7:45 now');
    expect(edited.edited).toBe(true);
  });

  it('splits the speaker at the first colon only', () => {
    expect(transcript(result).at(-1)).toBe(
      '2024-03-14 07:16:00 Ana Lima: OK: see you at the trailhead',
    );
  });
});

describe('Android, en-GB (day-first, 24-hour clock, CRLF), a group', () => {
  const result = readFixture('WhatsApp Chat with Trail Club.txt');
  const messages = messagesOf(result);

  it('reads the group events as events, naming who acted', () => {
    const events = messages.filter((m) => m.kind === 'event');
    expect(events.map((m) => [m.day, m.speaker, m.text])).toEqual([
      ['2024-03-02', '', expect.stringMatching(/^Messages and calls are end-to-end encrypted/)],
      ['2024-03-02', 'Ana Lima', 'Ana Lima created group "Trail Club"'],
      ['2024-03-02', 'Ana Lima', 'Ana Lima added Ben Okafor and Chidi Eze'],
      [
        '2024-03-02',
        'Ana Lima',
        'Ana Lima changed the subject from "Trail: spring" to "Trail Club"',
      ],
      ['2024-03-02', 'Dana Kowalski', "Dana Kowalski joined using this group's invite link"],
      ['2024-03-15', 'Chidi Eze', 'Chidi Eze left'],
      ['2024-03-15', 'Ana Lima', 'Ana Lima removed Dana Kowalski'],
    ]);
  });

  it('reads CRLF line endings without leaving a carriage return in any text', () => {
    expect(messages.some((m) => m.text.includes('\r') || m.speaker.includes('\r'))).toBe(false);
    expect(messages.find((m) => m.time === '09:05:00')!.text).toBe(
      'Welcome all! Route for the 16th:\nRidge loop, 14 km\nStart 08:00 at the car park',
    );
  });

  it('names each attached file beside the chat, with its kind, and keeps a caption as text', () => {
    const files = messages.filter((m) => m.attachments).map((m) => [m.text, m.attachments]);
    expect(files).toEqual([
      [
        'The view from last year',
        [
          {
            kind: 'image',
            name: 'IMG-20240302-WA0001.jpg',
            path: 'exports/IMG-20240302-WA0001.jpg',
          },
        ],
      ],
      [
        '',
        [
          {
            kind: 'video',
            name: 'VID-20240302-WA0002.mp4',
            path: 'exports/VID-20240302-WA0002.mp4',
          },
        ],
      ],
      [
        '',
        [
          {
            kind: 'voice',
            name: 'PTT-20240302-WA0003.opus',
            path: 'exports/PTT-20240302-WA0003.opus',
          },
        ],
      ],
      [
        '',
        [
          {
            kind: 'sticker',
            name: 'STK-20240302-WA0004.webp',
            path: 'exports/STK-20240302-WA0004.webp',
          },
        ],
      ],
      ['', [{ kind: 'file', name: 'Route plan.pdf', path: 'exports/Route plan.pdf' }]],
      [
        '',
        [
          {
            kind: 'audio',
            name: 'AUD-20240302-WA0005.mp3',
            path: 'exports/AUD-20240302-WA0005.mp3',
          },
        ],
      ],
    ]);
  });

  it('names files inside a zip by the zip', () => {
    const zipped = readFixture(
      'WhatsApp Chat with Trail Club.txt',
      'exports/WhatsApp Chat with Trail Club.zip!/WhatsApp Chat with Trail Club.txt',
    );
    const photo = messagesOf(zipped).find((m) => m.attachments)!.attachments![0]!;
    expect(photo.path).toBe('exports/WhatsApp Chat with Trail Club.zip!/IMG-20240302-WA0001.jpg');
    expect(zipped.conversations[0]!.id).toBe('exports/WhatsApp Chat with Trail Club.zip');
  });
});

describe('Android in other locales', () => {
  it('German: dd.mm.yy, German events and file markers, the edit marker', () => {
    const result = readFixture('WhatsApp Chat mit Wandergruppe.txt');
    expect(result.conversations[0]!.title).toBe('Wandergruppe');
    expect(transcript(result).filter((line) => line.includes('*'))).toEqual([
      expect.stringMatching(/^2024-03-01 18:00:00 \*: Nachrichten und Anrufe sind Ende-zu-Ende/),
      '2024-03-01 18:00:00 *Jonas Weber: Jonas Weber hat die Gruppe „Wandergruppe“ erstellt',
      '2024-03-01 18:01:00 *Jonas Weber: Jonas Weber hat Ana Lima hinzugefügt',
      '2024-03-13 07:31:00 *Ana Lima: Ana Lima hat die Gruppe verlassen',
    ]);
    const messages = messagesOf(result);
    expect(messages.find((m) => m.text === 'Blick vom Gipfel')!.attachments).toEqual([
      { kind: 'image', name: 'IMG-20240301-WA0000.jpg', path: 'exports/IMG-20240301-WA0000.jpg' },
    ]);
    expect(messages.find((m) => m.time === '18:04:00')!.attachments![0]!.path).toBeNull();
    const edited = messages.find((m) => m.day === '2024-03-13' && !m.kind)!;
    expect([edited.text, edited.edited]).toEqual(['Bis Samstag', true]);
  });

  it('Spanish: "a. m." and "p. m." written with no-break spaces', () => {
    const result = readFixture('Chat de WhatsApp con Lucía Prieto.txt');
    expect(result.conversations[0]!.title).toBe('Lucía Prieto');
    expect(result.diagnostics).toEqual([]);
    expect(transcript(result).slice(1)).toEqual([
      '2024-03-05 10:15:00 Lucía Prieto: ¡Hola Ana!',
      '2024-03-05 12:00:00 Ana Lima: ¿Vamos el sábado?',
      '2024-03-06 00:20:00 Lucía Prieto: Perdón, no podía dormir',
      '2024-03-14 21:05:00 Lucía Prieto: Sí, a las 8',
    ]);
    expect(messagesOf(result)[0]!.kind).toBe('event');
  });

  it('Japanese: year-first dates, 午前 and 午後 before the time (午前0時 is midnight)', () => {
    const result = readFixture('WhatsApp Chat with 佐藤花子.txt');
    expect(result.conversations[0]!.title).toBe('佐藤花子');
    expect(transcript(result)).toEqual([
      expect.stringMatching(/^2024-03-05 09:00:00 \*: メッセージと通話は/),
      '2024-03-05 09:01:00 佐藤 花子: おはようございます',
      '2024-03-05 12:15:00 Ana Lima: こんにちは！',
      '2024-03-05 23:59:00 佐藤 花子: おやすみなさい',
      '2024-03-06 00:05:00 佐藤 花子: 写真を送ります',
    ]);
  });

  it('ISO dates (year-first with dashes, no comma), and a copy named "(1)"', () => {
    const result = readFixture('WhatsApp Chat with Erik Lund (1).txt');
    expect(result.conversations[0]!.title).toBe('Erik Lund');
    expect(transcript(result)).toEqual([
      '2024-03-08 21:05:00 Erik Lund: Hej Ana',
      '2024-03-08 21:06:00 Ana Lima: Hej Erik!',
      '2024-03-09 07:00:00 Erik Lund: God morgon',
    ]);
  });

  it('Korean and Chinese clocks: 오후 and 下午 before the time', () => {
    expect(transcript(readText('2024. 3. 14. 오후 9:05 - 김민준: 안녕하세요\n'))).toEqual([
      '2024-03-14 21:05:00 김민준: 안녕하세요',
    ]);
    expect(
      transcript(readText('2024/3/14 上午9:05 - 王芳: 你好\n2024/3/14 下午9:05 - 王芳: 晚安\n')),
    ).toEqual(['2024-03-14 09:05:00 王芳: 你好', '2024-03-14 21:05:00 王芳: 晚安']);
  });

  it('French: a word between date and time, an en dash before the name', () => {
    expect(transcript(readText('14/03/2024 à 21:05 – Chloé Martin: Salut\n'))).toEqual([
      '2024-03-14 21:05:00 Chloé Martin: Salut',
    ]);
  });
});
