/**
 * One person's messages (all their names) across the days of a conversation, loaded page by
 * page as the list scrolls towards the end. A change on disk (`changed` bumped) fetches again as
 * many as are shown and swaps them in at once: the list neither empties nor jumps to the top.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MessagePage } from '../../shared/api';
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
  changed: number,
): PersonMessages {
  const [state, setState] = useState<{
    key: string;
    messages: Message[];
    total: number;
    next: string | undefined;
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
  const latest = useRef(state);
  latest.current = state;

  // Applies the answer of the newest request only: a page appended after those shown, or (from
  // the first page, or after a change) the messages replacing them.
  const settle = useCallback(
    (requestKey: string, request: Promise<MessagePage>, append: boolean) => {
      request.then(
        (page) => {
          if (inFlight.current !== requestKey) return;
          inFlight.current = null;
          setLoading(false);
          setState((current) => ({
            key,
            messages:
              append && current.key === key
                ? [...current.messages, ...page.messages]
                : page.messages,
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
    [key],
  );

  const load = useCallback(
    (cursor: string | undefined) => {
      if (conversation === null || person === null) return;
      const requestKey = `${key}\n${cursor}`;
      if (inFlight.current === requestKey) return;
      inFlight.current = requestKey;
      setLoading(true);
      settle(
        requestKey,
        api.getPersonMessages({
          conversation,
          person,
          ...(cursor === undefined ? {} : { cursor }),
          limit: PAGE,
        }),
        cursor !== undefined,
      );
    },
    [conversation, person, key, settle],
  );

  // After a change: the first pages again, as many messages as shown, replacing them in one go.
  const refresh = useCallback(
    (change: number) => {
      if (conversation === null || person === null) return;
      const requestKey = `${key}\nchanged ${change}`;
      inFlight.current = requestKey;
      const shown = latest.current.key === key ? latest.current.messages.length : 0;
      settle(requestKey, firstPages(conversation, person, Math.max(PAGE, shown)), false);
    },
    [conversation, person, key, settle],
  );

  useEffect(() => {
    if (key !== '') load(undefined);
    else inFlight.current = null;
  }, [key, load]);

  const seenChange = useRef(changed);
  useEffect(() => {
    if (seenChange.current === changed) return;
    seenChange.current = changed;
    // A list still on its way is fetched after the change anyway.
    if (key !== '' && latest.current.key === key) refresh(changed);
  }, [changed, key, refresh]);

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

/** The first `count` messages of a person (or all, when fewer), as one page. */
async function firstPages(
  conversation: string,
  person: string,
  count: number,
): Promise<MessagePage> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  let total: number;
  do {
    const limit = Math.min(2000, Math.max(PAGE, count - messages.length));
    const page: MessagePage = await api.getPersonMessages({
      conversation,
      person,
      ...(cursor === undefined ? {} : { cursor }),
      limit,
    });
    messages.push(...page.messages);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor !== undefined && messages.length < count);
  return { messages, total, ...(cursor !== undefined ? { nextCursor: cursor } : {}) };
}

/** Every message of a person, all pages (for "select the current view"). */
export async function allPersonMessages(conversation: string, person: string): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  do {
    const page: MessagePage = await api.getPersonMessages({
      conversation,
      person,
      ...(cursor === undefined ? {} : { cursor }),
      limit: 2000,
    });
    messages.push(...page.messages);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return messages;
}
