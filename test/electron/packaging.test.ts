/**
 * The packaged app's Electron fuses, as the Electron security checklist recommends: no running
 * as plain Node (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS, no --inspect, cookies encrypted, the
 * app loaded only from its ASAR archive, whose integrity is checked, and no extra privileges for
 * file: pages. electron-builder 26 flips them from package.json's build.electronFuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const build = (
  JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    build: { electronFuses?: Record<string, boolean>; files: string[]; asar?: boolean };
  }
).build;

describe('the packaged app', () => {
  it('sets the Electron fuses the security checklist recommends', () => {
    expect(build.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(build.asar).toBe(true);
  });

  it('names only fuses electron-builder knows (a misspelt one would be ignored)', () => {
    const schemePath = createRequire(resolve(ROOT, 'package.json')).resolve(
      'app-builder-lib/scheme.json',
    );
    const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(build.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual(
      [],
    );
  });

  it('leaves out playwright-core: the app prints PDF with Electron itself', () => {
    expect(build.files).toContain('!node_modules/playwright-core/**');
  });
});
