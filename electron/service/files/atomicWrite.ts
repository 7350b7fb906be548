/**
 * The one way Scrollback writes a file it must never leave half-written (exports, settings, the
 * app's window state, the store's index segments): the bytes go to a temporary file beside the
 * target (same folder, so the same file system), are flushed to disk, and only then take the
 * target's name. A reader never sees half a file, and a failure leaves the old file (if any)
 * untouched and no temporary file behind.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Loaded on first use: the store's segment files come through here, and every one-shot command
// would otherwise pay for loading node:crypto and node:fs/promises (6-10 ms) it never uses.
const fsPromises = () => process.getBuiltinModule('node:fs/promises');
const randomHex = (bytes: number) =>
  process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');

export interface AtomicWriteOptions {
  /**
   * Whether an existing file at the target may be replaced. When false, a file that appears at
   * the target while the bytes are being written is not replaced either: the temporary file is
   * hard-linked to the target, which fails if the name is taken (where hard links are not
   * supported, the target is checked just before the rename instead).
   */
  replace: boolean;
  /** Permissions of a new file (default 0o666 less the umask). */
  mode?: number;
}

/** Thrown (code 'EEXIST') when the target exists and `replace` is false. */
export class TargetExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly target: string) {
    super(`"${target}" already exists; it was left as it is.`);
  }
}

/**
 * A temporary name beside the target: hidden, and named after the target so that a leftover
 * (after a power cut) says what it was.
 */
function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex(4)}.tmp`);
}

/** Writes `content` (bytes, or a function writing through the open handle) to `target`. */
export async function writeFileAtomically(
  target: string,
  content: Uint8Array | string | ((handle: FileHandle) => Promise<void>),
  options: AtomicWriteOptions,
): Promise<void> {
  const temporary = temporaryPathFor(target);
  const files = fsPromises();
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    const handle = await files.open(temporary, 'wx', options.mode);
    try {
      if (typeof content === 'function') await content(handle);
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.replace) await files.rename(temporary, target);
    else await linkWithoutReplacing(temporary, target);
  } finally {
    await files.unlink(temporary).catch(() => undefined);
  }
}

/**
 * The same, synchronously and always replacing, for writers that cannot wait (the app's window
 * state on close, the store's index segments inside a transaction): `write` gets the open
 * descriptor. `durable: false` skips the flush to disk, for caches (a torn cache is rebuilt).
 */
export function writeFileAtomicallySync(
  target: string,
  write: (descriptor: number) => void,
  options: { mode?: number; durable?: boolean } = {},
): void {
  const temporary = temporaryPathFor(target);
  try {
    const descriptor = openSync(temporary, 'wx', options.mode);
    try {
      write(descriptor);
      if (options.durable !== false) fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Renamed into place: nothing left to remove.
    }
  }
}

/** Error codes of file systems without hard links (FAT, some network file systems). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);

async function linkWithoutReplacing(temporary: string, target: string): Promise<void> {
  const files = fsPromises();
  try {
    await files.link(temporary, target);
    return;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') throw new TargetExistsError(target);
    if (typeof code !== 'string' || !NO_HARD_LINKS.has(code)) throw error;
  }
  const taken = await files.lstat(target).then(
    () => true,
    () => false,
  );
  if (taken) throw new TargetExistsError(target);
  await files.rename(temporary, target);
}
