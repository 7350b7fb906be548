/** A path's lstat, or undefined when it is gone or cannot be stat'ed: what every check compares. */
import { lstatSync } from 'node:fs';

export function statOrNothing(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
