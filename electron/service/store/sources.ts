/**
 * Reads one file of the archive through the reader that recognises it (shared/readers/): the
 * file's first bytes choose the reader, then its bytes are pushed in chunks, so a huge export is
 * never held whole. A zip is opened in memory and each entry worth reading goes through the
 * readers in the same way, named `file.zip!/entry`. Files are opened without following symbolic
 * links, and only regular files are read (a FIFO planted in an archive would block forever).
 */
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { describeOpenProblem, openRegularFileSync, READ_FLAGS } from '../files/safeOpen';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../../shared/errors';
import type { FileKind } from '../../../shared/model';
import { ZIP_SEPARATOR } from '../../../shared/readers/paths';
import type { ReaderContext, ReadSink } from '../../../shared/readers/reader';
import { HEAD_BYTES } from '../../../shared/readers/reader';
import { chooseReader, FORMAT_NAMES, isCandidatePath } from '../../../shared/readers/registry';
import { MAX_WHOLE_FILE_BYTES } from '../../../shared/readers/whole';
import { readFrontMatter } from '../frontMatter';
import { describeError } from '../files/describeError';
import { looksLikeZip, openZip, ZipError, type OpenZip } from '../zip';

/** Bytes read at a time. */
const CHUNK = 4 * 1024 * 1024;
/** Files a streaming reader may read; whole-file readers stop at their own cap. */
const MAX_STREAM_BYTES = 8 * 1024 * 1024 * 1024;
/** Companion files (Slack's users.json) are small; bigger ones are not read. */
const MAX_COMPANION_BYTES = 64 * 1024 * 1024;

export interface SourceOptions {
  root: string;
  timeZone: () => string;
}

/** What reading a file on disk gave. */
export interface SourceResult {
  /** The file's content hash (sha1), or '' when it could not be read. */
  hash: string;
  size: number;
  mtime: number;
  kind: FileKind;
  /** Companion files read for it (archive-relative), so that a change to one reads it again. */
  companions: string[];
}

/** Receives the sink for each source the file holds (the file itself, or a zip's entries). */
export type SinkFor = (path: string) => ReadSink & {
  setKind(kind: FileKind): void;
  /** `read` of the file's `size` bytes have been pushed to its reader. */
  progress?(read: number, size: number): void;
};

/**
 * Reads the archive file at `path`. Problems become diagnostics through the sink; this only
 * throws for failures of the store itself.
 */
export async function readSource(
  path: string,
  options: SourceOptions,
  sinkFor: SinkFor,
): Promise<SourceResult> {
  const absolute = join(options.root, path);
  const sink = sinkFor(path);
  const skipped = (message: string | null, base = { size: 0, mtime: 0 }): SourceResult => {
    if (message !== null) sink.diagnostic({ message });
    sink.setKind('skipped');
    return { ...base, hash: '', kind: 'skipped', companions: [] };
  };
  // Synchronous reads: for thousands of small files they are several times faster than Node's
  // thread pool (the caller yields between files so the process stays responsive).
  const opened = openRegularFileSync(absolute);
  if (!opened.ok) return skipped(`Not read: ${describeOpenProblem(opened.problem)}.`);
  const fd = opened.descriptor;
  const stat = opened.info;
  let open = true;
  try {
    const base = { size: stat.size, mtime: Math.round(stat.mtimeMs) };
    const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, stat.size));
    const first = head.subarray(0, head.length === 0 ? 0 : readSync(fd, head, 0, head.length, 0));
    if (/\.zip$/i.test(path) && looksLikeZip(first)) {
      closeSync(fd);
      open = false;
      const companions: string[] = [];
      const kind = await readZip(path, absolute, options, sinkFor, sink, companions);
      const hashed = await fileHash(absolute);
      return { ...base, hash: hashed?.hash ?? '', kind, companions };
    }
    const reader = chooseReader(path, first);
    // Not a chat file at all (a site's data.json): counted as skipped, like an image.
    if (!reader) return skipped(null, base);
    const limit = Math.min(reader.maxBytes ?? MAX_WHOLE_FILE_BYTES, MAX_STREAM_BYTES);
    const companions = reader.companions?.(path) ?? [];
    if (stat.size > limit) {
      sink.diagnostic({
        message: `Not read: it is ${Math.round(stat.size / 1024 / 1024)} MB, larger than the ${Math.round(limit / 1024 / 1024)} MB a ${FORMAT_NAMES[reader.format]} file may be.`,
      });
      sink.setKind('skipped');
      return { ...base, hash: '', kind: 'skipped', companions };
    }
    const session = reader.begin(path, await contextFor(options, companions, null), sink);
    const hash = createHash('sha1');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(stat.size, 1)));
    for (let position = 0; ;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = Uint8Array.prototype.slice.call(buffer, 0, bytesRead);
      hash.update(chunk);
      session.push(chunk);
      sink.progress?.(position, stat.size);
    }
    const kind = endSafely(session, sink);
    sink.setKind(kind);
    return { ...base, hash: hash.digest('hex'), kind, companions };
  } catch (error) {
    return skipped(`Not read completely: ${describeError(error)}.`);
  } finally {
    if (open) closeSync(fd);
  }
}

/** A file's content hash (sha1), size and time, read in chunks; null when it cannot be read. */
export async function fileHash(
  absolute: string,
): Promise<{ hash: string; size: number; mtime: number } | null> {
  let handle;
  try {
    handle = await open(absolute, READ_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return null;
    const hash = createHash('sha1');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(stat.size, 1)));
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return { hash: hash.digest('hex'), size: stat.size, mtime: Math.round(stat.mtimeMs) };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** A reader that throws is a bug of ours: the file is reported, not the archive. */
function endSafely(session: { end(): FileKind }, sink: ReadSink): FileKind {
  try {
    return session.end();
  } catch (error) {
    sink.diagnostic({
      message: `Not read: the reader failed on this file (${errorMessage(error)}). Please report it.`,
    });
    return 'skipped';
  }
}

async function readZip(
  path: string,
  absolute: string,
  options: SourceOptions,
  sinkFor: SinkFor,
  sink: ReadSink & { setKind(kind: FileKind): void },
  companions: string[],
): Promise<FileKind> {
  let zip: OpenZip;
  try {
    zip = await openZip(absolute);
  } catch (error) {
    sink.diagnostic({
      message: `Not read: ${error instanceof ZipError ? error.message : errorMessage(error)}.`,
    });
    sink.setKind('skipped');
    return 'skipped';
  }
  let kind: FileKind = 'skipped';
  try {
    for (const problem of zip.problems) sink.diagnostic({ message: problem.message });
    const names = zip.entries
      .map((entry) => entry.name)
      .filter(
        (name) => isCandidatePath(name) && !name.startsWith('__MACOSX/') && !/\.zip$/i.test(name),
      );
    for (const name of names) {
      const entryPath = `${path}${ZIP_SEPARATOR}${name}`;
      const entrySink = sinkFor(entryPath);
      const entryKind = await readZipEntry(entryPath, name, zip, options, entrySink, companions);
      entrySink.setKind(entryKind);
      if (entryKind === 'chat' || (entryKind === 'timeline' && kind !== 'chat')) kind = entryKind;
      else if (entryKind === 'document' && kind === 'skipped') kind = 'document';
    }
    const nested = zip.entries.filter((entry) => /\.zip$/i.test(entry.name));
    if (nested.length > 0)
      sink.diagnostic({
        message: `${nested.length} zip file${nested.length === 1 ? '' : 's'} inside this zip ${nested.length === 1 ? 'was' : 'were'} not read (unzip ${nested.length === 1 ? 'it' : 'them'} beside it to read ${nested.length === 1 ? 'it' : 'them'}).`,
      });
  } finally {
    zip.close();
  }
  return kind;
}

/** Reads one entry of a zip whole (entries are small: a chat, a day of a channel). */
async function readZipEntry(
  entryPath: string,
  name: string,
  zip: OpenZip,
  options: SourceOptions,
  sink: ReadSink,
  companions: string[],
): Promise<FileKind> {
  try {
    const entry = zip.entries.find((each) => each.name === name)!;
    const bytes = await zip.read(name, Math.min(entry.size, MAX_WHOLE_FILE_BYTES * 4));
    const reader = chooseReader(entryPath, bytes.subarray(0, HEAD_BYTES));
    if (!reader) return 'skipped';
    const needed = reader.companions?.(entryPath) ?? [];
    for (const companion of needed) if (!companions.includes(companion)) companions.push(companion);
    const session = reader.begin(entryPath, await contextFor(options, needed, zip), sink);
    for (let at = 0; at < bytes.length; at += CHUNK) session.push(bytes.subarray(at, at + CHUNK));
    return endSafely(session, sink);
  } catch (error) {
    sink.diagnostic({
      message: `Not read: ${error instanceof ZipError ? error.message : errorMessage(error)}.`,
    });
    return 'skipped';
  }
}

/** The reader context: the archive's time zone, front matter, and the companions' bytes. */
async function contextFor(
  options: SourceOptions,
  companions: readonly string[],
  zip: OpenZip | null,
): Promise<ReaderContext> {
  const bytes = new Map<string, Uint8Array | null>();
  for (const companion of companions)
    bytes.set(companion, await readCompanion(options.root, companion, zip));
  return {
    // A getter: only readers of instants ask, and looking the zone up loads time zone data.
    get timeZone() {
      return options.timeZone();
    },
    readFrontMatter,
    companion: (path) => bytes.get(path) ?? null,
  };
}

async function readCompanion(
  root: string,
  path: string,
  zip: OpenZip | null,
): Promise<Uint8Array | null> {
  const separator = path.indexOf(ZIP_SEPARATOR);
  try {
    if (separator !== -1) {
      const name = path.slice(separator + ZIP_SEPARATOR.length);
      if (!zip || !zip.entries.some((entry) => entry.name === name)) return null;
      return await zip.read(name, MAX_COMPANION_BYTES);
    }
    const handle = await open(join(root, path), READ_FLAGS);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_COMPANION_BYTES) return null;
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
