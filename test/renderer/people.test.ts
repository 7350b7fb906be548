import { describe, expect, it } from 'vitest';
import type { SpeakersResult } from '../../shared/api';
import { cardLine, matchesFilter, personIndex, personRows } from '../../renderer/speakers/people';
import { withExtension } from '../../renderer/selection/exportPath';

const result: SpeakersResult = {
  speakers: [
    {
      name: '范双',
      messages: 10,
      first: '2018-05-01',
      last: '2018-05-31',
      card: { name: '范双' },
      person: '范双',
    },
    {
      name: '范双-奇付通-开发-北京',
      messages: 4,
      first: '2018-05-01',
      last: '2018-05-31',
      card: { name: '范双', company: '奇付通', role: '开发', city: '北京' },
      person: '范双',
    },
    {
      name: 'Owen',
      messages: 12,
      first: '2018-05-01',
      last: '2018-05-31',
      card: { name: 'Owen' },
      person: 'Owen',
    },
  ],
  persons: [
    { id: '范双', names: ['范双', '范双-奇付通-开发-北京'], messages: 14, evidence: 3 },
    { id: 'Owen', names: ['Owen'], messages: 12, evidence: 0 },
  ],
};

describe('speaker sidebar rows', () => {
  it('joins alias groups into one person, by message count, with the richest card', () => {
    const rows = personRows(result);
    expect(rows.map((row) => [row.id, row.messages])).toEqual([
      ['范双', 14],
      ['Owen', 12],
    ]);
    expect(rows[0]!.card).toEqual({ name: '范双', company: '奇付通', role: '开发', city: '北京' });
    expect(rows[0]!.mainName).toBe('范双');
    expect(cardLine(rows[0]!.card)).toBe('奇付通 · 开发 · 北京');
    expect(cardLine({ name: 'x', city: '杭州' })).toBe('杭州');
  });

  it('filters by any of a person’s names', () => {
    const [fan, owen] = personRows(result);
    expect(matchesFilter(fan!, '奇付通')).toBe(true);
    expect(matchesFilter(owen!, 'owe')).toBe(true);
    expect(matchesFilter(owen!, '奇付通')).toBe(false);
    expect(matchesFilter(owen!, '  ')).toBe(true);
  });

  it('maps every name to its person', () => {
    expect(personIndex(result.speakers).get('范双-奇付通-开发-北京')).toBe('范双');
  });
});

describe('export paths', () => {
  it('follows the chosen format', () => {
    expect(withExtension('/tmp/thread.html', 'pdf')).toBe('/tmp/thread.pdf');
    expect(withExtension('/tmp/thread', 'md')).toBe('/tmp/thread.md');
    expect(withExtension('/tmp/v1.2/notes.markdown', 'txt')).toBe('/tmp/v1.2/notes.txt');
    expect(withExtension('  ', 'csv')).toBe('');
  });
});
