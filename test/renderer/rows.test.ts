import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/model';
import { buildRows, shortTime, visibleMessages } from '../../renderer/messages/rows';
import { plainContext } from '../../shared/export/context';
import { formatHtml } from '../../shared/export/html';
import { needsTimeDivider } from '../../shared/timeDividers';

let nextId = 0;
function message(time: string, speaker = 'a', extra: Partial<Message> = {}): Message {
  return {
    id: nextId++,
    conversation: 'c',
    day: '2018-05-15',
    time,
    speaker,
    text: 'x',
    path: 'c/_posts/2018-05-15-chat.markdown',
    line: 1,
    ...extra,
  };
}

describe('time dividers', () => {
  it('opens the list and follows gaps of more than five minutes', () => {
    const messages = [
      message('09:00:00'),
      message('09:04:59'),
      message('09:09:59'),
      message('09:15:00'),
    ];
    const rows = buildRows(messages, { showEchoes: false, multiDay: false });
    expect(
      rows.map((row) => (row.kind === 'divider' ? `| ${row.time}` : row.message.time)),
    ).toEqual(['| 09:00', '09:00:00', '09:04:59', '09:09:59', '| 09:15', '09:15:00']);
  });

  it('treats exactly five minutes as no gap', () => {
    expect(needsTimeDivider(message('10:00:00'), message('10:05:00'))).toBe(false);
    expect(needsTimeDivider(message('10:00:00'), message('10:05:01'))).toBe(true);
  });

  it('puts dividers where the HTML export puts them', () => {
    const times = ['09:00:00', '09:05:00', '09:10:01', '09:10:30', '11:00:00', '11:05:00'];
    const messages = times.map((time) => message(time));
    const dividers = buildRows(messages, { showEchoes: false, multiDay: false })
      .filter((row) => row.kind === 'divider')
      .map((row) => row.time);
    const html = formatHtml(messages, plainContext('now'));
    const gaps = [...html.matchAll(/<p class="gap">([^<]*)<\/p>/g)].map((match) => match[1]);
    expect(gaps).toEqual(dividers);
    expect(dividers).toEqual(['09:00', '09:10', '11:00']);
  });

  it('puts a dated divider at each new day in views across days', () => {
    const rows = buildRows([message('23:59:00'), message('00:01:00', 'a', { day: '2018-05-16' })], {
      showEchoes: false,
      multiDay: true,
    });
    expect(
      rows
        .filter((row) => row.kind === 'divider')
        .map((row) => (row.kind === 'divider' ? `${row.day} ${row.time}` : '')),
    ).toEqual(['2018-05-15 23:59', '2018-05-16 00:01']);
  });

  it('folds echoes unless asked to show them', () => {
    const original = message('09:00:00', '范双');
    const echo = message('09:00:00', '范双-奇付通-开发-北京', { echoOf: original.id });
    expect(
      visibleMessages(buildRows([original, echo], { showEchoes: false, multiDay: false })),
    ).toEqual([original]);
    expect(
      visibleMessages(buildRows([original, echo], { showEchoes: true, multiDay: false })),
    ).toEqual([original, echo]);
  });

  it('marks a message continuing its speaker', () => {
    const rows = buildRows(
      [message('09:00:00', 'a'), message('09:00:10', 'a'), message('09:00:20', 'b')],
      { showEchoes: false, multiDay: false },
    );
    expect(rows.flatMap((row) => (row.kind === 'message' ? [row.continued] : []))).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('shows divider times as HH:MM', () => {
    expect(shortTime('09:02:16')).toBe('09:02');
  });
});
