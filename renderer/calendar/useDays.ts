/** The days with messages of a conversation, for navigation and the calendar's heatmap. */
import type { DayActivity } from '../../shared/model';
import { api } from '../api';
import { useApiQuery, type QueryState } from '../app/useApiQuery';

export function useDays(conversation: string | null, changed: number): QueryState<DayActivity[]> {
  return useApiQuery(
    conversation === null ? null : `${conversation}\n${changed}`,
    conversation === null ? null : () => api.getDays({ conversation }),
  );
}
