/**
 * The data the reader shows for a place: the conversation's days, the messages of the list (a
 * day, or one person across days), the speakers for the sidebar, and the name -> person index
 * used for colours, "me" and mentions.
 */
import { useCallback, useMemo } from 'react';
import type { Settings, SpeakersResult } from '../../shared/api';
import { summarizeSpeakers } from '../../shared/archive/build';
import type { Message } from '../../shared/model';
import { useDays } from '../calendar/useDays';
import { buildRows, visibleMessages, type Row } from '../messages/rows';
import { useDayMessages } from '../messages/useDayMessages';
import { usePersonMessages } from '../messages/usePersonMessages';
import { personIndex, personRows, type PersonRow } from '../speakers/people';
import { useSpeakers } from '../speakers/useSpeakers';
import type { QueryState } from './useApiQuery';

export function useReaderData(
  conversation: string | null,
  day: string | null,
  person: string | null,
  settings: Settings,
  changed: number,
  focus: number | null,
) {
  const days = useDays(conversation, changed);
  const dayMessages = useDayMessages(
    person ? null : conversation,
    person ? null : day,
    days.data,
    changed,
    focus,
  );
  const personMessages = usePersonMessages(conversation, person, changed);
  const conversationSpeakers = useSpeakers(conversation, null, changed);
  const byDay = settings.speakerScope === 'day' && day !== null && person === null;
  // The day's speakers come from the day's messages already here, tied to the conversation's
  // persons, with the service's own function: one request less before a big day shows. Only a
  // whole day counts (not its first screenful), so they are counted once per day.
  const daySpeakers: QueryState<SpeakersResult> = useMemo(
    () =>
      byDay && dayMessages.whole && conversationSpeakers.data
        ? {
            data: summarizeSpeakers(dayMessages.whole, conversationSpeakers.data.speakers),
            dataKey: dayMessages.wholeKey,
            error: null,
            loading: false,
          }
        : {
            data: undefined,
            dataKey: null,
            error: dayMessages.error ?? conversationSpeakers.error,
            loading: true,
          },
    [
      byDay,
      dayMessages.whole,
      dayMessages.wholeKey,
      dayMessages.error,
      conversationSpeakers.data,
      conversationSpeakers.error,
    ],
  );
  const sidebarSpeakers = byDay ? daySpeakers : conversationSpeakers;

  const people: PersonRow[] = useMemo(
    () => (conversationSpeakers.data ? personRows(conversationSpeakers.data) : []),
    [conversationSpeakers.data],
  );
  const names = useMemo(
    () => personIndex(conversationSpeakers.data?.speakers ?? []),
    [conversationSpeakers.data],
  );
  const personOf = useCallback((name: string) => names.get(name) ?? name, [names]);
  const me = settings.me;
  const isMine = useCallback(
    (name: string) => me !== null && name !== '' && (name === me || personOf(name) === me),
    [me, personOf],
  );

  const messages: Message[] = useMemo(
    () => (person ? personMessages.messages : (dayMessages.data ?? [])),
    [person, personMessages.messages, dayMessages.data],
  );
  const rows: Row[] = useMemo(
    () => buildRows(messages, { showEchoes: settings.showEchoes, multiDay: person !== null }),
    [messages, settings.showEchoes, person],
  );
  const shown = useMemo(() => visibleMessages(rows), [rows]);
  const loading = person ? personMessages.loading : dayMessages.loading;
  // What the list shows: a new list (scrolled to the top) only once the new messages are here,
  // so switching days never flashes the old day at the top or an empty "Loading". The day the
  // messages are of, not the request: the same day fetched again after a change keeps its list.
  const first = dayMessages.data?.[0];
  const listKey = person
    ? `person\n${conversation}\n${person}`
    : `day\n${first?.conversation ?? ''}\n${first?.day ?? ''}`;
  const error = person ? personMessages.error : dayMessages.error;

  return {
    days,
    rows,
    listKey,
    shown,
    loading,
    error,
    personMessages,
    conversationSpeakers,
    sidebarSpeakers,
    people,
    personOf,
    isMine,
  };
}
