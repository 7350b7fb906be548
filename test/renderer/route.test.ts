import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROUTE,
  formatRoute,
  parseRoute,
  place,
  sameRoute,
  type Route,
} from '../../renderer/app/route';

describe('routes', () => {
  it('round-trips conversation, day, message, person and scroll anchor', () => {
    const route: Route = {
      conversation: 'source/proddev',
      day: '2018-05-15',
      person: '龚晓冬',
      message: 1234,
      anchor: { message: 1200, offset: 35 },
    };
    expect(formatRoute(route)).toBe(
      '#/source%2Fproddev/2018-05-15/1234?person=%E9%BE%9A%E6%99%93%E5%86%AC&at=1200&dy=35',
    );
    expect(parseRoute(formatRoute(route))).toEqual(route);
    const atEnd = place('c', '2018-05-15', { anchor: 'end' });
    expect(formatRoute(atEnd)).toBe('#/c/2018-05-15?at=end');
    expect(parseRoute(formatRoute(atEnd))).toEqual(atEnd);
  });

  it('keeps conversations and people with odd characters intact', () => {
    const route = place('groups/山野 社/#1?x=2', null, { person: 'a&b=c?d#e' });
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('reads the routes of earlier versions', () => {
    expect(parseRoute('#/groups%2Ftrailclub')).toEqual(place('groups/trailclub', null));
    expect(parseRoute('#/groups%2Ftrailclub/2024-03-05/17')).toEqual(
      place('groups/trailclub', '2024-03-05', { message: 17 }),
    );
    expect(parseRoute('')).toEqual(EMPTY_ROUTE);
    expect(parseRoute('#/')).toEqual(EMPTY_ROUTE);
  });

  it('drops what is malformed instead of failing', () => {
    expect(parseRoute('#/%E0%A4%A')).toEqual(EMPTY_ROUTE);
    expect(parseRoute('#/c/2018-02-30/5')).toEqual(place('c', null));
    expect(parseRoute('#/c/2018-02-03/abc')).toEqual(place('c', '2018-02-03'));
    expect(parseRoute('#/c/not-a-day')).toEqual(place('c', null));
    expect(parseRoute('#/c/2018-02-03?at=x&dy=y&person=')).toEqual(place('c', '2018-02-03'));
    expect(parseRoute('#/c/2018-02-03?at=7&dy=-5').anchor).toEqual({ message: 7, offset: 0 });
  });

  it('formats the empty route as the home hash', () => {
    expect(formatRoute(EMPTY_ROUTE)).toBe('#/');
    expect(sameRoute(parseRoute('#/'), EMPTY_ROUTE)).toBe(true);
    expect(sameRoute(place('c', null, { anchor: 'end' }), place('c', null))).toBe(false);
  });
});
