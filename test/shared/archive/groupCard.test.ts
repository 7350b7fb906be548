import { describe, expect, it } from 'vitest';
import { splitGroupCard } from '../../../shared/archive/groupCard';

describe('splitGroupCard', () => {
  it('splits name-company-role-city', () => {
    expect(splitGroupCard('范双-奇付通-开发-北京')).toEqual({
      name: '范双',
      company: '奇付通',
      role: '开发',
      city: '北京',
    });
  });

  it('tells a city from a role in three-part cards', () => {
    expect(splitGroupCard('彭奕遴-银联商务-厦门')).toEqual({
      name: '彭奕遴',
      company: '银联商务',
      city: '厦门',
    });
    expect(splitGroupCard('卢克_零壹互联_产品')).toEqual({
      name: '卢克',
      company: '零壹互联',
      role: '产品',
    });
  });

  it('leaves bare nicknames and odd names whole', () => {
    expect(splitGroupCard('范双')).toEqual({ name: '范双' });
    expect(splitGroupCard('-abc-')).toEqual({ name: '-abc-' });
    expect(splitGroupCard('a--b')).toEqual({ name: 'a--b' });
  });
});
