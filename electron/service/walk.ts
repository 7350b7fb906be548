/**
 * Lists the files of an archive folder at any depth. Symbolic links are never followed (a link
 * may point out of the archive or into a loop), not even a folder swapped for one while the walk
 * runs (files/safeOpen.ts), hidden folders and node_modules are skipped, and there is no cap on
 * the number of files. Paths come back relative, with `/` separators; absolute paths start from
 * the root's real path, so that opening them can check nothing on the way is a link.
 */
import { realpath } from 'node:fs/promises';
import { describeError } from './files/describeError';
import { under } from './files/plainPath';
import { openFolder } from './files/safeOpen';
import { statOrNothing } from './files/statOrNothing';
import { compareStrings } from '../../shared/archive/compare';

export interface WalkEntry {
  /** Relative to the archive root, `/`-separated. */
  path: string;
  /** Below the real path of the root. */
  absolute: string;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/**
 * What the last walk found, for folders whose time has not changed since: their names are the
 * same, so they are not listed again (a new day file costs one folder's listing, not 11,000
 * files'). Folders that could not be opened are never reported unchanged: they are tried again.
 */
export interface PreviousListing {
  /** Whether the folder (relative, '' for the root) is as the last walk found it. */
  unchanged(relative: string, mtime: number): boolean;
  /** The files the last walk kept of an unchanged folder (names). */
  files(relative: string): readonly string[];
  /** Its subfolders (names). */
  folders(relative: string): readonly string[];
}

export async function walkArchive(
  root: string,
  onProblem: (problem: WalkProblem) => void,
  /**
   * Called with every folder walked (relative, '' for the root), its modification time seen
   * before it was listed, and whether its previous listing was used instead of listing it.
   */
  onFolder?: (path: string, mtime: number, reused: boolean) => void,
  previous?: PreviousListing,
): Promise<WalkEntry[]> {
  const files: WalkEntry[] = [];
  // An explicit stack rather than recursion: a folder 10,000 levels deep is still just data.
  const stack: { absolute: string; relative: string }[] = [
    { absolute: await realpath(root), relative: '' },
  ];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    // Its time before its names are read: a file added meanwhile changes it again. One stat,
    // synchronous: through the thread pool, a thousand folders took 100 ms.
    const mtime = statOrNothing(folder.absolute)?.mtimeMs ?? -1;
    if (previous && mtime !== -1 && previous.unchanged(folder.relative, mtime)) {
      onFolder?.(folder.relative, mtime, true);
      const prefix = folder.relative === '' ? '' : `${folder.relative}/`;
      const inside = under(folder.absolute);
      for (const name of previous.files(folder.relative))
        files.push({ path: prefix + name, absolute: inside(name) });
      for (const name of previous.folders(folder.relative))
        stack.push({ absolute: inside(name), relative: prefix + name });
      continue;
    }
    let opened;
    try {
      opened = await openFolder(folder.absolute);
    } catch (error) {
      if (folder.relative === '') throw error;
      onProblem({
        path: folder.relative,
        message: `This folder could not be opened (${describeError(error)}); its files were not read.`,
      });
      continue;
    }
    onFolder?.(folder.relative, mtime, false);
    const children: { name: string; isFolder: boolean }[] = [];
    try {
      for await (const entry of opened.dir) {
        if (entry.isSymbolicLink()) continue;
        if (entry.isDirectory()) {
          if (isSkippedFolder(entry.name)) continue;
          children.push({ name: entry.name, isFolder: true });
        } else if (entry.isFile()) {
          children.push({ name: entry.name, isFolder: false });
        }
      }
    } finally {
      await opened.close();
    }
    // Sorted so that every run lists the same archive in the same order.
    children.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const inside = under(folder.absolute);
    for (const child of children) {
      const relative = folder.relative === '' ? child.name : `${folder.relative}/${child.name}`;
      const absolute = inside(child.name);
      if (child.isFolder) stack.push({ absolute, relative });
      else files.push({ path: relative, absolute });
    }
  }
  files.sort((a, b) => compareStrings(a.path, b.path));
  return files;
}

/** Folders the reader never enters: hidden ones (.git, .cache ...) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}
