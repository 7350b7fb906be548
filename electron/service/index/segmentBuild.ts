/**
 * Collects messages (in any order) into columns of typed arrays, then writes them as a segment
 * file in time order with its posting lists (segment.ts describes the sections). Nothing is held
 * per message but numbers and code units, so a segment of two million messages builds in a few
 * hundred megabytes.
 */
import { foldUnits } from '../../../shared/query/fold';
import { buildGrams } from './gramBuild';
import { POSITION_FACTOR, type SegmentInfo, type SegmentNames } from './segment';
import { writeSegmentFile, type TypedArray } from './segmentFile';
import { Growable, u32, type GrowableArray } from './growable';
import { narrowed, timeOrder } from './rowOrder';

/** One message as the index takes it. */
export interface IndexRow {
  conversation: string;
  speaker: string;
  path: string;
  line: number;
  /** YYYYMMDD. */
  day: number;
  /** `meta` column value: seconds | event bit | features (segment.ts). */
  meta: number;
  /** What is shown. */
  text: string;
  /** More searchable text, not shown (attachment names); usually ''. */
  search: string;
  /** Content key (copies.ts). */
  key: number;
  /** The rich parts as JSON, or null. */
  extras: string | null;
  /** Packed references (hash29 * 4 + kind), without the position. */
  refs: readonly number[];
}

const encoder = new TextEncoder();

function intern(table: Map<string, number>, value: string): number {
  let index = table.get(value);
  if (index === undefined) table.set(value, (index = table.size));
  return index;
}

/**
 * A builder's collected rows as plain data, to hand to another thread (store/writer.ts): the
 * columns' buffers are transferred, not copied.
 */
export interface BuilderState {
  conversations: string[];
  speakers: string[];
  pairList: number[];
  paths: string[];
  /** Every growable column (texts, references and rich parts included), by name. */
  columns: Record<ColumnName, { values: GrowableArray; length: number }>;
}

/** The builder's growable columns: what moves to another thread. */
const COLUMNS = [
  'day',
  'meta',
  'pair',
  'file',
  'line',
  'key',
  'textStart',
  'text',
  'refs',
  'refRows',
  'extraRows',
  'extraEnds',
  'extras',
] as const;
type ColumnName = (typeof COLUMNS)[number];

export class SegmentBuilder {
  // Not readonly: `restore` fills them from another thread's builder.
  private conversations = new Map<string, number>();
  private speakers = new Map<string, number>();
  private pairs = new Map<number, number>();
  private pairList: number[] = [];
  private paths = new Map<string, number>();
  private readonly day = new Growable(new Uint32Array(0), u32);
  private readonly meta = new Growable(new Uint32Array(0), u32);
  private readonly pair = new Growable(new Uint32Array(0), u32);
  private readonly file = new Growable(new Uint32Array(0), u32);
  private readonly line = new Growable(new Uint32Array(0), u32);
  private readonly key = new Growable(new Uint32Array(0), u32);
  private readonly textStart = new Growable(new Uint32Array(0), u32);
  private readonly text = new Growable(new Uint16Array(0), (size) => new Uint16Array(size));
  // The rich parts as UTF-8 at once: a million JSON strings would weigh on every collection.
  private readonly extraRows = new Growable(new Uint32Array(0), u32);
  private readonly extraEnds = new Growable(new Uint32Array(0), u32);
  private readonly extras = new Growable(new Uint8Array(0), (size) => new Uint8Array(size));
  private readonly refs = new Growable(new Float64Array(0), (size) => new Float64Array(size));
  private readonly refRows = new Growable(new Uint32Array(0), u32);

  get size(): number {
    return this.day.length;
  }

  /** Adds a message; returns its row (its index in the order of adding). */
  /** The last conversation and file seen: rows arrive file by file, so most repeat them. */
  private lastConversation = { name: '', index: -1 };
  private lastPath = { name: '', index: -1 };

  add(row: IndexRow): number {
    const index = this.day.length;
    if (row.conversation !== this.lastConversation.name || this.lastConversation.index < 0)
      this.lastConversation = {
        name: row.conversation,
        index: intern(this.conversations, row.conversation),
      };
    if (row.path !== this.lastPath.name || this.lastPath.index < 0)
      this.lastPath = { name: row.path, index: intern(this.paths, row.path) };
    const conversation = this.lastConversation.index;
    const speaker = intern(this.speakers, row.speaker);
    const pairKey = conversation * 0x100000000 + speaker;
    let pair = this.pairs.get(pairKey);
    if (pair === undefined) {
      this.pairs.set(pairKey, (pair = this.pairs.size));
      this.pairList.push(conversation, speaker);
    }
    this.day.push(row.day);
    this.meta.push(row.meta);
    this.pair.push(pair);
    this.file.push(this.lastPath.index);
    this.line.push(row.line);
    this.key.push(row.key);
    this.textStart.push(this.text.length);
    this.appendText(row.text);
    this.appendText(row.search);
    if (row.extras !== null) this.appendExtras(index, row.extras);
    for (const ref of row.refs) {
      this.refs.push(ref);
      this.refRows.push(index);
    }
    return index;
  }

  private appendExtras(row: number, json: string): void {
    const bytes = this.extras;
    bytes.reserve(bytes.length + json.length * 3);
    bytes.length += encoder.encodeInto(json, bytes.values.subarray(bytes.length)).written;
    this.extraRows.push(row);
    this.extraEnds.push(bytes.length);
  }

  private appendText(text: string): void {
    const units = this.text;
    units.reserve(units.length + text.length);
    const values = units.values;
    let at = units.length;
    for (let i = 0; i < text.length; i++) values[at++] = text.charCodeAt(i);
    units.length = at;
  }

  /** Everything collected, as plain data; its buffers move with it, so the builder is done. */
  detach(): { state: BuilderState; transfer: ArrayBuffer[] } {
    const state: BuilderState = {
      conversations: [...this.conversations.keys()],
      speakers: [...this.speakers.keys()],
      pairList: this.pairList,
      paths: [...this.paths.keys()],
      columns: Object.fromEntries(
        COLUMNS.map((name) => [name, { values: this[name].values, length: this[name].length }]),
      ) as BuilderState['columns'],
    };
    const transfer = COLUMNS.map((name) => this[name].values.buffer as ArrayBuffer);
    return { state, transfer };
  }

  /** A builder holding what `detach` gave (in another thread). */
  static restore(state: BuilderState): SegmentBuilder {
    const builder = new SegmentBuilder();
    const table = (names: string[]) => new Map(names.map((name, index) => [name, index]));
    builder.conversations = table(state.conversations);
    builder.speakers = table(state.speakers);
    builder.paths = table(state.paths);
    builder.pairList = state.pairList;
    for (let i = 0; i < state.pairList.length; i += 2)
      builder.pairs.set(state.pairList[i]! * 0x100000000 + state.pairList[i + 1]!, i / 2);
    for (const name of COLUMNS) {
      const column = builder[name] as Growable<GrowableArray>;
      column.values = state.columns[name].values;
      column.length = state.columns[name].length;
    }
    return builder;
  }

  /**
   * Writes the segment to `path`; returns, for each row in the order added, its position in the
   * segment (so the caller can name messages by id = base + position).
   */
  write(path: string, base: number): { positions: Uint32Array; bytes: number } {
    const count = this.day.length;
    const order = timeOrder(
      this.day.values,
      this.meta.values,
      this.pair.values,
      this.file.values,
      this.line.values,
      this.day.length,
      {
        conversations: [...this.conversations.keys()],
        pairs: this.pairList,
        paths: [...this.paths.keys()],
      },
    );
    const positions = new Uint32Array(count);
    for (let p = 0; p < count; p++) positions[order[p]!] = p;

    const permute = (source: Growable<Uint32Array>) => {
      const values = source.values;
      const out = new Uint32Array(count);
      for (let p = 0; p < count; p++) out[p] = values[order[p]!]!;
      return out;
    };
    const day = permute(this.day);
    const key = permute(this.key);

    // Texts in position order, so that neighbours in time are neighbours on disk.
    const starts = new Uint32Array(count + 1);
    const text = new Uint16Array(this.text.length);
    const sourceStarts = this.textStart.values;
    let at = 0;
    for (let p = 0; p < count; p++) {
      const row = order[p]!;
      const start = sourceStarts[row]!;
      const end = row + 1 < count ? sourceStarts[row + 1]! : this.text.length;
      starts[p] = at;
      text.set(this.text.values.subarray(start, end), at);
      at += end - start;
    }
    starts[count] = at;
    // The texts in the order added are not needed any more: let them go before the folded copy
    // is made (a segment of a big archive holds a few hundred megabytes of text).
    this.text.values = new Uint16Array(0);
    this.text.length = 0;
    const folded = new Uint16Array(text.length);
    foldUnits(text, 0, text.length, folded, 0);

    const sortedKeys = new Float64Array(count);
    for (let p = 0; p < count; p++) sortedKeys[p] = key[p]! * POSITION_FACTOR + p;
    sortedKeys.sort();

    const refs = new Float64Array(this.refs.length);
    for (let i = 0; i < refs.length; i++)
      refs[i] = this.refs.values[i]! * POSITION_FACTOR + positions[this.refRows.values[i]!]!;
    refs.sort();

    // The rich parts in position order: [position, index] pairs sorted, then their bytes copied.
    const extraCount = this.extraRows.length;
    const byPosition = new Float64Array(extraCount);
    for (let i = 0; i < extraCount; i++)
      byPosition[i] = positions[this.extraRows.values[i]!]! * POSITION_FACTOR + i;
    byPosition.sort();
    const extraPositions = new Uint32Array(extraCount);
    const extraOffsets = new Uint32Array(extraCount + 1);
    const extraBytes = new Uint8Array(this.extras.length);
    const ends = this.extraEnds.values;
    for (let k = 0, at = 0; k < extraCount; k++) {
      const i = byPosition[k]! % POSITION_FACTOR;
      extraPositions[k] = Math.floor(byPosition[k]! / POSITION_FACTOR);
      const start = i === 0 ? 0 : ends[i - 1]!;
      extraBytes.set(this.extras.values.subarray(start, ends[i]!), at);
      at += ends[i]! - start;
      extraOffsets[k + 1] = at;
    }

    const names: SegmentNames = {
      conversations: [...this.conversations.keys()],
      speakers: [...this.speakers.keys()],
      pairs: this.pairList,
    };
    const months: number[] = [];
    for (let p = 0; p < count; p++) {
      const month = Math.floor(day[p]! / 100);
      if (months.length === 0 || months[months.length - 2] !== month) months.push(month, p);
    }
    const info: SegmentInfo = { base, count, months };
    const sections: Record<string, TypedArray> = {
      day,
      meta: permute(this.meta),
      // Most segments have fewer than 65,536 people and files: half the bytes to read.
      pair: narrowed(permute(this.pair)),
      file: narrowed(permute(this.file)),
      line: permute(this.line),
      key,
      'text.starts': starts,
      text,
      'keys.sorted': sortedKeys,
      refs,
      'extras.positions': extraPositions,
      'extras.offsets': extraOffsets,
      'extras.bytes': extraBytes,
      names: encoder.encode(JSON.stringify(names)),
      // Apart from the names: facets and views need those, paths only a message's source.
      paths: encoder.encode(JSON.stringify([...this.paths.keys()])),
      ...buildGrams(folded, starts),
    };
    const bytes = writeSegmentFile(path, info, sections);
    return { positions, bytes };
  }
}
