/**
 * What the built program loads at run time is installed with it: every package dist/cli.js and
 * dist/main.js require or import is a dependency of package.json, not a dev dependency (PDF
 * export imported playwright-core, a dev dependency, so an installed CLI failed with a stack
 * trace). Electron itself is the app's runtime, provided by electron-builder.
 */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** Bare package names a bundle loads: require("x"), import("x"), x/sub counted as x. */
function packagesLoaded(bundle: string): string[] {
  const code = readFileSync(resolve(ROOT, 'dist', bundle), 'utf8');
  const names = new Set<string>();
  for (const match of code.matchAll(/\b(?:require|import)\("([^".][^"]*)"\)/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return [...names].sort();
}

/** What the CLI runs: its entry, the commands it loads on demand, and its worker threads. */
const CLI_BUNDLES = [
  'cli.js',
  ...['stats', 'search', 'export', 'serve'].map((command) => `commands/${command}.js`),
  'service/store/ingestWorker.js',
  'service/store/writeWorker.js',
  'service/store/statWorker.js',
];

describe('the built program', () => {
  it.each([...CLI_BUNDLES, 'main.js'])('%s loads only packages installed with it', (bundle) => {
    expect(existsSync(resolve(ROOT, 'dist', bundle)), 'run "npm run build" first').toBe(true);
    const missing = packagesLoaded(bundle).filter(
      (name) => name !== 'electron' && !(name in manifest.dependencies),
    );
    expect(missing).toEqual([]);
  });

  it.each([...CLI_BUNDLES, 'main.js'])(
    '%s is pure ASCII (V8 keeps it as one-byte text: a one-shot command starts sooner)',
    (bundle) => {
      const code = readFileSync(resolve(ROOT, 'dist', bundle), 'utf8');
      expect(code.match(/[^\x00-\x7f]/)?.[0]).toBeUndefined();
    },
  );

  it('finds playwright-core among what the CLI loads (the check sees dynamic imports)', () => {
    expect(CLI_BUNDLES.flatMap(packagesLoaded)).toContain('playwright-core');
  });
});
