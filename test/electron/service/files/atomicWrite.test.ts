/** The one atomic write: whole files or nothing, no replacing unless asked, nothing left behind. */
import { readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TargetExistsError,
  writeFileAtomically,
  writeFileAtomicallySync,
} from '../../../../electron/service/files/atomicWrite';
import { tempArchive, type TempArchive } from '../../../fixtures/archive';

describe('writeFileAtomically', () => {
  let folder: TempArchive;
  afterEach(() => folder.remove());

  it('writes a new file, and replaces one only when asked', async () => {
    folder = tempArchive('scrollback-atomic-');
    const target = join(folder.root, 'settings.json');
    await writeFileAtomically(target, '{"a":1}', { replace: false });
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    await expect(writeFileAtomically(target, 'other', { replace: false })).rejects.toBeInstanceOf(
      TargetExistsError,
    );
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    await writeFileAtomically(target, '{"a":2}', { replace: true });
    expect(readFileSync(target, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(folder.root)).toEqual(['settings.json']);
  });

  it('leaves the old file and no temporary file when writing fails half-way', async () => {
    folder = tempArchive('scrollback-atomic-');
    const target = folder.write('state.json', 'old');
    await expect(
      writeFileAtomically(
        target,
        async (handle) => {
          await handle.write('half');
          throw new Error('disk full');
        },
        { replace: true },
      ),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(folder.root)).toEqual(['state.json']);
  });

  it('gives a new file the permissions asked for', async () => {
    folder = tempArchive('scrollback-atomic-');
    const target = join(folder.root, 'private.html');
    await writeFileAtomically(target, 'secret', { replace: false, mode: 0o600 });
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('has a synchronous form for writers that cannot wait', () => {
    folder = tempArchive('scrollback-atomic-');
    const target = join(folder.root, 'index.bin');
    writeFileSync(target, 'old');
    writeFileAtomicallySync(target, (descriptor) => {
      writeSync(descriptor, 'new ');
      writeSync(descriptor, 'bytes');
    });
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    expect(() =>
      writeFileAtomicallySync(target, () => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    expect(readdirSync(folder.root)).toEqual(['index.bin']);
  });
});
