/**
 * A plain scan over messages: every term must be a case-insensitive substring. The reference
 * the real index is tested against, and the engine for archives read straight into memory.
 */
import type { SearchResult } from '../../../shared/api';
import type { Message } from '../../../shared/model';
import type { SearchOptions } from '../archiveData';

export function searchMessages(messages: readonly Message[], query: string, options: SearchOptions): SearchResult {
  const started = performance.now();
  const terms = query.toLowerCase().split(/\s+/).filter((term) => term !== '');
  const matches = terms.length === 0 ? [] : messages.filter((message) => terms.every((term) => message.text.toLowerCase().includes(term)));
  if (options.order === 'newest') matches.reverse();
  const offset = options.cursor ? Number(options.cursor) : 0;
  const page = matches.slice(offset, offset + options.limit);
  const count = <K>(key: (message: Message) => K) => {
    const counts = new Map<K, number>();
    for (const message of matches) counts.set(key(message), (counts.get(key(message)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  return {
    total: matches.length,
    hits: page.map((message) => ({
      id: message.id,
      conversation: message.conversation,
      day: message.day,
      time: message.time,
      speaker: message.speaker,
      text: message.text,
      highlights: terms.flatMap((term) => {
        const at = message.text.toLowerCase().indexOf(term);
        return at === -1 ? [] : [[at, at + term.length] as [number, number]];
      }),
    })),
    ...(offset + options.limit < matches.length ? { nextCursor: String(offset + options.limit) } : {}),
    facets: {
      conversations: count((m) => m.conversation).map(([id, c]) => ({ id, count: c })),
      speakers: count((m) => m.speaker).slice(0, 20).map(([name, c]) => ({ name, count: c })),
      months: count((m) => m.day.slice(0, 7)).map(([month, c]) => ({ month, count: c })),
    },
    problems: [],
    took: performance.now() - started,
  };
}
