import { readFileSync } from 'node:fs';
import { fingerprint } from './archiveHash';
import { FINGERPRINTS } from './globalSetup';
import { TIMINGS, timingReport } from './timings';

/** Fails the run when any archive the suite read was changed in any way. */
export default function globalTeardown(): void {
  const timings = timingReport();
  if (timings !== '') console.log(`\nTimings (${TIMINGS}):\n${timings}`);
  const before = JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as Record<string, string>;
  const changed = Object.entries(before)
    .filter(([root, print]) => fingerprint(root) !== print)
    .map(([root]) => root);
  if (changed.length > 0)
    throw new Error(
      `The e2e suite changed these archives, which must stay read-only: ${changed.join(', ')}`,
    );
  console.log(`Archives unchanged by the e2e suite: ${Object.keys(before).join(', ')}`);
}
