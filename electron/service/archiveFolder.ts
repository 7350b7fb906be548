/** The archive folder itself: whether it can be opened at all. */
import { stat } from 'node:fs/promises';
import { describeError } from './walk';

/** A folder that cannot be read at all: the message is one sentence for the user. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

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
