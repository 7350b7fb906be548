/**
 * `scrollback export --tz`: Slack keeps only instants, so its times are written in the zone
 * asked for (--tz, else SCROLLBACK_TZ), whatever zone the store last read the files in, and
 * the same command run twice writes the same file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE } from '../../fixtures/archive';
import { runCli } from '../../fixtures/cli';

describe('scrollback export and the time zone', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'scrollback-cli-zone-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const exportGeneral = (name: string, zone: string[], env: Record<string, string> = {}) => {
    const path = join(out, name);
    const args = ['export', BUNDLED_SAMPLE, '--format', 'txt', '-o', path, '--force'];
    const run = runCli(
      [...args, '--in', 'exports/slack/general', '--cache-dir', join(out, 'cache'), ...zone],
      env,
    );
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(path, 'utf8');
  };

  it('writes Slack times in the zone asked for, after the store was read in another', () => {
    const shanghai = exportGeneral('shanghai.txt', ['--tz', 'Asia/Shanghai']);
    const utc = exportGeneral('utc.txt', ['--tz', 'UTC']);
    const fromEnvironment = exportGeneral('env.txt', [], { SCROLLBACK_TZ: 'Asia/Shanghai' });
    expect(shanghai).not.toEqual(utc);
    expect(fromEnvironment).toEqual(shanghai);
    // Eight hours apart: the first message's time in each.
    const firstTime = (text: string) => /\d{2}:\d{2}:\d{2}/.exec(text)![0];
    const hours = (time: string) => Number(time.slice(0, 2));
    expect((hours(firstTime(shanghai)) - hours(firstTime(utc)) + 24) % 24).toBe(8);
    expect(exportGeneral('again.txt', ['--tz', 'UTC'])).toEqual(utc);
  });

  it('refuses a zone that does not exist', () => {
    const run = runCli([
      'export',
      BUNDLED_SAMPLE,
      '--format',
      'txt',
      '-o',
      join(out, 'x.txt'),
      '--tz',
      'Mars/Olympus',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Mars/Olympus');
  });
});
