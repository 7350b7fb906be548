/**
 * The zip writer the WhatsApp fixtures and the sample archive are built with: checked against
 * Info-ZIP's `unzip`, an independent reader, so that tests of zip reading rest on real zips.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempArchive } from '../../../fixtures/archive';
import { hasUnzip, writeZip } from '../../../fixtures/zip';

const folder = tempArchive('scrollback-zip-');
afterAll(() => folder.remove());

const chat = '[16/03/2024, 07:58:12] Ana Lima: On my way\n'.repeat(50);
const photo = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
const entries = [
  { name: '_chat.txt', data: chat },
  { name: '00000002-PHOTO-2024-03-16-08-00-00.jpg', data: photo, method: 'store' as const },
  { name: 'Fotos/山野社 – Gipfel.txt', data: 'Gipfel ✓' },
  { name: 'empty.txt', data: '' },
];

describe.skipIf(!hasUnzip())(
  'writeZip (checked with unzip; skipped where unzip is not installed)',
  () => {
    const path = join(folder.root, 'WhatsApp Chat - Trail Club.zip');
    writeFileSync(path, writeZip(entries, 'written for Scrollback'));
    const run = (...args: string[]) =>
      execFileSync('unzip', args, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });

    it('writes a zip that unzip tests without errors', () => {
      expect(run('-t', path).toString()).toContain('No errors detected');
    });

    it('gives back every entry byte for byte, stored or deflated, UTF-8 names included', () => {
      for (const entry of entries) {
        const expected =
          typeof entry.data === 'string'
            ? Buffer.from(entry.data, 'utf8')
            : Buffer.from(entry.data);
        expect(run('-p', path, entry.name).equals(expected), entry.name).toBe(true);
      }
    });

    it('lists the entries in order, with their methods', () => {
      const listing = run('-Z', '-l', path).toString();
      expect(listing).toMatch(/_chat\.txt/);
      expect(listing).toMatch(/stor.*00000002-PHOTO/);
      expect(listing).toMatch(/defN.*_chat\.txt/);
      expect(run('-Z1', path).toString().trim().split('\n')).toEqual(entries.map((e) => e.name));
    });
  },
);

describe('writeZip', () => {
  it('writes the same bytes for the same entries', () => {
    expect(writeZip(entries)).toEqual(writeZip(entries));
  });

  it('compresses text it deflates', () => {
    expect(writeZip([{ name: 'a.txt', data: chat }]).length).toBeLessThan(chat.length / 4);
  });
});
