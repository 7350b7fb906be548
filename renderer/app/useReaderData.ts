/**
 * The data the reader shows for a place: the conversation's days, the messages of the list (a
 * day, or one person across days), the speakers for the sidebar, and the name -> person index
 * used for colours, "me" and mentions. Every count comes from the service (days, speakers,
 * a person's total), never from counting here a different set than the one shown.
 */
import { useCallback, useMemo } from 'react';
import type { ApiError, Settings, SpeakersResult } from '../../shared/api';
import type { DayActivity, Message, SpeakerSummary } from '../../shared/model';
import { useDays } from '../calendar/useDays';
import { buildRows, visibleMessages, type Row } from '../messages/rows';
import { useDayMessages } from '../messages/useDayMessages';
import { usePersonMessages } from '../messages/usePersonMessages';
import { personIndex, personRows, type PersonRow } from '../speakers/people';
import { useSpeakers } from '../speakers/useSpeakers';
import type { QueryState } from './useApiQuery';

export interface ReaderData {
  days: readonly DayActivity[];
  daysLoading: boolean;
  rows: Row[];
  /** Changes when the list shows something else (another day or person): it opens afresh. */
  listKey: string;
  /** The messages the list shows, in order (ranges, "select day"). */
  shown: Message[];
  loading: boolean;
  error: ApiError | null;
  /** The person view's total (from the service), and its next page. */
  personTotal: number;
  loadMorePerson: () => void;
  speakers: readonly SpeakerSummary[];
  sidebar: QueryState<SpeakersResult>;
  people: PersonRow[];
  personOf: (name: string) => string;
  isMine: (name: string) => boolean;
}

export function useReaderData(
  conversation: string | null,
  day: string | null,
  person: string | null,
  settings: Settings,
  changed: number,
  focus: number | null,
): ReaderData {
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
  const daySpeakers = useSpeakers(byDay ? conversation : null, byDay ? day : null, changed);

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
  // What the list shows: a new list only once the new messages are here, so switching days never
  // flashes the old day at the top or an empty "Loading". The day the messages are of, not the
  // request: the same day fetched again after a change keeps its list (and its scroll).
  const first = dayMessages.data?.[0];
  const listKey = person
    ? `person\n${conversation}\n${person}`
    : `day\n${first?.conversation ?? ''}\n${first?.day ?? ''}`;

  return {
    days: days.data ?? NO_DAYS,
    daysLoading: days.loading,
    rows,
    listKey,
    shown,
    loading: person ? personMessages.loading : dayMessages.loading,
    error: person ? personMessages.error : dayMessages.error,
    personTotal: personMessages.total,
    loadMorePerson: personMessages.loadMore,
    speakers: conversationSpeakers.data?.speakers ?? NO_SPEAKERS,
    sidebar: byDay ? daySpeakers : conversationSpeakers,
    people,
    personOf,
    isMine,
  };
}

const NO_DAYS: DayActivity[] = [];
const NO_SPEAKERS: SpeakerSummary[] = [];
