/**
 * Recently read and prefetched days. Moving with [ and ] should feel instant even for a day of
 * 10,000 messages, so the days either side of the one shown are fetched while the user reads,
 * and a few recent days are kept (least recently used first out).
 */
import type { Message } from '../../shared/model';
import { api } from '../api';

const CAPACITY = 6;
const cache = new Map<string, Promise<Message[]>>();

function keyOf(conversation: string, day: string, generation: number): string {
  return `${generation}\n${conversation}\n${day}`;
}

/** The day's messages, from the cache when fetched before (a failed fetch is not kept). */
export function dayMessages(
  conversation: string,
  day: string,
  generation: number,
): Promise<Message[]> {
  const key = keyOf(conversation, day, generation);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    entry = api.getDayMessages({ conversation, day });
    entry.catch(() => cache.delete(key));
  }
  cache.set(key, entry);
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Fetches days in the background, without disturbing what is shown. */
export function prefetchDays(
  conversation: string,
  days: readonly string[],
  generation: number,
): void {
  for (const day of days) {
    if (!cache.has(keyOf(conversation, day, generation)))
      dayMessages(conversation, day, generation).catch(() => undefined);
  }
}
