/**
 * The messages of one conversation on one day; once they are shown, the days with messages
 * either side are fetched in the background so that [ and ] answer at once.
 */
import { useEffect } from 'react';
import type { DayActivity, Message } from '../../shared/model';
import { adjacentDay } from '../calendar/calendarModel';
import { useApiQuery, type QueryState } from '../app/useApiQuery';
import { dayMessages, prefetchDays } from './dayCache';

const PREFETCH_DELAY_MS = 150;

export function useDayMessages(
  conversation: string | null,
  day: string | null,
  days: readonly DayActivity[] | undefined,
  changed: number,
): QueryState<Message[]> {
  const ready = conversation !== null && day !== null;
  const state = useApiQuery(
    ready ? `${conversation}\n${day}\n${changed}` : null,
    ready ? () => dayMessages(conversation, day, changed) : null,
  );

  const loaded = !state.loading && state.data !== undefined;
  useEffect(() => {
    if (!loaded || conversation === null || day === null || !days) return;
    const neighbours = [adjacentDay(days, day, -1), adjacentDay(days, day, 1)].filter(
      (d): d is string => d !== null,
    );
    const timer = window.setTimeout(
      () => prefetchDays(conversation, neighbours, changed),
      PREFETCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [loaded, conversation, day, days, changed]);

  return state;
}
