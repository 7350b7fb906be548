/**
 * Where an export may be written, and the write itself: an existing file is replaced only with
 * `overwrite`, a folder never, and the bytes arrive all at once (files/atomicWrite.ts).
 */
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ServiceError } from '../../../shared/api';
import { TargetExistsError, writeFileAtomically } from '../files/atomicWrite';
import { describeError } from '../walk';

/** Refuses early, before any work, when the target exists and may not be replaced or is a folder. */
export async function checkTarget(target: string, overwrite: boolean): Promise<void> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return checkFolder(dirname(target));
    throw new ServiceError('write-failed', `Cannot write "${target}": ${describeError(error)}.`);
  }
  if (info.isDirectory())
    throw new ServiceError(
      'write-failed',
      `Cannot write "${target}": it is a folder. Choose a file name.`,
    );
  if (!overwrite) throw new ServiceError('file-exists', new TargetExistsError(target).message);
}

async function checkFolder(folder: string): Promise<void> {
  let info;
  try {
    info = await lstat(folder);
  } catch (error) {
    throw new ServiceError(
      'write-failed',
      `Cannot write into "${folder}": ${describeError(error)}.`,
    );
  }
  if (!info.isDirectory())
    throw new ServiceError('write-failed', `Cannot write into "${folder}": it is not a folder.`);
}

/** Writes the export; failures become the ServiceError a user reads. */
export async function writeExport(
  target: string,
  bytes: Uint8Array,
  overwrite: boolean,
): Promise<void> {
  await checkTarget(target, overwrite);
  try {
    await writeFileAtomically(target, bytes, { replace: overwrite });
  } catch (error) {
    if (error instanceof TargetExistsError) throw new ServiceError('file-exists', error.message);
    throw new ServiceError('write-failed', `Cannot write "${target}": ${describeError(error)}.`);
  }
}
