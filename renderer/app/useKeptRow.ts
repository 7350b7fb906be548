/**
 * A virtual list's range that keeps one row rendered however far it is scrolled away: the
 * message list's focused message (focus never falls out of the list), the search results' chosen
 * hit (the search box names it with aria-activedescendant). -1 keeps none.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback } from 'react';

export function useKeptRow(kept: number): (range: Range) => number[] {
  return useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (kept >= 0 && !indexes.includes(kept)) return [...indexes, kept].sort((a, b) => a - b);
      return indexes;
    },
    [kept],
  );
}
