import { describe, expect, it } from 'vitest';
import { EMPTY_ROUTE, formatRoute, parseRoute, sameRoute } from '../../renderer/app/route';

describe('routes', () => {
  it('round-trips conversation, day and message', () => {
    const route = { conversation: 'source/proddev', day: '2018-05-15', message: 1234 };
    expect(formatRoute(route)).toBe('#/source%2Fproddev/2018-05-15/1234');
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('keeps conversations with odd characters intact', () => {
    const route = { conversation: 'groups/山野 社/#1?x=2', day: null, message: null };
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('reads partial routes', () => {
    expect(parseRoute('#/groups%2Ftrailclub')).toEqual({
      conversation: 'groups/trailclub',
      day: null,
      message: null,
    });
    expect(parseRoute('#/groups%2Ftrailclub/2024-03-05')).toEqual({
      conversation: 'groups/trailclub',
      day: '2024-03-05',
      message: null,
    });
    expect(parseRoute('')).toEqual(EMPTY_ROUTE);
    expect(parseRoute('#/')).toEqual(EMPTY_ROUTE);
  });

  it('drops what is malformed instead of failing', () => {
    expect(parseRoute('#/%E0%A4%A')).toEqual(EMPTY_ROUTE);
    expect(parseRoute('#/c/2018-02-30/5')).toEqual({ conversation: 'c', day: null, message: null });
    expect(parseRoute('#/c/2018-02-03/abc')).toEqual({
      conversation: 'c',
      day: '2018-02-03',
      message: null,
    });
    expect(parseRoute('#/c/not-a-day')).toEqual({ conversation: 'c', day: null, message: null });
  });

  it('formats the empty route as the home hash', () => {
    expect(formatRoute(EMPTY_ROUTE)).toBe('#/');
    expect(sameRoute(parseRoute('#/'), EMPTY_ROUTE)).toBe(true);
  });
});
