import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fingerprint } from './archiveHash';
import { BUNDLED_SAMPLE, SAMPLE_ARCHIVE } from './serve';

export const FINGERPRINTS = resolve(__dirname, '../../test-results/archive-fingerprints.json');

export default function globalSetup(): void {
  const prints = Object.fromEntries(
    [SAMPLE_ARCHIVE, BUNDLED_SAMPLE].map((root) => [root, fingerprint(root)]),
  );
  writeFileSync(FINGERPRINTS, JSON.stringify(prints, null, 2));
}
