/**
 * The folders and files of an archive as the reader sees them (walk.ts's rules: links never
 * followed, hidden folders and node_modules skipped), listed without blocking, for the watcher.
 */
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { isSkippedFolder } from '../walk';

export interface FolderListing {
  folders: string[];
  files: string[];
}

/** The names in one folder, split into folders the reader enters and files; null if unreadable. */
async function listFolder(absolute: string): Promise<FolderListing | null> {
  const listing: FolderListing = { folders: [], files: [] };
  try {
    for await (const entry of await opendir(absolute)) {
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) listing.folders.push(entry.name);
      } else if (entry.isFile()) listing.files.push(entry.name);
    }
  } catch {
    return null;
  }
  return listing;
}

/**
 * Visits `start` (relative to `root`, '' for the root) and every folder below it the reader
 * enters, calling `visit` with each folder's relative path and listing; `visit` returning false
 * stops the walk.
 */
export async function visitTree(
  root: string,
  start: string,
  visit: (folder: string, listing: FolderListing) => boolean | Promise<boolean>,
): Promise<void> {
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    const listing = await listFolder(folder === '' ? root : join(root, folder));
    if (listing === null) continue;
    if (!(await visit(folder, listing))) return;
    for (const name of listing.folders) stack.push(joinRelative(folder, name));
  }
}

/** `folder/name` with `/`, or `name` at the root. */
export function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}
