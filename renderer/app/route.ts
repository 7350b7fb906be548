/**
 * The place in the archive, kept in the URL hash so that Back and Forward move between places and
 * a reload or a restart (the hash is also kept in localStorage) reopens exactly where the reader
 * was: the conversation, the day, one person's view, a message to land on (a search result, a
 * link) and the scroll anchor (the first message visible, and how far it is scrolled past).
 *
 *   #/source%2Fproddev/2018-05-15/1234?person=龚晓冬&at=1200&dy=35
 */
import { isDay } from '../../shared/dates';

/** Where the list is scrolled: a message at the top (`offset` px of it scrolled past), or the end. */
export type Anchor = { message: number; offset: number } | 'end';

export interface Route {
  conversation: string | null;
  day: string | null;
  /** One person's messages across days (a person id), over the day the reader came from. */
  person: string | null;
  /** A message to scroll to and highlight (a search result, a shared link). */
  message: number | null;
  anchor: Anchor | null;
}

export const EMPTY_ROUTE: Route = {
  conversation: null,
  day: null,
  person: null,
  message: null,
  anchor: null,
};

/** A route to a place with nothing else said (no person, no message, no anchor). */
export function place(
  conversation: string | null,
  day: string | null,
  extra: Partial<Route> = {},
): Route {
  return { ...EMPTY_ROUTE, conversation, day, ...extra };
}

const ID = /^\d{1,9}$/;

/** Reads a hash such as `#/groups%2Ftrailclub/2024-03-05/17?at=12`; anything malformed is dropped. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  if (path === '') return EMPTY_ROUTE;
  const [rawConversation, rawDay, rawMessage] = path.split('/');
  let conversation: string | null;
  let params: URLSearchParams;
  try {
    conversation = rawConversation ? decodeURIComponent(rawConversation) : null;
    params = new URLSearchParams(search);
  } catch {
    return EMPTY_ROUTE;
  }
  if (!conversation) return EMPTY_ROUTE;
  const day = rawDay && isDay(rawDay) ? rawDay : null;
  const message = day && rawMessage && ID.test(rawMessage) ? Number(rawMessage) : null;
  const person = params.get('person') || null;
  return { conversation, day, person, message, anchor: readAnchor(params) };
}

function readAnchor(params: URLSearchParams): Anchor | null {
  const at = params.get('at');
  if (at === 'end') return 'end';
  if (at === null || !ID.test(at)) return null;
  const dy = Number(params.get('dy') ?? '0');
  return { message: Number(at), offset: Number.isFinite(dy) ? Math.max(0, Math.round(dy)) : 0 };
}

export function formatRoute(route: Route): string {
  if (!route.conversation) return '#/';
  let hash = `#/${encodeURIComponent(route.conversation)}`;
  if (route.day) {
    hash += `/${route.day}`;
    if (route.message !== null) hash += `/${route.message}`;
  }
  const params = new URLSearchParams();
  if (route.person !== null) params.set('person', route.person);
  if (route.anchor === 'end') params.set('at', 'end');
  else if (route.anchor !== null) {
    params.set('at', String(route.anchor.message));
    if (route.anchor.offset > 0) params.set('dy', String(route.anchor.offset));
  }
  const search = params.toString();
  return search === '' ? hash : `${hash}?${search}`;
}

function sameAnchor(a: Anchor | null, b: Anchor | null): boolean {
  if (a === null || b === null || a === 'end' || b === 'end') return a === b;
  return a.message === b.message && a.offset === b.offset;
}

export function sameRoute(a: Route, b: Route): boolean {
  return (
    a.conversation === b.conversation &&
    a.day === b.day &&
    a.person === b.person &&
    a.message === b.message &&
    sameAnchor(a.anchor, b.anchor)
  );
}
