/**
 * Scales ../shared/archive-sample up to a million messages or more for timing: copy k of the
 * sample goes into folder `group<k mod 16>-<original folder>` with its years shifted by
 * floor(k / 16), so there are 64 conversations spanning many years, as in a long-lived archive.
 * Files are copied byte for byte (only their names change), into a temporary folder that is
 * kept and reused by later runs.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const GROUPS = 16;

function listFiles(root: string, folder = root): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const absolute = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(root, absolute));
    else if (entry.isFile() && /\.(md|markdown)$/.test(entry.name))
      files.push(relative(root, absolute));
  }
  return files.sort();
}

/** The replica's path of one sample file in copy `copy`. */
function replicaPath(path: string, copy: number): string {
  const parts = path.split('/');
  parts[0] = `group${String(copy % GROUPS).padStart(2, '0')}-${parts[0]}`;
  const name = parts[parts.length - 1]!;
  parts[parts.length - 1] = name.replace(/^(\d{4})/, (year) =>
    String(Number(year) + Math.floor(copy / GROUPS)),
  );
  return parts.join('/');
}

/**
 * Returns the folder of a replica with `copies` copies of `sample`, building it when no finished
 * one exists (a marker file is written last, so an interrupted build is started over).
 */
export function replicateSample(sample: string, copies: number): string {
  const root = join(tmpdir(), `scrollback-bench-archive-${copies}`);
  const marker = join(root, '.complete');
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  const files = listFiles(sample).map((path) => ({
    path,
    bytes: readFileSync(join(sample, path)),
  }));
  for (let copy = 0; copy < copies; copy++) {
    for (const file of files) {
      const target = join(root, replicaPath(file.path, copy));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, file.bytes);
    }
  }
  writeFileSync(marker, new Date().toISOString());
  return root;
}

export function archiveBytes(root: string): number {
  let total = 0;
  for (const path of listFiles(root)) total += statSync(join(root, path)).size;
  return total;
}
