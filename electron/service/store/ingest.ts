/**
 * From what readers find to index rows: each message is placed on its day (its own, or its
 * conversation's in this file), capped in length, keyed for finding copies, given its feature
 * bits and references, and added to the segment being built; a full segment is written and a
 * new one begun. Also noticed on the way: echo candidates (the same text in the same second under
 * two names, in one file) and undated files that pile many days onto one (store/align.ts).
 */
import { isDayWrap } from '../../../shared/archive/align';
import { isSubstantive } from '../../../shared/archive/persons';
import type { Diagnostic, FileKind, FormatId, ParsedMessage } from '../../../shared/model';
import type { ConversationHeader, ReadSink } from '../../../shared/readers/reader';
import { MAX_SEGMENT_MESSAGES } from '../index/segment';
import { SegmentBuilder, type IndexRow } from '../index/segmentBuild';
import { segmentPath } from './location';
import { rowOf } from './messageRow';
import { trace } from './trace';
import type { SegmentWriter } from './writer';

/** Longer texts are split into parts (a 200 MB "message" must not take the process down). */
export const MAX_MESSAGE_UNITS = 1 << 20;
/**
 * While a writer thread takes segments, the rows of a large file are handed over when half of
 * what was left of the file has been read (at 1/2, 3/4, 7/8 of its bytes…), if there are at
 * least this many: the thread writes each while the next, half as large, is read, the last
 * segment (written here) is small, and a huge file still makes few segments (more than eight
 * are compacted, compact.ts).
 */
const MIN_HANDED_OVER = 1 << 17;
/** Echoes stand close together: this many earlier messages of the same second are compared. */
const ECHO_LOOK_BACK = 16;

/** A conversation as a file declares it (ids as the reader gave them, before merges). */
export interface FileConversation {
  id: string;
  title: string | null;
  format: FormatId;
}

/** What the store keeps of a file once read. */
export interface FileRecord {
  path: string;
  kind: FileKind;
  format: FormatId | null;
  diagnostics: Diagnostic[];
  messages: number;
  events: number;
  /** Bases of the segments holding its rows. */
  segments: number[];
  conversations: FileConversation[];
  companions: string[];
  /** Its messages took their days from other files' (store/align.ts). */
  aligned: boolean;
}

/** An echo candidate: two rows of one file, same second and text, two names. */
export interface Repeat {
  conversation: string;
  file: number;
  first: number;
  second: number;
  firstSpeaker: string;
  secondSpeaker: string;
  substantive: boolean;
}

/** A message waiting for its day: an undated message of a file that may span many days. */
export interface PendingMessage {
  conversation: string;
  message: ParsedMessage;
  /** The source it came from (a file, or an entry of a zip). */
  path: string;
  /** Its conversation's day in this file, used when no better day is found. */
  day: string | null;
}

export interface SegmentWritten {
  base: number;
  count: number;
}

export interface IngestOptions {
  folder: string;
  /** Hands out `count` consecutive ids, never the same twice. */
  allocate(count: number): number;
  /** Raw conversation id -> the conversation it was merged into. */
  merges: ReadonlyMap<string, string>;
  /** The fewest rows handed to a writer thread at once (tests make it small). */
  handOverRows?: number;
}

interface RowOwner {
  file: number;
  record: FileRecord;
}

interface PendingRepeat {
  first: number;
  second: number;
  repeat: Omit<Repeat, 'first' | 'second'>;
}

/** A segment's rows, taken from the ingest to be written. */
interface Taken {
  builder: SegmentBuilder;
  base: number;
  count: number;
  repeats: PendingRepeat[];
}

export class Ingest {
  readonly segments: SegmentWritten[] = [];
  readonly repeats: Repeat[] = [];
  private builder = new SegmentBuilder();
  private owners: RowOwner[] = [];
  private pendingRepeats: PendingRepeat[] = [];
  /** Set while segments go to a writer thread; handed over at `handOverAt` of a file's bytes. */
  private writer: SegmentWriter | null = null;
  private handOverAt = 0.5;
  private writes: Promise<void>[] = [];

  constructor(private readonly options: IngestOptions) {}

  /** From now on, full segments are written by `writer` while reading goes on. */
  writeInBackground(writer: SegmentWriter): void {
    this.writer = writer;
  }

  /** How much of the file being read has been read: a moment to hand rows over, perhaps. */
  progress(fraction: number): void {
    const fewest = this.options.handOverRows ?? MIN_HANDED_OVER;
    if (!this.writer || fraction < this.handOverAt || this.builder.size < fewest) return;
    this.handOver(this.writer);
    this.handOverAt = fraction >= 1 ? Infinity : fraction + (1 - fraction) / 2;
  }

  /** Waits for the segments handed to the writer thread. */
  async settle(): Promise<void> {
    await Promise.all(this.writes);
  }

  /** Stops the writer thread, once its segments are settled or the sync failed. */
  stopWriting(): void {
    this.writer?.close();
    this.writer = null;
    this.writes = [];
  }

  /** The conversation a raw id belongs to, after merges. */
  conversationOf(id: string): string {
    return this.options.merges.get(id) ?? id;
  }

  /** The record of one archive file, and a sink for each source in it (`source`). */
  file(fileId: number, path: string): FileRecorder {
    this.handOverAt = 0.5;
    return new FileRecorder(this, fileId, path);
  }

  /** Adds one row for a file; returns nothing until its segment is written. */
  addRow(owner: RowOwner, row: IndexRow): number {
    const index = this.builder.add(row);
    this.owners.push(owner);
    if (this.builder.size >= MAX_SEGMENT_MESSAGES) {
      if (this.writer) this.handOver(this.writer);
      else this.flush();
    }
    return index;
  }

  /** The builder row the next addRow returns (for echo pairs within the current segment). */
  get nextRow(): number {
    return this.builder.size;
  }

  /** Counts the segments written: rows of different generations are in different segments. */
  generation = 0;

  noteRepeat(first: number, second: number, repeat: Omit<Repeat, 'first' | 'second'>): void {
    this.pendingRepeats.push({ first, second, repeat });
  }

  /** Writes the segment being built, here, if it holds anything. */
  flush(): void {
    const taken = this.take();
    if (!taken) return;
    const { positions } = taken.builder.write(
      segmentPath(this.options.folder, taken.base),
      taken.base,
    );
    this.written(taken, positions);
  }

  /** Hands the rows collected so far to the writer thread, as a segment. */
  private handOver(writer: SegmentWriter): void {
    const taken = this.take()!;
    trace(`segment of ${taken.count} rows handed to the writer`);
    const write = writer
      .write(taken.builder, segmentPath(this.options.folder, taken.base), taken.base)
      .then((positions) => this.written(taken, positions));
    // Awaited in settle(); until then a failure must not count as unhandled.
    write.catch(() => undefined);
    this.writes.push(write);
  }

  /** The rows collected so far, as the next segment (its base allocated); null when none. */
  private take(): Taken | null {
    const count = this.builder.size;
    if (count === 0) return null;
    const base = this.options.allocate(count);
    for (const { record } of this.owners)
      if (record.segments[record.segments.length - 1] !== base) record.segments.push(base);
    const taken = { builder: this.builder, base, count, repeats: this.pendingRepeats };
    this.builder = new SegmentBuilder();
    this.owners = [];
    this.pendingRepeats = [];
    this.generation++;
    return taken;
  }

  /** A segment is on disk: its echo candidates get their ids, and it is listed. */
  private written(taken: Taken, positions: Uint32Array): void {
    for (const pending of taken.repeats)
      this.repeats.push({
        ...pending.repeat,
        first: taken.base + positions[pending.first]!,
        second: taken.base + positions[pending.second]!,
      });
    this.segments.push({ base: taken.base, count: taken.count });
  }
}

/** The record of one archive file; a zip has a source per entry read, other files one. */
export class FileRecorder {
  readonly record: FileRecord;
  readonly owner: RowOwner;
  readonly sources: FileIngest[] = [];

  constructor(
    readonly ingest: Ingest,
    fileId: number,
    readonly path: string,
  ) {
    this.record = {
      path,
      kind: 'skipped',
      format: null,
      diagnostics: [],
      messages: 0,
      events: 0,
      segments: [],
      conversations: [],
      companions: [],
      aligned: false,
    };
    this.owner = { file: fileId, record: this.record };
  }

  /** A reader sink for `path` (the file itself, or an entry of it). */
  source(path: string): FileIngest {
    const source = new FileIngest(this, path);
    this.sources.push(source);
    return source;
  }

  /** Ends every source; returns the messages waiting for store/align.ts. */
  finish(): PendingMessage[] {
    return this.sources.flatMap((source) => source.finish());
  }
}

/** The reader sink of one source (a file, or an entry of a zip). */
export class FileIngest implements ReadSink {
  private kind: FileKind = 'skipped';
  private readonly headers: (ConversationHeader & { merged: string })[] = [];
  private readonly undated: { conversation: number; message: ParsedMessage }[] = [];
  private readonly window: {
    slot: string;
    speaker: string;
    text: string;
    row: number;
    generation: number;
  }[] = [];
  private split = 0;
  private readonly ingest: Ingest;
  private readonly owner: RowOwner;
  private readonly record: FileRecord;

  constructor(
    recorder: FileRecorder,
    readonly path: string,
  ) {
    this.ingest = recorder.ingest;
    this.owner = recorder.owner;
    this.record = recorder.record;
  }

  setKind(kind: FileKind): void {
    this.kind = kind;
    const order: FileKind[] = ['skipped', 'document', 'timeline', 'chat'];
    if (order.indexOf(kind) > order.indexOf(this.record.kind)) this.record.kind = kind;
  }

  conversation(header: ConversationHeader): number {
    this.headers.push({ ...header, merged: this.ingest.conversationOf(header.id) });
    if (!this.record.conversations.some((c) => c.id === header.id))
      this.record.conversations.push({ id: header.id, title: header.title, format: header.format });
    this.record.format ??= header.format;
    return this.headers.length - 1;
  }

  message(conversation: number, message: ParsedMessage): void {
    const header = this.headers[conversation];
    if (!header) return;
    if (message.day === undefined) this.undated.push({ conversation, message });
    else this.add(header.merged, message, message.day);
  }

  /** `read` of the source's `size` bytes have been pushed to its reader. */
  progress(read: number, size: number): void {
    // A file that grew while it was read may pass its size: no later hand-over is needed.
    if (size > 0) this.ingest.progress(Math.min(1, read / size));
  }

  diagnostic(diagnostic: Omit<Diagnostic, 'path'> & { path?: string }): void {
    this.record.diagnostics.push({ ...diagnostic, path: diagnostic.path ?? this.path });
  }

  /**
   * Ends the file. Undated messages take their conversation's day in this file, unless their
   * times run backwards (one file piling up many days, as an undated cumulative export does):
   * those are returned for store/align.ts to place, and are added later with `addPlaced`.
   */
  finish(): PendingMessage[] {
    void this.kind;
    const pending: PendingMessage[] = [];
    let wraps = 0;
    let previous: string | null = null;
    for (const { message } of this.undated) {
      if (previous !== null && isDayWrap(previous, message.time)) wraps++;
      previous = message.time;
    }
    for (const { conversation, message } of this.undated) {
      const header = this.headers[conversation]!;
      if (wraps > 0)
        pending.push({ conversation: header.merged, message, path: this.path, day: header.day });
      else if (header.day !== null) this.add(header.merged, message, header.day);
    }
    if (this.split > 0)
      this.diagnostic({
        message: `${this.split} message${this.split === 1 ? ' was' : 's were'} longer than ${MAX_MESSAGE_UNITS.toLocaleString('en-US')} characters and ${this.split === 1 ? 'was' : 'were'} split into parts; every part is kept.`,
      });
    return pending;
  }

  /** Adds messages placed by store/align.ts. */
  addPlaced(conversation: string, message: ParsedMessage, day: string): void {
    this.record.aligned = true;
    this.add(conversation, message, day);
  }

  private add(conversation: string, message: ParsedMessage, day: string): void {
    if (message.text.length > MAX_MESSAGE_UNITS) {
      this.split++;
      for (let at = 0; at < message.text.length; at += MAX_MESSAGE_UNITS)
        this.addOne(
          conversation,
          { ...message, text: message.text.slice(at, at + MAX_MESSAGE_UNITS) },
          day,
        );
      return;
    }
    this.addOne(conversation, message, day);
  }

  private addOne(conversation: string, message: ParsedMessage, day: string): void {
    const event = message.kind === 'event';
    if (event) this.record.events++;
    else this.record.messages++;
    const row = this.ingest.nextRow;
    const generation = this.ingest.generation;
    this.ingest.addRow(this.owner, rowOf(conversation, message, day, this.path));
    if (event || message.speaker === '') return;
    // Echo candidates: an earlier message of the same second with the same text, another name.
    const slot = `${day} ${message.time}`;
    if (this.window.length > 0 && this.window[this.window.length - 1]!.slot !== slot)
      this.window.length = 0;
    for (let i = this.window.length - 1; i >= 0; i--) {
      const earlier = this.window[i]!;
      if (earlier.text !== message.text || earlier.speaker === message.speaker) continue;
      // Rows of one segment only: a segment written in between leaves the pair unnoticed.
      if (earlier.generation === generation && generation === this.ingest.generation)
        this.ingest.noteRepeat(earlier.row, row, {
          conversation,
          file: this.owner.file,
          firstSpeaker: earlier.speaker,
          secondSpeaker: message.speaker,
          substantive: isSubstantive(message.text),
        });
      break;
    }
    this.window.push({ slot, speaker: message.speaker, text: message.text, row, generation });
    if (this.window.length > ECHO_LOOK_BACK) this.window.shift();
  }
}
