/**
 * A person's view jumps to a date: to their first message on or after it, loading their pages
 * until it is there (or the end says there is none).
 */
import { useEffect, useState } from 'react';
import type { Message } from '../../shared/model';
import { place, type Route } from './route';

export function usePersonDate(options: {
  conversation: string | null;
  person: string | null;
  day: string | null;
  shown: readonly Message[];
  total: number;
  loadMore: () => void;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}): (day: string) => void {
  const { conversation, person, day, shown, total, loadMore, navigate } = options;
  const [wanted, setWanted] = useState<string | null>(null);
  useEffect(() => {
    if (wanted === null || person === null || conversation === null) return;
    const found = shown.find((message) => message.day >= wanted);
    if (found) {
      setWanted(null);
      navigate(place(conversation, day, { person, message: found.id }), { replace: true });
    } else if (shown.length < total) loadMore();
    else setWanted(null);
  }, [wanted, person, conversation, day, shown, total, loadMore, navigate]);
  return setWanted;
}
