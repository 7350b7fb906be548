/**
 * The place in the archive, kept in the URL hash (`#/source%2Fproddev/2018-05-15/1234`) so Back
 * and Forward move between places, and in localStorage so the place survives a restart.
 */
import { isDay } from '../../shared/dates';

export interface Route {
  conversation: string | null;
  day: string | null;
  /** A message to scroll to and highlight (a search result, a shared link). */
  message: number | null;
}

export const EMPTY_ROUTE: Route = { conversation: null, day: null, message: null };

/** Reads a hash such as `#/groups%2Ftrailclub/2024-03-05/17`; anything malformed is dropped. */
export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  if (body === '') return EMPTY_ROUTE;
  const [rawConversation, rawDay, rawMessage] = body.split('/');
  let conversation: string | null;
  try {
    conversation = rawConversation ? decodeURIComponent(rawConversation) : null;
  } catch {
    return EMPTY_ROUTE;
  }
  if (!conversation) return EMPTY_ROUTE;
  const day = rawDay && isDay(rawDay) ? rawDay : null;
  const message = day && rawMessage && /^\d{1,9}$/.test(rawMessage) ? Number(rawMessage) : null;
  return { conversation, day, message };
}

export function formatRoute(route: Route): string {
  if (!route.conversation) return '#/';
  let hash = `#/${encodeURIComponent(route.conversation)}`;
  if (route.day) {
    hash += `/${route.day}`;
    if (route.message !== null) hash += `/${route.message}`;
  }
  return hash;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.conversation === b.conversation && a.day === b.day && a.message === b.message;
}
