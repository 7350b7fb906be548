/** Which number is the day: decided once per file, and said when the dates cannot settle it. */
import { describe, expect, it } from 'vitest';
import { dayOf, decideDateOrder } from '../../../../shared/readers/whatsapp/dateOrder';
import { matchHeader } from '../../../../shared/readers/whatsapp/header';
import { messagesOf, readFixture, readText, transcript } from './read';

function partsOf(written: string) {
  const header = matchHeader(`${written}, 10:00 - a: b`);
  if (!header) throw new Error(`not a date: ${written}`);
  return header.date;
}

describe('reading one date', () => {
  it('reads each order, and only real calendar days', () => {
    expect(dayOf(partsOf('03/04/24'), 'day-first')).toBe('2024-04-03');
    expect(dayOf(partsOf('03/04/24'), 'month-first')).toBe('2024-03-04');
    expect(dayOf(partsOf('2024/03/04'), 'year-first')).toBe('2024-03-04');
    expect(dayOf(partsOf('29/02/24'), 'day-first')).toBe('2024-02-29');
    expect(dayOf(partsOf('29/02/23'), 'day-first')).toBeNull();
    expect(dayOf(partsOf('31/04/24'), 'day-first')).toBeNull();
    expect(dayOf(partsOf('24/12/19'), 'month-first')).toBeNull();
  });

  it('takes a four-digit number for the year, wherever it stands', () => {
    expect(dayOf(partsOf('2024/03/04'), 'day-first')).toBeNull();
    expect(dayOf(partsOf('2024/03/04'), 'month-first')).toBeNull();
    expect(dayOf(partsOf('03/04/2024'), 'year-first')).toBeNull();
    expect(dayOf(partsOf('24/03/04'), 'year-first')).toBeNull();
  });
});

describe('deciding the order of a file', () => {
  it('is settled without a word by one day above 12, wherever it is in the file', () => {
    const dates = ['03/04/24', '05/04/24', '11/04/24', '14/04/24'].map((written) => ({
      parts: partsOf(written),
      written,
    }));
    expect(decideDateOrder(dates)).toEqual({ order: 'day-first', misfits: 0, note: null });
    expect(decideDateOrder(dates.slice(3))).toEqual({ order: 'day-first', misfits: 0, note: null });
    const american = ['03/04/24', '03/14/24'].map((written) => ({
      parts: partsOf(written),
      written,
    }));
    expect(decideDateOrder(american).order).toBe('month-first');
  });

  it('says nothing when every reading gives the same days', () => {
    const dates = ['05/05/24', '07/07/24'].map((written) => ({ parts: partsOf(written), written }));
    expect(decideDateOrder(dates).note).toBeNull();
  });

  it('reads an undecidable file day-first and says why, naming a date that reads both ways', () => {
    const result = readFixture('WhatsApp Chat with Ambiguous Days.txt');
    expect(transcript(result)).toEqual([
      '2024-04-03 10:00:00 Ana Lima: first',
      '2024-04-03 10:05:00 Ben Okafor: second',
      '2024-04-05 09:00:00 Ana Lima: third',
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'All 3 dates fit both day-first and month-first readings (such as "03/04/24"); they were read day-first, as most locales write dates. If the days look wrong, the phone that exported this chat wrote dates month-first.',
    ]);
  });

  it('prefers the reading under which the chat does not go back in time', () => {
    const result = readFixture('WhatsApp Chat with Month First.txt');
    expect(messagesOf(result).map((m) => m.day)).toEqual([
      '2024-01-05',
      '2024-01-12',
      '2024-02-03',
    ]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(
      /read month-first, because read day-first 1 date would go back in time/,
    );
  });

  it('keeps a line whose date fits no reading the rest of the file fits as text, and says where', () => {
    const result = readText(
      '13/01/24, 10:00 - Ana Lima: one\n' +
        '14/01/24, 10:00 - Ben Okafor: two\n' +
        '01/15/24, 10:00 - Ana Lima: three\n' +
        '15/01/24, 10:00 - Ben Okafor: four\n',
    );
    expect(transcript(result)).toEqual([
      '2024-01-13 10:00:00 Ana Lima: one',
      '2024-01-14 10:00:00 Ben Okafor: two\n01/15/24, 10:00 - Ana Lima: three',
      '2024-01-15 10:00:00 Ben Okafor: four',
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^No single date order fits every date: day-first fits all but 1 of 4/,
        ),
      }),
      expect.objectContaining({
        line: 3,
        message:
          '1 line starts like a message but with a date that is no real day when read day-first; it was kept as text of the message before.',
      }),
    ]);
  });
});

describe('what is not a message', () => {
  it('counts the text before the first message, and says where it starts', () => {
    const result = readText('Saved from my phone\n\nby Ana\n14/03/2024, 10:00 - Ana Lima: hi\n');
    expect(transcript(result)).toEqual(['2024-03-14 10:00:00 Ana Lima: hi']);
    expect(result.diagnostics).toEqual([
      {
        path: 'exports/WhatsApp Chat with Test.txt',
        line: 1,
        message: '2 lines before the first message belong to no message and were not read.',
      },
    ]);
  });

  it('says "1 line" in the singular', () => {
    expect(readText('Saved from my phone\n14/03/2024, 10:00 - Ana Lima: hi\n').diagnostics).toEqual(
      [
        expect.objectContaining({
          line: 1,
          message: '1 line before the first message belongs to no message and was not read.',
        }),
      ],
    );
  });

  it('reads a file without message lines as a document, and says so', () => {
    const result = readText('Just a note\nnothing else\n');
    expect(result.kind).toBe('document');
    expect(result.conversations).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
  });

  it('takes lines with an impossible time for text', () => {
    expect(
      transcript(readText('14/03/2024, 10:00 - Ana: a\n14/03/2024, 25:00 - Ben: b\n')),
    ).toEqual(['2024-03-14 10:00:00 Ana: a\n14/03/2024, 25:00 - Ben: b']);
  });
});
