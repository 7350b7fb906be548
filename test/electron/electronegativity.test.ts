/**
 * Electron hardening, checked in CI: @doyensec/electronegativity over electron/ must report
 * nothing that electronegativity.config.json does not explain, and every explanation there must
 * still match a finding.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const RUNNER = resolve(REPO, 'node_modules/@doyensec/electronegativity/dist/runner.js');

interface Explanation {
  check: string;
  file: string;
  code: string;
  why: string;
}

interface Finding {
  check: string;
  file: string;
  location: string;
  code: string;
}

/**
 * Runs the tool's own runner in a child process and prints its findings as JSON after a mark. Its CSV output
 * cannot be trusted: it writes the header and the rows with two concurrent writeFile calls, and
 * now and then the header lands over the first row (a CI run failed on a garbled row).
 */
const RUN = `
const MARK = '\\n@@findings@@';
const run = require(process.argv[1]);
const [input, version, excluded] = process.argv.slice(2);
run({
  input, output: undefined, isSarif: false, customScan: [],
  excludeFromScan: excluded.split(',').map((check) => check.toLowerCase()),
  isRelative: true, isVerbose: false, electronVersionOverride: version, parserPlugins: [],
}).then((result) => {
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    file: issue.file,
    location: issue.location.line + ':' + issue.location.column,
    code: issue.sample ?? 'N/A',
  }));
  process.stdout.write(MARK + JSON.stringify(findings));
});
`;

describe('electronegativity over electron/', () => {
  it('finds nothing that is not explained, and every explanation is still needed', () => {
    const config = JSON.parse(
      readFileSync(resolve(REPO, 'electronegativity.config.json'), 'utf8'),
    ) as {
      electronVersion: string;
      excludedChecks: Record<string, string>;
      explained: Explanation[];
    };
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        RUN,
        RUNNER,
        resolve(REPO, 'electron'),
        config.electronVersion,
        Object.keys(config.excludedChecks).join(','),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    // The tool says things on stdout of its own (translations it could not fetch...).
    const findings = JSON.parse(run.stdout.split('\n@@findings@@').at(-1)!) as Finding[];
    expect(findings.length).toBeGreaterThan(0);
    const explains = (e: Explanation, f: Finding) =>
      e.check === f.check && e.file === f.file && f.code.includes(e.code);
    const unexplained = findings.filter((f) => !config.explained.some((e) => explains(e, f)));
    expect(unexplained, 'findings not explained in electronegativity.config.json').toEqual([]);
    const stale = config.explained.filter((e) => !findings.some((f) => explains(e, f)));
    expect(stale, 'explanations that match no finding any more').toEqual([]);
    for (const explanation of config.explained) expect(explanation.why.length).toBeGreaterThan(40);
  });
});
