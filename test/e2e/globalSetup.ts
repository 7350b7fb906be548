import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { missingDataNotice } from '../fixtures/sample';
import { fingerprint } from './archiveHash';
import { BUNDLED_SAMPLE, SAMPLE_ARCHIVE } from './serve';
import { startTimings } from './timings';

export const FINGERPRINTS = resolve(__dirname, '../../test-results/archive-fingerprints.json');

export default function globalSetup(): void {
  const notice = missingDataNotice();
  if (notice !== null) console.log(notice);
  const prints = Object.fromEntries(
    [SAMPLE_ARCHIVE, BUNDLED_SAMPLE]
      .filter((root) => existsSync(root))
      .map((root) => [root, fingerprint(root)]),
  );
  // A fresh clone has no test-results/ yet.
  mkdirSync(dirname(FINGERPRINTS), { recursive: true });
  writeFileSync(FINGERPRINTS, JSON.stringify(prints, null, 2));
  startTimings();
}
