/**
 * The archive's messages as the store holds them: the live index segments, each with a byte per
 * message saying whether a user sees it. Message ids are segment base + position; this finds a
 * message's segment and reads its fields.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Message } from '../../../shared/model';
import { dayOfNumber } from '../../../shared/dates';
import type { SegmentView } from '../index/order';
import {
  EVENT_BIT,
  lowerBound,
  SECONDS_MASK,
  Segment,
  SOURCE_BIT,
  timeOfSeconds,
} from '../index/segment';
import { segmentPath } from './location';

/** Why a message is not shown (bits of the hidden byte); 0: it is a message a user sees. */
export const Hidden = {
  /** Its file changed or went away: the row waits for the next compaction. */
  deleted: 1,
  /** Another file holds the same message (an overlapping export): that one is shown. */
  copy: 2,
  /** The exporter wrote it twice in one second under two names of one person. */
  echo: 4,
} as const;

export interface LiveSegment extends SegmentView {
  segment: Segment;
  hidden: Uint8Array;
}

/** What a message's stored extras hold: every ParsedMessage field beyond the basic ones. */
export type Extras = Omit<
  Message,
  'id' | 'conversation' | 'day' | 'time' | 'speaker' | 'text' | 'path' | 'line'
> & {
  sourceId?: string;
  replyTo?: string;
  threadOf?: string;
};

export class Rows {
  private readonly bases: number[];

  constructor(readonly segments: readonly LiveSegment[]) {
    this.bases = segments.map((live) => live.segment.base);
  }

  /** The segment and position of a message id, or null for an id that names none now. */
  find(id: number): { live: LiveSegment; position: number } | null {
    if (!Number.isInteger(id)) return null;
    const index = lowerBound(this.bases, id + 1) - 1;
    const live = this.segments[index];
    if (!live || id >= live.segment.end) return null;
    return { live, position: id - live.segment.base };
  }

  conversation(segment: Segment, position: number): string {
    const names = segment.names();
    return names.conversations[names.pairs[segment.file.at('pair', position) * 2]!]!;
  }

  speaker(segment: Segment, position: number): string {
    const names = segment.names();
    return names.speakers[names.pairs[segment.file.at('pair', position) * 2 + 1]!]!;
  }

  path(segment: Segment, position: number): string {
    return segment.paths()[segment.file.at('file', position)]!;
  }

  line(segment: Segment, position: number): number {
    return segment.file.at('line', position);
  }

  day(segment: Segment, position: number): string {
    return dayOfNumber(segment.file.at('day', position));
  }

  time(segment: Segment, position: number): string {
    return timeOfSeconds(segment.file.at('meta', position) & SECONDS_MASK);
  }

  hasSource(segment: Segment, position: number): boolean {
    return (segment.file.at('meta', position) & SOURCE_BIT) !== 0;
  }

  /** The messages at `positions` (ascending) of one segment, as the API gives them. */
  messages(live: LiveSegment, positions: readonly number[]): Message[] {
    const { segment } = live;
    const out: Message[] = [];
    for (let i = 0; i < positions.length;) {
      // Neighbours are read together: one read of texts and extras per run.
      let j = i + 1;
      while (j < positions.length && positions[j]! - positions[j - 1]! < 64) j++;
      const first = positions[i]!;
      const last = positions[j - 1]!;
      const texts = segment.texts(first, last + 1);
      const extras = segment.extras(first, last + 1);
      // And their fields, a range of each column: cell by cell, a few pages of search results
      // would pass the cells a column is read by before it is read whole (segmentFile.ts).
      const columns = columnsOf(segment, first, last + 1);
      const names = segment.names();
      const paths = segment.paths();
      for (let k = i; k < j; k++) {
        const position = positions[k]!;
        const at = position - first;
        const pair = columns.pair[at]!;
        const meta = columns.meta[at]!;
        const json = extras.get(position);
        const rich = json === undefined ? null : (JSON.parse(json) as Extras);
        let text = texts[position - first]!;
        if (rich?.attachments?.length) {
          const suffix = `\n${rich.attachments.map((attachment) => attachment.name).join('\n')}`;
          if (text.endsWith(suffix)) text = text.slice(0, text.length - suffix.length);
        }
        const message: Message = {
          id: segment.base + position,
          conversation: names.conversations[names.pairs[pair * 2]!]!,
          day: dayOfNumber(columns.day[at]!),
          time: timeOfSeconds(meta & SECONDS_MASK),
          speaker: names.speakers[names.pairs[pair * 2 + 1]!]!,
          text,
          path: paths[columns.file[at]!]!,
          line: columns.line[at]!,
        };
        if (rich) Object.assign(message, rich);
        if ((meta & EVENT_BIT) !== 0) message.kind = 'event';
        out.push(message);
      }
      i = j;
    }
    return out;
  }

  /** The sourceId of a message with one, from its extras. */
  sourceId(segment: Segment, position: number): string | undefined {
    if (!this.hasSource(segment, position)) return undefined;
    const json = segment.extras(position, position + 1).get(position);
    return json === undefined ? undefined : (JSON.parse(json) as Extras).sourceId;
  }
}

/** The columns a message is made of, for positions [start, end). */
function columnsOf(segment: Segment, start: number, end: number) {
  const read = <T extends Uint32Array | Uint16Array>(name: string) =>
    segment.file.range<T>(name, start, end - start);
  return {
    day: read<Uint32Array>('day'),
    meta: read<Uint32Array>('meta'),
    pair: read<Uint16Array | Uint32Array>('pair'),
    file: read<Uint16Array | Uint32Array>('file'),
    line: read<Uint32Array>('line'),
  };
}

/**
 * The live segments as the database lists them, each with its hidden bytes; segments already
 * open (`open`) are reused rather than opened again.
 */
export function loadSegments(
  db: DatabaseSync,
  folder: string,
  open: readonly LiveSegment[],
): LiveSegment[] {
  const rows = db
    .prepare('SELECT base, count, hidden FROM segments ORDER BY base')
    .all() as unknown as {
    base: number;
    count: number;
    hidden: Uint8Array | null;
  }[];
  return rows.map((row) => {
    const known = open.find((live) => live.segment.base === row.base)?.segment;
    const segment = known ?? new Segment(segmentPath(folder, row.base));
    if (segment.count !== row.count)
      throw new Error(`segment ${row.base} does not match the store`);
    return { segment, hidden: row.hidden ? new Uint8Array(row.hidden) : new Uint8Array(row.count) };
  });
}
