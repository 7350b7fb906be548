/**
 * Results as you type: the query is sent once typing pauses, and late answers are dropped. A
 * change on disk (`changed` bumped) asks again, showing the earlier results meanwhile. Further
 * pages come from useSearchPages; together they are the search panel's state.
 */
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import { api } from '../api';
import { useApiQuery } from '../app/useApiQuery';
import type { SearchState } from './searchModel';
import { SEARCH_PAGE } from './searchPages';
import { useSearchPages } from './useSearchPages';

/** Long enough to skip the words on the way, short enough to feel instant (a query takes ms). */
const SEARCH_DEBOUNCE_MS = 120;

export function useSearch(query: string, changed: number): SearchState {
  const trimmed = query.trim();
  const [settled, setSettled] = useState(trimmed);
  useEffect(() => {
    if (trimmed === '') {
      setSettled('');
      return;
    }
    const timer = window.setTimeout(() => setSettled(trimmed), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [trimmed]);
  const first = useApiQuery(
    settled === '' ? null : `${settled}\n${changed}`,
    settled === '' ? null : () => api.search({ query: settled, limit: SEARCH_PAGE }),
  );
  const pages = useSearchPages(first.data, first.dataKey);
  return {
    result: first.data,
    current: settled === trimmed && !first.loading && first.data !== undefined,
    error: first.error,
    hits: pages.hits,
    more: pages.more,
    loadingMore: pages.loadingMore,
    moreError: pages.moreError,
    loadMore: pages.loadMore,
  };
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
