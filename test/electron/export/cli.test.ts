/** `scrollback export` as a user runs it (the built dist/cli.js). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonExport } from '../../../shared/export/json';
import { readMarkdownFile } from '../../shared/readers/markdown/readFile';
import { ArchiveService } from '../../../electron/service/archiveService';
import { BUNDLED_SAMPLE, SAMPLE_ARCHIVE } from '../../fixtures/archive';
import { runCli as runCommand } from '../../fixtures/cli';

describe('scrollback export', () => {
  let out: string;
  /** The archive's store goes to a temporary folder, not the user's cache. */
  const runCli = (args: string[]) => runCommand([...args, '--cache-dir', join(out, '.cache')]);
  const service = new ArchiveService({ cacheDir: null });

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'scrollback-cli-export-'));
    await service.open(SAMPLE_ARCHIVE);
  });

  afterAll(() => {
    service.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('exports a conversation between two days as Markdown that reads back the same', () => {
    const path = join(out, 'proddev.md');
    const run = runCli([
      'export',
      SAMPLE_ARCHIVE,
      '--format',
      'md',
      '--in',
      'proddev',
      '--from',
      '2018-05-15',
      '--to',
      '2018-05-16',
      '-o',
      path,
    ]);
    expect(run.status).toBe(0);
    const expected = ['2018-05-15', '2018-05-16'].flatMap(
      (day) => service.dayMessages('source/proddev', day).messages,
    );
    expect(run.stdout).toBe(
      `Wrote ${expected.length.toLocaleString('en-US')} messages (${run.stdout.match(/\((.*)\)/)![1]}) to ${path}\n`,
    );
    const parsed = readMarkdownFile('proddev.md', readFileSync(path, 'utf8'));
    expect(parsed.messages.map((m) => [m.day ?? parsed.day, m.time, m.speaker, m.text])).toEqual(
      expected.map((m) => [m.day, m.time, m.speaker, m.text]),
    );
    expect(readdirSync(out).filter((name) => name !== '.cache')).toEqual(['proddev.md']);
  });

  it('refuses to replace a file without --force, and replaces it with --force', () => {
    const path = join(out, 'kept.txt');
    writeFileSync(path, 'keep me');
    const refused = runCli(['export', BUNDLED_SAMPLE, '--format', 'txt', '-o', path]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    const forced = runCli(['export', BUNDLED_SAMPLE, '--format', 'txt', '-o', path, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^2024-03-05 /m);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('--person takes every name of that person', () => {
    const path = join(out, 'person.json');
    const run = runCli([
      'export',
      BUNDLED_SAMPLE,
      '--format',
      'json',
      '--in',
      'groups/trailclub',
      '--person',
      '小溪',
      '-o',
      path,
    ]);
    expect(run.status).toBe(0);
    const document = JSON.parse(readFileSync(path, 'utf8')) as JsonExport;
    expect(new Set(document.messages.map((m) => m.speaker))).toEqual(
      new Set(['小溪', '林小溪-山野社-领队-杭州']),
    );
    expect(new Set(document.messages.map((m) => m.person)).size).toBe(1);
  });

  it('--query takes every hit of the search, across pages', async () => {
    const path = join(out, 'query.csv');
    const run = runCli(['export', SAMPLE_ARCHIVE, '--format', 'csv', '--query', '的', '-o', path]);
    expect(run.status).toBe(0);
    const total = service.search('的', { limit: 1 }).total;
    expect(total).toBeGreaterThan(500);
    expect(run.stdout).toContain(`Wrote ${total.toLocaleString('en-US')} messages`);
  });

  it('says what is wrong with the arguments', () => {
    const noFormat = runCli(['export', BUNDLED_SAMPLE, '--format', 'docx', '-o', join(out, 'x')]);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toContain('--format must be one of md, html, pdf, json, csv, txt');
    expect(runCli(['export', BUNDLED_SAMPLE, '--format', 'md']).stderr).toContain('-o FILE');
    expect(
      runCli([
        'export',
        BUNDLED_SAMPLE,
        '--format',
        'md',
        '--from',
        '2024-02-30',
        '-o',
        join(out, 'x'),
      ]).stderr,
    ).toContain('YYYY-MM-DD');
    const unknown = runCli([
      'export',
      BUNDLED_SAMPLE,
      '--format',
      'md',
      '--in',
      'nowhere',
      '-o',
      join(out, 'x'),
    ]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /There is no conversation "nowhere"\. The archive has: .*groups\/devteam, groups\/trailclub, notes\./,
    );
    const nobody = runCli([
      'export',
      BUNDLED_SAMPLE,
      '--format',
      'md',
      '--person',
      'Nobody',
      '-o',
      join(out, 'x'),
    ]);
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toContain('Nobody is called "Nobody"');
    expect(readdirSync(out)).not.toContain('x');
  });
});
