/**
 * Opening search results and stepping through them, Telegram's way: a result opens in its day,
 * and the bar above the messages (or Enter in the search box) goes to the next (older) or
 * previous (newer) result in the same conversation, loading more results when needed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import type { SearchState } from '../search/searchModel';
import { place, type Route } from './route';

export function useHitStepping(
  query: string,
  search: SearchState,
  route: Route,
  navigate: (route: Route, options?: { replace?: boolean }) => void,
) {
  const [openedHit, setOpenedHit] = useState<SearchHit | null>(null);
  const openHit = useCallback(
    (hit: SearchHit, replace = false) => {
      setOpenedHit(hit);
      navigate(place(hit.conversation, hit.day, { message: hit.id }), { replace });
    },
    [navigate],
  );
  const inConversation = search.hits.filter((hit) => hit.conversation === openedHit?.conversation);
  const at = inConversation.findIndex((hit) => hit.id === openedHit?.id);
  const step = (direction: 1 | -1) => {
    const next = inConversation[at + direction];
    if (next) openHit(next, true);
    else if (direction === 1 && search.more) search.loadMore();
  };
  const open = openedHit !== null && route.message === openedHit.id && query.trim() !== '';
  useEffect(() => {
    if (query.trim() === '') setOpenedHit(null);
  }, [query]);
  const total =
    search.result?.facets.conversations.find((c) => c.id === openedHit?.conversation)?.count ??
    inConversation.length;

  return {
    /** The result shown in the conversation now, with its matched words; null when none is. */
    opened: open ? openedHit : null,
    openHit,
    step,
    position: at + 1,
    total,
    close: () => setOpenedHit(null),
  };
}
