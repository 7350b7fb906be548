/**
 * Zip files of the archive (WhatsApp's shared chat, a Slack export) read in memory: nothing is
 * ever extracted to disk. yauzl reads the central directory and inflates one entry at a time
 * from the open file (random access, so a big zip is never held whole). Every entry is checked
 * before it is read: a name climbing out of the zip (`../`, absolute, drive letters), a size over
 * the cap, or a compression ratio only a zip bomb has, is skipped with a sentence saying why,
 * and the other entries are still read.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type yauzlType from 'yauzl';
import { errorMessage } from '../../shared/errors';
import { READ_FLAGS } from './files/safeOpen';

/** More entries than this are not listed: no chat export comes close. */
const MAX_ENTRIES = 500_000;
/** An entry inflating to more than this many times its compressed size is a zip bomb. */
const MAX_RATIO = 200;
/** Small entries may compress well (a text of one repeated line): the ratio applies above this. */
const RATIO_FREE_BYTES = 1024 * 1024;

export interface ZipEntry {
  /** The entry's path inside the zip, `/`-separated. */
  name: string;
  size: number;
}

export interface OpenZip {
  entries: ZipEntry[];
  /** Entries that were skipped, each with a sentence. */
  problems: { name: string; message: string }[];
  /** Inflates an entry in chunks, refusing to go past `maxBytes`. */
  stream(name: string, onChunk: (chunk: Uint8Array) => void, maxBytes: number): Promise<void>;
  /** Inflates an entry whole (at most `maxBytes`). */
  read(name: string, maxBytes: number): Promise<Uint8Array>;
  close(): void;
}

export class ZipError extends Error {}

// Loaded on first use: most archives hold no zip.
let loaded: typeof yauzlType | null = null;
function yauzl(): typeof yauzlType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yauzl') as typeof yauzlType;
  return loaded;
}

/** Whether bytes start like a zip (a local file header, or an empty zip's end record). */
export function looksLikeZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  );
}

/** Opens a zip of the archive: never through a symbolic link, and only a regular file. */
export async function openZip(absolute: string): Promise<OpenZip> {
  let handle;
  try {
    handle = await open(absolute, READ_FLAGS);
  } catch (error) {
    throw new ZipError(`it could not be opened (${errorMessage(error)})`);
  }
  const fd = handle.fd;
  let zip: yauzlType.ZipFile;
  try {
    if (!(await handle.stat()).isFile()) throw new ZipError('it is not a regular file');
    zip = await new Promise<yauzlType.ZipFile>((resolve, reject) =>
      yauzl().fromFd(
        fd,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
        (error, file) => (error ? reject(error) : resolve(file)),
      ),
    );
  } catch (error) {
    await handle.close();
    throw error instanceof ZipError
      ? error
      : new ZipError(`it is not a zip that can be read (${errorMessage(error)})`);
  }
  const byName = new Map<string, yauzlType.Entry>();
  const problems: OpenZip['problems'] = [];
  try {
    await listEntries(zip, byName, problems);
  } catch (error) {
    zip.close();
    await handle.close();
    throw new ZipError(`its list of files is damaged (${errorMessage(error)})`);
  }
  const stream = (name: string, onChunk: (chunk: Uint8Array) => void, maxBytes: number) =>
    new Promise<void>((resolve, reject) => {
      const entry = byName.get(name);
      if (!entry) return reject(new ZipError(`there is no "${name}" in it`));
      if (entry.uncompressedSize > maxBytes)
        return reject(new ZipError(`"${name}" would inflate to more than ${megabytes(maxBytes)}`));
      zip.openReadStream(entry, (error: Error | null, readable: Readable) => {
        if (error) return reject(new ZipError(`"${name}" could not be read (${error.message})`));
        let total = 0;
        readable.on('data', (chunk: Buffer) => {
          total += chunk.length;
          // yauzl checks the sizes too; this guards a lying header on the way.
          if (total > maxBytes) {
            readable.destroy(
              new ZipError(`"${name}" inflates to more than ${megabytes(maxBytes)}`),
            );
            return;
          }
          onChunk(chunk);
        });
        readable.once('error', (failure: Error) =>
          reject(
            failure instanceof ZipError
              ? failure
              : new ZipError(`"${name}" could not be read (${failure.message})`),
          ),
        );
        readable.once('end', () => resolve());
      });
    });
  return {
    entries: [...byName.values()].map((entry) => ({
      name: nameOf(entry),
      size: entry.uncompressedSize,
    })),
    problems,
    stream,
    async read(name, maxBytes) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      await stream(name, (chunk) => (chunks.push(chunk), (size += chunk.length)), maxBytes);
      return Buffer.concat(chunks, size);
    },
    close() {
      zip.close();
      void handle.close().catch(() => undefined);
    },
  };
}

function nameOf(entry: yauzlType.Entry): string {
  return (entry as unknown as { checkedName: string }).checkedName;
}

function listEntries(
  zip: yauzlType.ZipFile,
  byName: Map<string, yauzlType.Entry>,
  problems: OpenZip['problems'],
): Promise<void> {
  return new Promise((resolve, reject) => {
    let count = 0;
    zip.on('entry', (entry: yauzlType.Entry) => {
      if (++count > MAX_ENTRIES) {
        problems.push({ name: '', message: `Only its first ${MAX_ENTRIES} entries were read.` });
        resolve();
        return;
      }
      const name = yauzl().getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      const invalid = yauzl().validateFileName(name);
      if (invalid !== null) {
        problems.push({
          name,
          message: `The zip entry "${name}" was not read: its name is unsafe (${invalid}).`,
        });
      } else if (!name.endsWith('/')) {
        if (entry.isEncrypted())
          problems.push({
            name,
            message: `The zip entry "${name}" is encrypted and was not read.`,
          });
        else if (
          entry.uncompressedSize > RATIO_FREE_BYTES &&
          entry.uncompressedSize > entry.compressedSize * MAX_RATIO
        )
          problems.push({
            name,
            message: `The zip entry "${name}" was not read: it would inflate ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times (${megabytes(entry.uncompressedSize)}), as only a zip bomb does.`,
          });
        else {
          (entry as unknown as { checkedName: string }).checkedName = name;
          byName.set(name, entry);
        }
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
