/** The archive folder itself: whether it can be opened at all. */
import { statSync } from 'node:fs';
import { describeError } from './files/describeError';

/** A folder that cannot be read at all: the message is one sentence for the user. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export async function checkArchiveFolder(root: string): Promise<void> {
  let info;
  try {
    // One stat, synchronous: node:fs/promises would cost every one-shot command its loading.
    info = statSync(root);
  } catch (error) {
    throw new ArchiveError(`Cannot open the archive folder "${root}": ${describeError(error)}.`);
  }
  if (!info.isDirectory())
    throw new ArchiveError(`Cannot open "${root}" as an archive: it is not a folder.`);
}
