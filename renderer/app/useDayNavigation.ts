/**
 * Moving through a conversation's days: a conversation opened without a day lands on its latest
 * day, at its end, as chat apps open; [ and ] (or ‹ ›) step to the days with messages either side;
 * "latest" jumps to the end of the latest day.
 */
import { useCallback, useEffect } from 'react';
import type { DayActivity } from '../../shared/model';
import { adjacentDay } from '../calendar/calendarModel';
import { place, type Route } from './route';

export function useDayNavigation(options: {
  conversation: string | null;
  route: Route;
  days: readonly DayActivity[];
  daysLoading: boolean;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}) {
  const { conversation, route, days, daysLoading, navigate } = options;
  const latestDay = days[days.length - 1]?.day ?? null;
  useEffect(() => {
    if (conversation !== null && route.day === null && latestDay !== null && !daysLoading)
      navigate(place(conversation, latestDay, { anchor: 'end' }), { replace: true });
  }, [conversation, route.day, latestDay, daysLoading, navigate]);

  const goToDay = useCallback(
    (day: string) => {
      if (conversation !== null) navigate(place(conversation, day));
    },
    [conversation, navigate],
  );
  return {
    latestDay,
    goToDay,
    /** The previous or next day with messages (not in a person's view, which spans days). */
    stepDay: (direction: -1 | 1) => {
      if (route.day === null || route.person !== null) return;
      const day = adjacentDay(days, route.day, direction);
      if (day) goToDay(day);
    },
    latest: () => {
      if (conversation !== null && latestDay !== null)
        navigate(place(conversation, latestDay, { anchor: 'end' }));
    },
  };
}
