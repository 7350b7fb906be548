/**
 * Writes a file all at once or not at all: the bytes go to a temporary file beside the target
 * (same folder, so the same file system), are flushed to disk, and only then take the target's
 * name. A reader never sees half a file, and a failure leaves the old file (if any) untouched and
 * no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from '../../../shared/api';
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
  if (!overwrite)
    throw new ServiceError('file-exists', `"${target}" already exists; it was left as it is.`);
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
 * Writes `bytes` to `target`. Without `overwrite`, an existing file is never replaced, even one
 * that appeared while the export was being made: the temporary file is hard-linked to the target,
 * which fails if the name is taken (where hard links are not supported, the check is made just
 * before the rename instead).
 */
export async function writeFileAtomically(
  target: string,
  bytes: Uint8Array,
  overwrite: boolean,
): Promise<void> {
  await checkTarget(target, overwrite);
  // Hidden, and named after the target so that a leftover (after a power cut) says what it was.
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temporary, target);
    else await linkWithoutReplacing(temporary, target);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('write-failed', `Cannot write "${target}": ${describeError(error)}.`);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function linkWithoutReplacing(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
    return;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST')
      throw new ServiceError('file-exists', `"${target}" already exists; it was left as it is.`);
    // FAT and some network file systems have no hard links: check, then rename.
    if (
      code !== 'EPERM' &&
      code !== 'ENOTSUP' &&
      code !== 'EOPNOTSUPP' &&
      code !== 'EXDEV' &&
      code !== 'ENOSYS'
    )
      throw error;
  }
  await checkTarget(target, false);
  await rename(temporary, target);
}
