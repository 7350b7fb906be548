/**
 * ArchiveData over an Archive held in memory (read straight from the folder), searched by the
 * naive scan: the plain reference implementation the store's answers are compared with in tests.
 */
import type { MessageLocation, MessagePage, SearchResult, SpeakersResult } from '../../shared/api';
import type { Archive } from '../../shared/archive/build';
import { summarizeSpeakers } from '../../shared/archive/build';
import type {
  ConversationSummary,
  DayActivity,
  Diagnostic,
  FileCounts,
  Message,
} from '../../shared/model';
import { sliceOfDay, type ArchiveData, type DaySlice, type SearchOptions } from './archiveData';
import { searchMessages } from './search/naive';

export class MemoryArchiveData implements ArchiveData {
  /** conversation -> day -> [start, end) in archive.messages */
  private readonly ranges = new Map<string, Map<string, [number, number]>>();

  constructor(private readonly archive: Archive) {
    const { messages } = archive;
    for (let start = 0; start < messages.length;) {
      const { conversation, day } = messages[start]!;
      let end = start + 1;
      while (
        end < messages.length &&
        messages[end]!.conversation === conversation &&
        messages[end]!.day === day
      )
        end++;
      let days = this.ranges.get(conversation);
      if (!days) this.ranges.set(conversation, (days = new Map()));
      days.set(day, [start, end]);
      start = end;
    }
  }

  get files(): FileCounts {
    return this.archive.files;
  }

  get messageCount(): number {
    return this.archive.messages.length;
  }

  conversations(): ConversationSummary[] {
    return this.archive.conversations;
  }

  days(conversation: string): DayActivity[] {
    return this.archive.days.get(conversation) ?? [];
  }

  dayMessages(conversation: string, day: string, slice?: DaySlice): Message[] {
    const range = this.ranges.get(conversation)?.get(day);
    return range ? sliceOfDay(this.archive.messages.slice(range[0], range[1]), slice) : [];
  }

  speakerMessages(
    conversation: string,
    names: readonly string[],
    cursor: number,
    limit: number,
  ): MessagePage {
    const wanted = new Set(names);
    const all = this.conversationMessages(conversation).filter((message) =>
      wanted.has(message.speaker),
    );
    const messages = all.slice(cursor, cursor + limit);
    return cursor + limit < all.length
      ? { messages, total: all.length, nextCursor: cursor + limit }
      : { messages, total: all.length };
  }

  speakers(conversation: string, day?: string): SpeakersResult {
    const whole = {
      speakers: this.archive.speakers.get(conversation) ?? [],
      persons: this.archive.persons.get(conversation) ?? [],
    };
    if (day === undefined) return whole;
    return summarizeSpeakers(this.dayMessages(conversation, day), whole.speakers);
  }

  locate(id: number): MessageLocation | null {
    const message = this.archive.messages[id];
    return message ? { id, conversation: message.conversation, day: message.day } : null;
  }

  messagesByIds(ids: readonly number[]): Message[] {
    return [...new Set(ids)]
      .sort((a, b) => a - b)
      .map((id) => this.archive.messages[id])
      .filter((message): message is Message => message !== undefined);
  }

  diagnostics(): Diagnostic[] {
    return this.archive.diagnostics;
  }

  search(query: string, options: SearchOptions): SearchResult {
    return searchMessages(this.archive, query, options);
  }

  close(): void {}

  private conversationMessages(conversation: string): Message[] {
    const days = this.ranges.get(conversation);
    if (!days || days.size === 0) return [];
    const ranges = [...days.values()];
    return this.archive.messages.slice(ranges[0]![0], ranges[ranges.length - 1]![1]);
  }
}
