/**
 * Recently read and prefetched days. Moving with [ and ] should feel instant even for a day of
 * 10,000 messages, so the days either side of the one shown are fetched while the user reads,
 * and a few recent days are kept (least recently used first out). A day that is not here yet
 * comes in two steps: its first screenful, small enough to show at once, then the rest (a big
 * day is ~2 MB of JSON, too much to wait for before showing anything).
 */
import type { Message } from '../../shared/model';
import { api } from '../api';

const CAPACITY = 6;
/** Messages in the first step: several screens, so the first scroll does not reach the end. */
const FIRST_SCREEN_MESSAGES = 200;
/** Keyed by the conversation's change number too (app/archiveChanges.ts): a change refetches. */
const cache = new Map<string, Promise<Message[]>>();

function keyOf(conversation: string, day: string, changed: number): string {
  return `${changed}\n${conversation}\n${day}`;
}

/** Keeps `entry` as the most recently used day (a failed fetch is not kept). */
function remember(key: string, entry: Promise<Message[]>): void {
  if (!cache.has(key)) entry.catch(() => cache.delete(key));
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
}

/** The day's messages, from the cache when fetched before. */
function dayMessages(conversation: string, day: string, changed: number): Promise<Message[]> {
  const key = keyOf(conversation, day, changed);
  const entry =
    cache.get(key) ?? api.getDayMessages({ conversation, day }).then((page) => page.messages);
  remember(key, entry);
  return entry;
}

interface DayLoad {
  /** The day's first screenful; null when the whole day is already here (or was not asked). */
  first: Promise<Message[]> | null;
  whole: Promise<Message[]>;
}

/**
 * The day's messages: from the cache when fetched before, else in two steps when `inSteps`
 * (the rest is asked for once the first screen has been painted, so that neither the service
 * nor the page is busy with 2 MB of JSON before then).
 */
export function loadDay(
  conversation: string,
  day: string,
  changed: number,
  inSteps: boolean,
): DayLoad {
  const key = keyOf(conversation, day, changed);
  if (!inSteps || cache.has(key))
    return { first: null, whole: dayMessages(conversation, day, changed) };
  const firstPage = api.getDayMessages({ conversation, day, limit: FIRST_SCREEN_MESSAGES });
  const first = firstPage.then((page) => page.messages);
  const whole = firstPage.then(async (head) => {
    if (head.nextCursor === undefined) return head.messages;
    await afterNextPaint();
    const rest = await api.getDayMessages({ conversation, day, cursor: head.nextCursor });
    return head.messages.concat(rest.messages);
  });
  remember(key, whole);
  return { first, whole };
}

/** Fetches days in the background, without disturbing what is shown. */
export function prefetchDays(conversation: string, days: readonly string[], changed: number): void {
  for (const day of days) {
    if (!cache.has(keyOf(conversation, day, changed)))
      dayMessages(conversation, day, changed).catch(() => undefined);
  }
}

/** Resolves once the browser has painted the next frame (a frame callback, then a task), or
 *  after a moment in a hidden page, where frames do not come. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
