/**
 * Writing a file all at once or not at all: the bytes go to a temporary file beside the target
 * (same folder, so the same file system) and only then take the target's name, so a reader never
 * sees half a file and a crash leaves the old one.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Replaces `path` with `parts` written in order (cache files: no fsync, a torn cache is rebuilt). */
export function replaceFileSync(path: string, parts: readonly Uint8Array[]): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      for (const part of parts) {
        let done = 0;
        while (done < part.length) done += writeSync(fd, part, done, part.length - done);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
