/**
 * The archive is read-only: the whole e2e suite (open, navigate, search, export, settings) runs
 * between two fingerprints of every archive it uses, and they must be equal. A fingerprint covers
 * every entry's path, type, size, modification time and content (links by their target).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const visit = (folder: string, relative: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const entry = relative === '' ? name : `${relative}/${name}`;
      const info = lstatSync(path);
      hash.update(`${entry}\0${info.mode}\0${info.size}\0${info.mtimeMs}\0`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (info.isDirectory()) visit(path, entry);
      else hash.update(readFileSync(path));
    }
  };
  visit(root, '');
  return hash.digest('hex');
}
