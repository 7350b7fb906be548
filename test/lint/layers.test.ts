/**
 * The layer rules hold at any depth: ESLint (with the project's own eslint.config.mjs) refuses
 * a file in shared/ that imports electron/ or renderer/, and one in renderer/ that imports
 * electron/, however many folders down the file sits. The fixtures are linted as if they were
 * at those paths (lintText), so no file that breaks the rules lies in the repository.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, path) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/a.ts', "import { x } from '../electron/service/api';"],
    ['shared/a/b.ts', "import { x } from '../../electron/service/api';"],
    ['shared/a/b/c.ts', "export { x } from '../../../electron/cli';"],
    ['shared/a/b.ts', "import type { X } from '../../renderer/api';"],
    ['renderer/a/b.ts', "import { x } from '../../electron/service/api';"],
    ['renderer/a/b/c.tsx', "import { x } from '../../../electron/http-host';"],
  ])('refuses %s: %s', async (path, source) => {
    const errors = await importErrors(path, `${source}\nexport const used = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import (electron|renderer)\//);
  });

  it.each([
    ['shared/a/b.ts', "import { x } from '../../shared/dates';"],
    ['renderer/a/b.ts', "import { x } from '../../shared/api';"],
    ['renderer/a/b.ts', "import { x } from '../electronics';"],
  ])('allows %s: %s', async (path, source) => {
    expect(await importErrors(path, `${source}\nexport const used = x;\n`)).toEqual([]);
  });
});
