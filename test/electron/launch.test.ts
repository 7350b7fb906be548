import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempArchive } from '../fixtures/archive';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm start (electron/launch.mjs)', () => {
  // A copy of the launcher in a fake project, so the test controls what node_modules holds.
  const project = tempArchive('scrollback-launch-');
  mkdirSync(join(project.root, 'electron'));
  cpSync(join(ROOT, 'electron/launch.mjs'), join(project.root, 'electron/launch.mjs'));
  project.write('dist/main.js', '');
  project.write('node_modules/electron/package.json', '{}');
  const launch = (args: string[], env: Record<string, string> = {}) => {
    const environment: Record<string, string | undefined> = { ...process.env, ...env };
    if (!('ELECTRON_OVERRIDE_DIST_PATH' in env)) delete environment.ELECTRON_OVERRIDE_DIST_PATH;
    return spawnSync(process.execPath, [join(project.root, 'electron/launch.mjs'), ...args], {
      encoding: 'utf8',
      env: environment,
    });
  };
  afterAll(() => project.remove());

  it('says in one sentence that Electron is missing and points to scrollback serve', () => {
    const result = launch(['/some/folder']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Electron');
    expect(result.stderr).toContain('serve <folder>');
  });

  // The fake binary is a shell script.
  it.skipIf(process.platform === 'win32')(
    'starts Electron with dist/main.js and the folder when the binary is there',
    () => {
      project.write('node_modules/electron/path.txt', 'electron');
      const binary = project.write('node_modules/electron/dist/electron', `#!/bin/sh\necho "$@"\n`);
      chmodSync(binary, 0o755);
      const result = launch(['/some/folder']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(`${join(project.root, 'dist/main.js')} /some/folder`);
      writeFileSync(join(project.root, 'node_modules/electron/path.txt'), 'missing-binary');
      expect(launch([]).status).toBe(1);
    },
  );
});
