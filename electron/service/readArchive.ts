/**
 * Reads a whole archive folder into memory: walk, read, decode, parse, build. One bad file never
 * stops the others; each gives a diagnostic instead.
 */
import { stat } from 'node:fs/promises';
import { buildArchive, type Archive } from '../../shared/archive/build';
import type { Diagnostic, ParsedFile } from '../../shared/model';
import { isCandidateFile } from '../../shared/parse/parseFile';
import { parseArchiveBytes, readArchiveBytes, skippedFile } from './readFile';
import { describeError, walkArchive } from './walk';

export interface ReadProgress {
  done: number;
  total: number;
}

/** A folder that cannot be read at all: the message is one sentence for the user. */
export class ArchiveError extends Error {}

/** How many files are read at once: enough to hide disk latency, few enough to bound memory. */
const READ_CONCURRENCY = 8;

export async function checkArchiveFolder(root: string): Promise<void> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    throw new ArchiveError(`Cannot open the archive folder "${root}": ${describeError(error)}.`);
  }
  if (!info.isDirectory())
    throw new ArchiveError(`Cannot open "${root}" as an archive: it is not a folder.`);
}

export async function readArchive(
  root: string,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Archive> {
  await checkArchiveFolder(root);
  const problems: Diagnostic[] = [];
  let entries;
  try {
    entries = await walkArchive(root, (problem) => problems.push(problem));
  } catch (error) {
    throw new ArchiveError(`Cannot read the archive folder "${root}": ${describeError(error)}.`);
  }
  const candidates = entries.filter((entry) => isCandidateFile(entry.path));
  const skipped = entries.length - candidates.length;
  const parsed: ParsedFile[] = new Array(candidates.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const index = next++;
      const entry = candidates[index]!;
      const read = await readArchiveBytes(entry.absolute);
      parsed[index] = read.ok
        ? parseArchiveBytes(entry.path, read.bytes)
        : skippedFile(entry.path, `Not read: ${read.reason}.`);
      onProgress?.({ done: ++done, total: candidates.length });
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return buildArchive(parsed, skipped, problems);
}
