/**
 * The search index saved beside the database, so that reopening an unchanged archive loads it
 * in one read instead of rebuilding it. One file: a magic number, a JSON header (names, sizes,
 * and the store generation it was built from) and the typed arrays, each 8-byte aligned, which
 * are used in place as views of the file's buffer. A file that does not match is ignored.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Corpus } from '../search/corpus';
import type { Postings } from '../search/postings';

const MAGIC = 'SBINDEX2';

type ArrayKind = 'u8' | 'u16' | 'u32';
type Typed = Uint8Array | Uint16Array | Uint32Array;

const CORPUS_ARRAYS = [
  'conversation',
  'speaker',
  'day',
  'seconds',
  'path',
  'line',
  'features',
  'row',
  'textStart',
  'textLength',
  'text',
] as const;
const POSTING_ARRAYS = [
  'unigramOffsets',
  'unigramCounts',
  'unigramBytes',
  'bigramKeys',
  'bigramOffsets',
  'bigramCounts',
  'bigramBytes',
] as const;

interface Header {
  generation: string;
  count: number;
  conversationNames: string[];
  speakerNames: string[];
  pathNames: string[];
  arrays: Record<string, { kind: ArrayKind; offset: number; length: number }>;
}

function kindOf(array: Typed): ArrayKind {
  return array instanceof Uint8Array ? 'u8' : array instanceof Uint16Array ? 'u16' : 'u32';
}

export function writeSnapshot(
  path: string,
  generation: string,
  corpus: Corpus,
  postings: Postings,
): void {
  const arrays: [string, Typed][] = [
    ...CORPUS_ARRAYS.map((name) => [name, corpus[name]] as [string, Typed]),
    ...POSTING_ARRAYS.map((name) => [name, postings[name]] as [string, Typed]),
  ];
  const header: Header = {
    generation,
    count: corpus.count,
    conversationNames: corpus.conversationNames,
    speakerNames: corpus.speakerNames,
    pathNames: corpus.pathNames,
    arrays: {},
  };
  let offset = 0;
  for (const [name, array] of arrays) {
    header.arrays[name] = { kind: kindOf(array), offset, length: array.length };
    offset += align(array.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align(16 + headerBytes.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(prefix, 16);

  const temporary = `${path}.${process.pid}.tmp`;
  const handle = openSync(temporary, 'w');
  try {
    writeSync(handle, prefix);
    const padding = Buffer.alloc(8);
    for (const [, array] of arrays) {
      writeSync(handle, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      const pad = align(array.byteLength) - array.byteLength;
      if (pad > 0) writeSync(handle, padding, 0, pad);
    }
  } finally {
    closeSync(handle);
  }
  // Renamed into place only when complete: a crash mid-write never leaves a torn index.
  renameSync(temporary, path);
}

/** The saved index, or null when there is none or it was built from another generation. */
export function readSnapshot(
  path: string,
  generation: string,
): { corpus: Corpus; postings: Postings } | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  try {
    if (file.length < 16 || file.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = file.readUInt32LE(8);
    const header = JSON.parse(file.toString('utf8', 16, 16 + headerLength)) as Header;
    if (header.generation !== generation) return null;
    // Views need aligned memory; a small file may sit at an odd offset of Node's buffer pool.
    const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
    const base = bytes.byteOffset + align(16 + headerLength);
    const view = (name: string): Typed => {
      const entry = header.arrays[name];
      if (!entry) throw new Error(`missing ${name}`);
      const size = entry.kind === 'u8' ? 1 : entry.kind === 'u16' ? 2 : 4;
      if (base + entry.offset + entry.length * size > bytes.byteOffset + bytes.length)
        throw new Error(`${name} is cut short`);
      const Type =
        entry.kind === 'u8' ? Uint8Array : entry.kind === 'u16' ? Uint16Array : Uint32Array;
      return new Type(bytes.buffer as ArrayBuffer, base + entry.offset, entry.length);
    };
    // Object literals with every field, so the engine's hot loops see one fixed shape.
    const corpus: Corpus = {
      count: header.count,
      conversationNames: header.conversationNames,
      speakerNames: header.speakerNames,
      pathNames: header.pathNames,
      conversation: view('conversation') as Uint32Array,
      speaker: view('speaker') as Uint32Array,
      day: view('day') as Uint32Array,
      seconds: view('seconds') as Uint32Array,
      path: view('path') as Uint32Array,
      line: view('line') as Uint32Array,
      features: view('features') as Uint8Array,
      row: view('row') as Uint32Array,
      textStart: view('textStart') as Uint32Array,
      textLength: view('textLength') as Uint32Array,
      text: view('text') as Uint16Array,
    };
    const postings: Postings = {
      unigramOffsets: view('unigramOffsets') as Uint32Array,
      unigramCounts: view('unigramCounts') as Uint32Array,
      unigramBytes: view('unigramBytes') as Uint8Array,
      bigramKeys: view('bigramKeys') as Uint32Array,
      bigramOffsets: view('bigramOffsets') as Uint32Array,
      bigramCounts: view('bigramCounts') as Uint32Array,
      bigramBytes: view('bigramBytes') as Uint8Array,
    };
    if (corpus.row.length !== corpus.count || postings.unigramOffsets.length !== 0x10001)
      return null;
    return { corpus, postings };
  } catch {
    return null;
  }
}

export function removeSnapshot(path: string): void {
  rmSync(path, { force: true });
}

function align(length: number): number {
  return Math.ceil(length / 8) * 8;
}
