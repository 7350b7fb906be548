/**
 * Pages of search results put together: a later page appended to the hits shown, without a hit
 * twice (a change on disk between two pages can move a hit across the page boundary).
 */
import type { SearchHit } from '../../shared/api';

/** Hits per page: the first page, and each further one the list asks for. */
export const SEARCH_PAGE = 200;

/** `shown` followed by the hits of `page` not already in it, in the service's order. */
export function appendHits(shown: readonly SearchHit[], page: readonly SearchHit[]): SearchHit[] {
  if (page.length === 0) return [...shown];
  const seen = new Set(shown.map((hit) => hit.id));
  const merged = [...shown];
  for (const hit of page) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    merged.push(hit);
  }
  return merged;
}

/** The query a search key (`query\nchange`, as useSearch makes it) was asked for. */
export function queryOfKey(key: string): string {
  const end = key.lastIndexOf('\n');
  return end < 0 ? key : key.slice(0, end);
}
