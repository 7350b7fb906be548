/**
 * Watching by comparing: where live watching is not possible (too many folders, the system's
 * watch limit reached), the archive's files are listed every few seconds and their size,
 * modification time and inode compared. The interval grows with the archive, so a large one is
 * listed at most a tenth of the time.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { joinRelative, visitTree } from './tree';

export interface Poll {
  close(): void;
}

/** Lists once (the baseline), then reports changed paths every interval. */
export async function pollArchive(
  root: string,
  onPaths: (paths: string[]) => void,
  intervalMs: number,
): Promise<Poll> {
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let known = await signatures(root);

  const round = async () => {
    const started = performance.now();
    const now = await signatures(root);
    if (closed) return;
    const changed: string[] = [];
    for (const [path, signature] of now) if (known.get(path) !== signature) changed.push(path);
    for (const path of known.keys()) if (!now.has(path)) changed.push(path);
    known = now;
    if (changed.length > 0) onPaths(changed.sort());
    const spent = performance.now() - started;
    timer = setTimeout(() => void round(), Math.max(intervalMs, spent * 10));
  };
  if (!closed) timer = setTimeout(() => void round(), intervalMs);
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** path -> "size mtime inode" of every file the reader would see. */
async function signatures(root: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  await visitTree(root, '', async (folder, listing) => {
    const paths = listing.files.map((name) => joinRelative(folder, name));
    const infos = await Promise.all(paths.map((path) => lstat(join(root, path)).catch(() => null)));
    paths.forEach((path, index) => {
      const info = infos[index];
      if (info) result.set(path, `${info.size} ${info.mtimeMs} ${info.ino}`);
    });
    return true;
  });
  return result;
}
