/**
 * The messages of one conversation on one day. A day not fetched before shows its first
 * screenful as soon as that arrives, and the whole day follows; once the whole day is here, the
 * days with messages either side are fetched in the background so that [ and ] answer at once.
 * A newer day always wins over an older one that answers late.
 */
import { useEffect, useState } from 'react';
import type { DayActivity, Message } from '../../shared/model';
import type { QueryState } from '../app/useApiQuery';
import { asApiError } from '../app/errors';
import { adjacentDay } from '../calendar/calendarModel';
import { loadDay, prefetchDays } from './dayCache';

const PREFETCH_DELAY_MS = 150;

interface DayMessagesState extends QueryState<Message[]> {
  /** The last day loaded whole (`data` may be only the first screenful of a newer one). */
  whole: Message[] | undefined;
  /** The key `whole` was loaded for. */
  wholeKey: string | null;
}

const NOTHING: DayMessagesState = {
  data: undefined,
  dataKey: null,
  error: null,
  loading: false,
  whole: undefined,
  wholeKey: null,
};

/**
 * `focus`: a message the list will land on. The first screenful may not hold it, so such a day
 * is fetched whole in one step rather than showing its top and then jumping away.
 */
export function useDayMessages(
  conversation: string | null,
  day: string | null,
  days: readonly DayActivity[] | undefined,
  changed: number,
  focus: number | null,
): DayMessagesState {
  const key = conversation !== null && day !== null ? `${conversation}\n${day}\n${changed}` : null;
  const [state, setState] = useState<DayMessagesState & { key: string | null }>({
    ...NOTHING,
    key: null,
  });

  useEffect(() => {
    if (conversation === null || day === null || key === null) {
      setState({ ...NOTHING, key });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null, key }));
    // The day shown, changed on disk, comes whole: its first screenful alone would cut the list
    // short under the reader's eyes.
    const reloading = state.wholeKey?.startsWith(`${conversation}\n${day}\n`) ?? false;
    const { first, whole } = loadDay(conversation, day, changed, focus === null && !reloading);
    first?.then(
      (head) => {
        if (current)
          setState((previous) =>
            previous.wholeKey === key ? previous : { ...previous, data: head, dataKey: key },
          );
      },
      // The whole day fails too, and says so below.
      () => undefined,
    );
    whole.then(
      (messages) => {
        if (current)
          setState({
            data: messages,
            dataKey: key,
            error: null,
            loading: false,
            whole: messages,
            wholeKey: key,
            key,
          });
      },
      (error: unknown) => {
        if (current) setState({ ...NOTHING, error: asApiError(error), key });
      },
    );
    return () => {
      current = false;
    };
    // `key` says which day; a new focus within the same day needs no new fetch, and `state` is
    // read only to know which day is shown now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loaded = state.wholeKey !== null && state.wholeKey === key;
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

  // Data of an older key is stale: keep showing it while loading (no flash), but say so.
  return {
    data: state.data,
    dataKey: state.dataKey,
    error: state.error,
    loading: state.loading || state.key !== key,
    whole: state.whole,
    wholeKey: state.wholeKey,
  };
}
