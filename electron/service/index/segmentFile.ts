/**
 * The file format of an index segment: a magic number, a small JSON header, then named sections
 * of typed arrays, each 8-byte aligned. Opening reads the header only; a section is read when a
 * query, a view or a summary first needs it, whole (columns) or a range at a time (posting lists,
 * texts) with positioned reads, so that opening costs the same at 100k and at 10M messages and
 * memory holds what is in use. Files are written whole and renamed into place, never changed.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { writeFileAtomicallySync } from '../files/atomicWrite';

const MAGIC = 'SBSEG006';
/** Cells of a section read one by one before the section is read whole. */
const CELLS_BEFORE_WHOLE = 512;
const PREFIX = 16;

export type SectionKind = 'u8' | 'u16' | 'u32' | 'f64';
export type TypedArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

const WIDTH: Record<SectionKind, number> = { u8: 1, u16: 2, u32: 4, f64: 8 };

export interface SectionEntry {
  kind: SectionKind;
  /** Byte offset from the start of the first section. */
  offset: number;
  /** Number of elements. */
  length: number;
}

export interface SegmentHeader<Info> {
  info: Info;
  sections: Record<string, SectionEntry>;
}

function kindOf(array: TypedArray): SectionKind {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Uint32Array) return 'u32';
  return 'f64';
}

function align(length: number): number {
  return Math.ceil(length / 8) * 8;
}

/** Writes a segment file atomically. */
export function writeSegmentFile<Info>(
  path: string,
  info: Info,
  sections: Record<string, TypedArray>,
): number {
  const header: SegmentHeader<Info> = { info, sections: {} };
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    header.sections[name] = { kind: kindOf(array), offset, length: array.length };
    offset += align(array.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align(PREFIX + headerBytes.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(prefix, PREFIX);
  const parts: Uint8Array[] = [prefix];
  const padding = new Uint8Array(8);
  for (const array of Object.values(sections)) {
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    const pad = align(array.byteLength) - array.byteLength;
    if (pad > 0) parts.push(padding.subarray(0, pad));
  }
  writeFileAtomicallySync(
    path,
    (descriptor) => {
      for (const part of parts) {
        for (let done = 0; done < part.length;)
          done += writeSync(descriptor, part, done, part.length - done);
      }
    },
    // A cache: a segment torn by a power cut is found and the store rebuilt.
    { mode: 0o600, durable: false },
  );
  return prefix.length + offset;
}

/** Thrown when a segment file is missing, cut short or not a segment: the store rebuilds. */
export class SegmentFileError extends Error {}

/** An open segment file: its header, and sections read on demand. */
export class SegmentFile<Info> {
  readonly header: SegmentHeader<Info>;
  /** Bytes read per section since opening (tests prove what reopening does not read). */
  readonly bytesRead = new Map<string, number>();
  private readonly fd: number;
  private readonly base: number;
  private readonly cache = new Map<string, TypedArray>();
  private readonly cellReads = new Map<string, number>();

  constructor(readonly path: string) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw new SegmentFileError(`cannot open ${path}: ${(error as Error).message}`);
    }
    this.fd = fd;
    try {
      const prefix = Buffer.alloc(PREFIX);
      if (
        readSync(fd, prefix, 0, PREFIX, 0) !== PREFIX ||
        prefix.toString('latin1', 0, 8) !== MAGIC
      )
        throw new SegmentFileError(`${path} is not a segment of this version`);
      const headerLength = prefix.readUInt32LE(8);
      const headerBytes = Buffer.alloc(headerLength);
      if (readSync(fd, headerBytes, 0, headerLength, PREFIX) !== headerLength)
        throw new SegmentFileError(`${path} is cut short`);
      this.header = JSON.parse(headerBytes.toString('utf8')) as SegmentHeader<Info>;
      this.base = align(PREFIX + headerLength);
      let end = this.base;
      for (const entry of Object.values(this.header.sections))
        end = Math.max(end, this.base + entry.offset + entry.length * WIDTH[entry.kind]);
      if (fstatSync(fd).size < end) throw new SegmentFileError(`${path} is cut short`);
    } catch (error) {
      closeSync(fd);
      throw error instanceof SegmentFileError
        ? error
        : new SegmentFileError(`${path} is damaged: ${(error as Error).message}`);
    }
  }

  get info(): Info {
    return this.header.info;
  }

  has(name: string): boolean {
    return name in this.header.sections;
  }

  length(name: string): number {
    return this.entry(name).length;
  }

  /** A whole section, read once and kept. */
  section<T extends TypedArray>(name: string): T {
    let array = this.cache.get(name);
    if (!array) {
      array = this.range(name, 0, this.entry(name).length);
      this.cache.set(name, array);
    }
    return array as T;
  }

  /**
   * One element of a section: read alone while few are asked for, the whole section once many
   * are (showing 20 search hits reads 20 cells, not two 4 MB columns).
   */
  at(name: string, index: number): number {
    const kept = this.cache.get(name);
    if (kept) return kept[index]!;
    const asked = (this.cellReads.get(name) ?? 0) + 1;
    this.cellReads.set(name, asked);
    if (asked > CELLS_BEFORE_WHOLE) return this.section(name)[index]!;
    return this.range(name, index, 1)[0]!;
  }

  /** Whether a section is held in memory already. */
  isLoaded(name: string): boolean {
    return this.cache.has(name);
  }

  /** Elements [start, start + count) of a section, read from the file (or the kept copy). */
  range<T extends TypedArray>(name: string, start: number, count: number): T {
    return this.read<T>(name, start, count, null);
  }

  /**
   * Like range, but read into `scratch` (grown when too small) rather than fresh memory, for the
   * many short-lived reads of one query: fresh memory is slow to touch on a busy machine, and the
   * result is only valid until the scratch is used again.
   */
  rangeInto<T extends TypedArray>(
    name: string,
    start: number,
    count: number,
    scratch: { buffer: ArrayBuffer },
  ): T {
    return this.read<T>(name, start, count, scratch);
  }

  private read<T extends TypedArray>(
    name: string,
    start: number,
    count: number,
    scratch: { buffer: ArrayBuffer } | null,
  ): T {
    const kept = this.cache.get(name);
    if (kept) return kept.subarray(start, start + count) as T;
    const entry = this.entry(name);
    const width = WIDTH[entry.kind];
    if (start < 0 || count < 0 || start + count > entry.length)
      throw new SegmentFileError(`${this.path}: ${name}[${start}, +${count}) is out of range`);
    let buffer: ArrayBuffer;
    if (scratch === null) buffer = new ArrayBuffer(count * width);
    else {
      if (scratch.buffer.byteLength < count * width)
        scratch.buffer = new ArrayBuffer(Math.max(count * width, scratch.buffer.byteLength * 2));
      buffer = scratch.buffer;
    }
    const bytes = new Uint8Array(buffer, 0, count * width);
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(
        this.fd,
        bytes,
        done,
        bytes.length - done,
        this.base + entry.offset + start * width + done,
      );
      if (read === 0) throw new SegmentFileError(`${this.path} is cut short`);
      done += read;
    }
    this.bytesRead.set(name, (this.bytesRead.get(name) ?? 0) + bytes.length);
    switch (entry.kind) {
      case 'u8':
        return bytes as T;
      case 'u16':
        return new Uint16Array(buffer, 0, count) as T;
      case 'u32':
        return new Uint32Array(buffer, 0, count) as T;
      default:
        return new Float64Array(buffer, 0, count) as T;
    }
  }

  /** Drops kept sections (after a change they are read again). */
  forget(name?: string): void {
    if (name === undefined) this.cache.clear();
    else this.cache.delete(name);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }

  private entry(name: string): SectionEntry {
    const entry = this.header.sections[name];
    if (!entry) throw new SegmentFileError(`${this.path} has no section ${name}`);
    return entry;
  }
}
