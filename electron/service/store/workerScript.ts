/** Where the worker threads' scripts are: built beside the bundle that runs (package.json's build:node). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A worker script built beside this bundle (dist/service/store/NAME), or null: only the built
 * bundles (CommonJS) have __dirname; run from sources, the work is done on the calling thread.
 */
export function builtScript(name: string): string | null {
  if (typeof __dirname === 'undefined') return null;
  for (const folder of [__dirname, join(__dirname, '..')]) {
    const path = join(folder, 'service', 'store', name);
    if (existsSync(path)) return path;
  }
  return null;
}
