/** The speakers and persons of a conversation (day null), or of one of its days, with the service's counts. */
import type { SpeakersResult } from '../../shared/api';
import { api } from '../api';
import { useApiQuery, type QueryState } from '../app/useApiQuery';

export function useSpeakers(
  conversation: string | null,
  day: string | null,
  changed: number,
): QueryState<SpeakersResult> {
  const key = conversation === null ? null : `${conversation}\n${day ?? '*'}\n${changed}`;
  return useApiQuery(
    key,
    conversation === null
      ? null
      : () => api.getSpeakers(day === null ? { conversation } : { conversation, day }),
  );
}
