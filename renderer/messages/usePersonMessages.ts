/**
 * One person's messages (all their names) across the days of a conversation, loaded page by
 * page as the list scrolls towards the end.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api';
import type { Message } from '../../shared/model';
import { api } from '../api';
import { asApiError } from '../app/errors';

const PAGE = 1000;

export interface PersonMessages {
  messages: Message[];
  total: number;
  loading: boolean;
  error: ApiError | null;
  loadMore: () => void;
}

export function usePersonMessages(
  conversation: string | null,
  person: string | null,
): PersonMessages {
  const [state, setState] = useState<{
    key: string;
    messages: Message[];
    total: number;
    next: number | undefined;
    error: ApiError | null;
  }>({
    key: '',
    messages: [],
    total: 0,
    next: undefined,
    error: null,
  });
  const [loading, setLoading] = useState(false);
  const key = conversation !== null && person !== null ? `${conversation}\n${person}` : '';
  const inFlight = useRef<string | null>(null);

  const load = useCallback(
    (cursor: number) => {
      if (conversation === null || person === null) return;
      const requestKey = `${key}\n${cursor}`;
      if (inFlight.current === requestKey) return;
      inFlight.current = requestKey;
      setLoading(true);
      api.getPersonMessages({ conversation, person, cursor, limit: PAGE }).then(
        (page) => {
          if (inFlight.current !== requestKey) return;
          inFlight.current = null;
          setLoading(false);
          setState((current) => ({
            key,
            messages:
              cursor === 0 || current.key !== key
                ? page.messages
                : [...current.messages, ...page.messages],
            total: page.total,
            next: page.nextCursor,
            error: null,
          }));
        },
        (error: unknown) => {
          if (inFlight.current !== requestKey) return;
          inFlight.current = null;
          setLoading(false);
          setState({ key, messages: [], total: 0, next: undefined, error: asApiError(error) });
        },
      );
    },
    [conversation, person, key],
  );

  useEffect(() => {
    if (key !== '') load(0);
    else inFlight.current = null;
  }, [key, load]);

  const current = state.key === key;
  const next = current ? state.next : undefined;
  const loadMore = useCallback(() => {
    if (next !== undefined) load(next);
  }, [next, load]);

  return {
    messages: current ? state.messages : [],
    total: current ? state.total : 0,
    loading: loading || (!current && key !== ''),
    error: current ? state.error : null,
    loadMore,
  };
}

/** Every message of a person, all pages (for "select the current view"). */
export async function allPersonMessages(conversation: string, person: string): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: number | undefined = 0;
  while (cursor !== undefined) {
    const page = await api.getPersonMessages({ conversation, person, cursor, limit: 2000 });
    messages.push(...page.messages);
    cursor = page.nextCursor;
  }
  return messages;
}
