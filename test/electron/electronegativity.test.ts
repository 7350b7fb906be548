/**
 * Electron hardening, checked in CI: @doyensec/electronegativity over electron/ must report
 * nothing that electronegativity.config.json does not explain, and every explanation there must
 * still match a finding.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const TOOL = resolve(REPO, 'node_modules/@doyensec/electronegativity/dist/index.js');

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

/** RFC 4180 fields (the tool quotes samples that hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('electronegativity over electron/', () => {
  it('finds nothing that is not explained, and every explanation is still needed', () => {
    const config = JSON.parse(
      readFileSync(resolve(REPO, 'electronegativity.config.json'), 'utf8'),
    ) as {
      electronVersion: string;
      excludedChecks: Record<string, string>;
      explained: Explanation[];
    };
    const folder = mkdtempSync(join(tmpdir(), 'scrollback-electronegativity-'));
    try {
      const output = join(folder, 'findings.csv');
      const run = spawnSync(
        process.execPath,
        [
          TOOL,
          '-i',
          resolve(REPO, 'electron'),
          '-r',
          '-e',
          config.electronVersion,
          '-x',
          Object.keys(config.excludedChecks).join(','),
          '-o',
          output,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const [header, ...rows] = parseCsv(readFileSync(output, 'utf8'));
      expect(header?.map((h) => h.trim())).toEqual([
        'issue',
        'severity',
        'confidence',
        'filename',
        'location',
        'sample',
        'description',
        'url',
      ]);
      const findings: Finding[] = rows
        .filter((r) => r.length > 1)
        .map((r) => ({ check: r[0]!, file: r[3]!, location: r[4]!, code: r[5]! }));
      const explains = (e: Explanation, f: Finding) =>
        e.check === f.check && e.file === f.file && f.code.includes(e.code);
      const unexplained = findings.filter((f) => !config.explained.some((e) => explains(e, f)));
      expect(unexplained, 'findings not explained in electronegativity.config.json').toEqual([]);
      const stale = config.explained.filter((e) => !findings.some((f) => explains(e, f)));
      expect(stale, 'explanations that match no finding any more').toEqual([]);
      for (const explanation of config.explained)
        expect(explanation.why.length).toBeGreaterThan(40);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
