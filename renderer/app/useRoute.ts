/**
 * The route as React state, mirrored in the URL hash (history entries, so Back/Forward work)
 * and in localStorage (restored when the app starts with an empty hash). Scrolling only rewrites
 * the current entry's anchor (`keepAnchor`): the entry holds where the reader was when they left
 * it, and nothing re-renders while they scroll.
 */
import { useCallback, useEffect, useState } from 'react';
import { EMPTY_ROUTE, formatRoute, parseRoute, sameRoute, type Anchor, type Route } from './route';

const STORAGE_KEY = 'scrollback.route';

function initialRoute(): Route {
  const fromHash = parseRoute(window.location.hash);
  if (fromHash.conversation) return fromHash;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored) return parseRoute(stored);
  } catch {
    // Storage may be disabled; starting fresh is fine.
  }
  return EMPTY_ROUTE;
}

function remember(hash: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, hash);
  } catch {
    // Not remembering the place is not worth an error.
  }
}

export interface RouteControl {
  route: Route;
  /** Moves to a place: a new history entry unless `replace`. */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Records where the list is scrolled, in the current entry only (no render, no new entry). */
  keepAnchor: (anchor: Anchor | null) => void;
}

export function useRoute(): RouteControl {
  const [route, setRoute] = useState<Route>(initialRoute);

  useEffect(() => {
    const onHashChange = () =>
      setRoute((current) => {
        const next = parseRoute(window.location.hash);
        return sameRoute(current, next) ? current : next;
      });
    // pushState fires neither event; Back/Forward fire popstate (and hashchange for hash-only moves).
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('popstate', onHashChange);
    };
  }, []);

  useEffect(() => {
    const hash = formatRoute(route);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    remember(hash);
  }, [route]);

  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = formatRoute(next);
    if (window.location.hash !== hash) {
      if (options?.replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    }
    setRoute((current) => (sameRoute(current, next) ? current : next));
  }, []);

  const keepAnchor = useCallback((anchor: Anchor | null) => {
    const shown = parseRoute(window.location.hash);
    const hash = formatRoute({ ...shown, anchor });
    if (window.location.hash === hash) return;
    window.history.replaceState(null, '', hash);
    remember(hash);
  }, []);

  return { route, navigate, keepAnchor };
}
