/**
 * Results as you type: the query is sent once typing pauses, and late answers are dropped. A
 * change on disk (`changed` bumped) asks again, showing the earlier results meanwhile. This is
 * the first page; useSearchPages adds the further ones.
 */
import { useEffect, useState } from 'react';
import type { SearchHit, SearchResult } from '../../shared/api';
import { api } from '../api';
import { useApiQuery, type QueryState } from '../app/useApiQuery';

export const SEARCH_DEBOUNCE_MS = 200;
/** Hits per page: the first page, and each further one the list asks for. */
export const SEARCH_PAGE = 200;

export function useSearch(
  query: string,
  changed: number,
): QueryState<SearchResult> & { settledQuery: string } {
  const [settled, setSettled] = useState(query.trim());
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      setSettled('');
      return;
    }
    const timer = window.setTimeout(() => setSettled(trimmed), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);
  const state = useApiQuery(
    settled === '' ? null : `${settled}\n${changed}`,
    settled === '' ? null : () => api.search({ query: settled, limit: SEARCH_PAGE }),
  );
  return { ...state, settledQuery: settled };
}

/** Every hit of a query, all pages, up to `cap` (for "select the current view"). */
export async function allSearchHits(query: string, cap = 100_000): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let cursor: string | undefined;
  do {
    const result = await api.search({
      query,
      limit: 500,
      order: 'oldest',
      ...(cursor ? { cursor } : {}),
    });
    hits.push(...result.hits);
    cursor = result.nextCursor;
  } while (cursor !== undefined && hits.length < cap);
  return hits;
}
