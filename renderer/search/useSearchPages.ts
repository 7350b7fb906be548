/**
 * Further pages of search results, asked for when the user reaches the end of the list. The
 * first page comes from useSearch; a new query or a change on disk (a new first page) starts
 * again from it.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiError, SearchHit, SearchResult } from '../../shared/api';
import { api } from '../api';
import { asApiError } from '../app/errors';
import { appendHits, queryOfKey, SEARCH_PAGE } from './searchPages';

export interface SearchPages {
  /** Every hit loaded so far, first page included. */
  hits: SearchHit[];
  /** Whether the service has more hits than `hits`. */
  more: boolean;
  loadingMore: boolean;
  moreError: ApiError | null;
  loadMore: () => void;
}

interface Extra {
  /** The first page's key these pages follow. */
  key: string | null;
  hits: SearchHit[];
  cursor: string | undefined;
  error: ApiError | null;
}

export function useSearchPages(first: SearchResult | undefined, firstKey: string | null) {
  const [extra, setExtra] = useState<Extra>({
    key: null,
    hits: [],
    cursor: undefined,
    error: null,
  });
  const [pending, setPending] = useState<string | null>(null);
  const inFlight = useRef<string | null>(null);
  const current = firstKey !== null && extra.key === firstKey;
  const cursor = current ? extra.cursor : first?.nextCursor;

  const hits = useMemo(
    () => (current && first ? appendHits(first.hits, extra.hits) : (first?.hits ?? [])),
    [current, first, extra.hits],
  );

  const loadMore = useCallback(() => {
    if (cursor === undefined || firstKey === null) return;
    const requestKey = `${firstKey}\n${cursor}`;
    if (inFlight.current === requestKey) return;
    inFlight.current = requestKey;
    setPending(requestKey);
    const done = () => {
      inFlight.current = null;
      setPending(null);
    };
    api.search({ query: queryOfKey(firstKey), limit: SEARCH_PAGE, cursor }).then(
      (page) => {
        if (inFlight.current !== requestKey) return;
        done();
        setExtra((previous) => ({
          key: firstKey,
          hits: previous.key === firstKey ? appendHits(previous.hits, page.hits) : page.hits,
          cursor: page.nextCursor,
          error: null,
        }));
      },
      (error: unknown) => {
        if (inFlight.current !== requestKey) return;
        done();
        setExtra((previous) => ({
          key: firstKey,
          hits: previous.key === firstKey ? previous.hits : [],
          cursor,
          error: asApiError(error),
        }));
      },
    );
  }, [cursor, firstKey]);

  return {
    hits,
    more: cursor !== undefined,
    loadingMore: pending !== null && pending === `${firstKey}\n${cursor}`,
    moreError: current ? extra.error : null,
    loadMore,
  } satisfies SearchPages;
}
