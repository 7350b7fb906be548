/**
 * What the service needs from an opened archive. The service opens the persistent store with its
 * search index (electron/service/store/; on disk, or in memory when no cache folder can be used).
 * MemoryArchiveData, over an Archive read straight from the folder with the naive scan for
 * search, is the simple reference the store is tested against. Callers only see this interface.
 */
import type { MessageLocation, MessagePage, SearchResult, SpeakersResult } from '../../shared/api';
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  Message,
} from '../../shared/model';

export interface SearchOptions {
  limit: number;
  cursor?: string;
  order: 'newest' | 'oldest';
}

/** A part of a day's messages by position: `limit` of them from `offset` (default: all). */
export interface DaySlice {
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The part of a day's messages (or of their ids) that `slice` names. */
export function sliceOfDay<T>(items: readonly T[], slice: DaySlice = {}): T[] {
  const offset = slice.offset ?? 0;
  return items.slice(offset, slice.limit === undefined ? undefined : offset + slice.limit);
}

export interface ArchiveData {
  readonly files: FileCounts;
  readonly messageCount: number;
  conversations(): ConversationSummary[];
  days(conversation: string): DayActivity[];
  /** The day's messages in order, or the slice of them `slice` names. */
  dayMessages(conversation: string, day: string, slice?: DaySlice): Message[];
  /** Messages whose speaker is one of `names`, across days, oldest first. */
  speakerMessages(
    conversation: string,
    names: readonly string[],
    cursor: number,
    limit: number,
  ): MessagePage;
  speakers(conversation: string, day?: string): SpeakersResult;
  locate(id: number): MessageLocation | null;
  /** Messages by id, in archive order (conversation, day, time); unknown ids are left out. */
  messagesByIds(ids: readonly number[]): Message[];
  diagnostics(): Diagnostic[];
  search(query: string, options: SearchOptions): SearchResult;
  close(): void;
}
