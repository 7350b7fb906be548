/**
 * The searchable form of an archive, in columns of typed arrays rather than one object per
 * message (a million objects would cost hundreds of megabytes). Message ids are positions in
 * time order (day, time, conversation, file, line), so "newest first" is simply "highest id
 * first" and a day range is a range of ids. Texts are kept folded (shared/query/fold.ts) in one
 * buffer, for checking candidates and nothing else; the original texts stay in the store.
 */
import { compareStrings } from '../../../shared/archive/compare';
import { foldInto } from '../../../shared/query/fold';
import type { Feature } from '../../../shared/query/parse';
import { messageFeatures } from '../../../shared/text/tokens';

export const FEATURE_BITS: Record<Feature, number> = { image: 1, link: 2, mention: 4, file: 8 };

/** FEATURE_BITS of a text. Most chat lines hold none of the characters every feature needs, and
 *  skipping the tokenizer for them keeps indexing a million messages fast. */
export function featureBits(text: string): number {
  if (!text.includes('@') && !text.includes('http') && !text.includes('.') && !text.includes('!['))
    return 0;
  const features = messageFeatures(text);
  return (
    (features.image ? FEATURE_BITS.image : 0) |
    (features.link ? FEATURE_BITS.link : 0) |
    (features.mention ? FEATURE_BITS.mention : 0) |
    (features.file ? FEATURE_BITS.file : 0)
  );
}

export interface Corpus {
  count: number;
  conversationNames: string[];
  speakerNames: string[];
  pathNames: string[];
  /** Per id: index into conversationNames. */
  conversation: Uint32Array;
  /** Per id: index into speakerNames. */
  speaker: Uint32Array;
  /** Per id: the day as the number YYYYMMDD (ascending with id). */
  day: Uint32Array;
  /** Per id: the time as seconds since midnight; with path and line, the rest of the order. */
  seconds: Uint32Array;
  /** Per id: index into pathNames, the file of the message. */
  path: Uint32Array;
  line: Uint32Array;
  /** Per id: FEATURE_BITS of the text. */
  features: Uint8Array;
  /** Per id: where the row lives in the store (or the message's index for in-memory corpora). */
  row: Uint32Array;
  /** Per id: the folded text is text[textStart, textStart + textLength). */
  textStart: Uint32Array;
  textLength: Uint32Array;
  text: Uint16Array;
}

export interface CorpusRow {
  row: number;
  conversation: string;
  day: string;
  time: string;
  speaker: string;
  path: string;
  line: number;
  features: number;
  text: string;
}

export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

export function dayOfNumber(value: number): string {
  const year = Math.floor(value / 10000);
  const month = Math.floor(value / 100) % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(value % 100).padStart(2, '0')}`;
}

function secondsOf(time: string): number {
  return Number(time.slice(0, 2)) * 3600 + Number(time.slice(3, 5)) * 60 + Number(time.slice(6, 8));
}

/** A growable column. */
class Column<T extends Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.values.length) this.grow(this.length + 1);
    this.values[this.length++] = value;
  }
  grow(size: number): void {
    if (size <= this.values.length) return;
    const next = this.make(Math.max(size, this.values.length * 2, 1024));
    next.set(this.values.subarray(0, this.length) as never);
    this.values = next;
  }
}

const u32 = (size: number) => new Uint32Array(size);

/** Collects rows in any order, then sorts them into a Corpus. */
export class CorpusBuilder {
  private readonly conversations = new Map<string, number>();
  private readonly speakers = new Map<string, number>();
  private readonly paths = new Map<string, number>();
  private readonly conversation = new Column(new Uint32Array(0), u32);
  private readonly speaker = new Column(new Uint32Array(0), u32);
  private readonly day = new Column(new Uint32Array(0), u32);
  private readonly seconds = new Column(new Uint32Array(0), u32);
  private readonly path = new Column(new Uint32Array(0), u32);
  private readonly line = new Column(new Uint32Array(0), u32);
  private readonly row = new Column(new Uint32Array(0), u32);
  private readonly features = new Column(new Uint8Array(0), (size) => new Uint8Array(size));
  private readonly textStart = new Column(new Uint32Array(0), u32);
  private readonly text = new Column(new Uint16Array(0), (size) => new Uint16Array(size));

  add(row: CorpusRow): void {
    this.conversation.push(intern(this.conversations, row.conversation));
    this.speaker.push(intern(this.speakers, row.speaker));
    this.path.push(intern(this.paths, row.path));
    this.day.push(dayNumber(row.day));
    this.seconds.push(secondsOf(row.time));
    this.line.push(row.line);
    this.row.push(row.row);
    this.features.push(row.features);
    this.textStart.push(this.text.length);
    this.text.grow(this.text.length + row.text.length);
    this.text.length = foldInto(row.text, this.text.values, this.text.length);
  }

  /** Adds message `id` of an earlier corpus, whose text is folded already. */
  addFrom(corpus: Corpus, id: number): void {
    this.conversation.push(
      intern(this.conversations, corpus.conversationNames[corpus.conversation[id]!]!),
    );
    this.speaker.push(intern(this.speakers, corpus.speakerNames[corpus.speaker[id]!]!));
    this.path.push(intern(this.paths, corpus.pathNames[corpus.path[id]!]!));
    this.day.push(corpus.day[id]!);
    this.seconds.push(corpus.seconds[id]!);
    this.line.push(corpus.line[id]!);
    this.row.push(corpus.row[id]!);
    this.features.push(corpus.features[id]!);
    this.textStart.push(this.text.length);
    const start = corpus.textStart[id]!;
    const length = corpus.textLength[id]!;
    this.text.grow(this.text.length + length);
    this.text.values.set(corpus.text.subarray(start, start + length), this.text.length);
    this.text.length += length;
  }

  finish(): Corpus {
    const count = this.row.length;
    const conversationNames = [...this.conversations.keys()];
    const conversationRank = ranks(conversationNames);
    const pathRank = ranks([...this.paths.keys()]);
    const day = this.day.values;
    const seconds = this.seconds.values;
    const conversation = this.conversation.values;
    const path = this.path.values;
    const line = this.line.values;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort(
      (a, b) =>
        day[a]! - day[b]! ||
        seconds[a]! - seconds[b]! ||
        conversationRank[conversation[a]!]! - conversationRank[conversation[b]!]! ||
        pathRank[path[a]!]! - pathRank[path[b]!]! ||
        line[a]! - line[b]!,
    );
    const textLength = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const end = i + 1 < count ? this.textStart.values[i + 1]! : this.text.length;
      textLength[i] = end - this.textStart.values[i]!;
    }
    return {
      count,
      conversationNames,
      speakerNames: [...this.speakers.keys()],
      pathNames: [...this.paths.keys()],
      conversation: permute(conversation, order, new Uint32Array(count)),
      speaker: permute(this.speaker.values, order, new Uint32Array(count)),
      day: permute(day, order, new Uint32Array(count)),
      seconds: permute(seconds, order, new Uint32Array(count)),
      path: permute(path, order, new Uint32Array(count)),
      line: permute(line, order, new Uint32Array(count)),
      features: permute(this.features.values, order, new Uint8Array(count)),
      row: permute(this.row.values, order, new Uint32Array(count)),
      textStart: permute(this.textStart.values, order, new Uint32Array(count)),
      textLength: permute(textLength, order, new Uint32Array(count)),
      text: this.text.values.slice(0, this.text.length),
    };
  }
}

function intern(table: Map<string, number>, value: string): number {
  let index = table.get(value);
  if (index === undefined) {
    index = table.size;
    table.set(value, index);
  }
  return index;
}

/** rank[i] = position of values[i] in code-point order. */
function ranks(values: string[]): Uint32Array {
  const sorted = values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => compareStrings(a.value, b.value));
  const rank = new Uint32Array(values.length);
  sorted.forEach((entry, position) => (rank[entry.index] = position));
  return rank;
}

function permute<T extends Uint32Array | Uint8Array>(source: T, order: Uint32Array, target: T): T {
  for (let i = 0; i < order.length; i++) target[i] = source[order[i]!]!;
  return target;
}
