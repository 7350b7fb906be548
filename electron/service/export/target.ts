/**
 * Where an export may be written, and the write itself: a folder is never replaced, and the
 * bytes arrive all at once (files/atomicWrite.ts).
 */
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ServiceError } from '../../../shared/api';
import { TargetExistsError, writeFileAtomically } from '../files/atomicWrite';
import { describeError } from '../files/describeError';

/**
 * Whether a file is at `target` now; refuses a folder there, or a folder to write into that is
 * missing or not a folder.
 */
export async function targetExists(target: string): Promise<boolean> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT')
      throw new ServiceError('write-failed', `Cannot write "${target}": ${describeError(error)}.`);
    await checkFolder(dirname(target));
    return false;
  }
  if (info.isDirectory())
    throw new ServiceError(
      'write-failed',
      `Cannot write "${target}": it is a folder. Choose a file name.`,
    );
  return true;
}

export function fileExists(target: string): ServiceError {
  return new ServiceError('file-exists', new TargetExistsError(target).message);
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

/**
 * Writes the export, replacing a file at `target` only when `replace`; failures become the
 * ServiceError a user reads.
 */
export async function writeExport(
  target: string,
  bytes: Uint8Array,
  replace: boolean,
): Promise<void> {
  try {
    await writeFileAtomically(target, bytes, { replace });
  } catch (error) {
    if (error instanceof TargetExistsError) throw fileExists(target);
    throw new ServiceError('write-failed', `Cannot write "${target}": ${describeError(error)}.`);
  }
}
