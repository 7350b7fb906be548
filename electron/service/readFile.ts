/**
 * Reads one archive file from disk and parses it. Opening never follows a symbolic link, never
 * blocks, and refuses anything but a regular file (files/safeOpen.ts).
 */
import type { ParsedFile } from '../../shared/model';
import { parseFile } from '../../shared/parse/parseFile';
import { decodeBytes } from '../../shared/text/decode';
import { openRegularFile } from './files/safeOpen';
import { readFrontMatter } from './frontMatter';
import { describeError } from './walk';
import { errorMessage } from '../../shared/errors';

/** Larger files are not read: no chat log of a day comes close, and memory must stay bounded. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface FileInfo {
  size: number;
  mtimeMs: number;
}

/**
 * Reads a file's bytes safely; a problem comes back as a sentence. `absolute` is a real path, as
 * walkArchive gives it: the file read must be exactly there (see files/safeOpen.ts).
 */
export async function readArchiveBytes(
  absolute: string,
): Promise<{ ok: true; bytes: Buffer; info: FileInfo } | { ok: false; reason: string }> {
  const opened = await openRegularFile(absolute);
  if (!opened.ok) {
    const { problem } = opened;
    if (problem.kind === 'not-regular') return { ok: false, reason: 'it is not a regular file' };
    if (problem.kind === 'moved')
      return {
        ok: false,
        reason:
          'a folder on its way was replaced by a link while the archive was read, so it was not followed',
      };
    return { ok: false, reason: `it could not be opened (${describeError(problem.error)})` };
  }
  const { handle, info } = opened;
  try {
    if (info.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        reason: `it is ${Math.round(info.size / 1024 / 1024)} MB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB a file may be`,
      };
    }
    const bytes = await handle.readFile();
    return { ok: true, bytes, info: { size: info.size, mtimeMs: info.mtimeMs } };
  } catch (error) {
    return { ok: false, reason: `it could not be read (${describeError(error)})` };
  } finally {
    await handle.close();
  }
}

/**
 * Decodes and parses bytes already read. A file that cannot be decoded is a skipped file. The
 * parser is meant never to throw; if it ever does, that file is reported, not the archive.
 */
export function parseArchiveBytes(path: string, bytes: Uint8Array): ParsedFile {
  try {
    return decodeAndParse(path, bytes);
  } catch (error) {
    return skippedFile(
      path,
      `Not read: the reader failed on this file (${errorMessage(error)}). Please report it.`,
    );
  }
}

function decodeAndParse(path: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return skippedFile(path, `Not read: ${decoded.reason}.`);
  const parsed = parseFile(path, decoded.text, readFrontMatter);
  if (decoded.warning)
    parsed.diagnostics.unshift({
      path,
      message: `Read as ${decoded.encoding}, but ${decoded.warning}.`,
    });
  return parsed;
}

export function skippedFile(path: string, message: string): ParsedFile {
  return {
    path,
    kind: 'skipped',
    day: null,
    title: null,
    messages: [],
    diagnostics: [{ path, message }],
  };
}
