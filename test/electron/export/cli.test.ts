/** `scrollback export` as a user runs it (the built dist/cli.js). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonExport } from '../../../shared/export/json';
import { readMarkdownFile } from '../../shared/readers/markdown/readFile';
import { ArchiveService } from '../../../electron/service/archiveService';
import { BUNDLED_SAMPLE, chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { runCli as runCommand } from '../../fixtures/cli';

describe('scrollback export', () => {
  let out: string;
  /** The archive's store goes to a temporary folder, not the user's cache. */
  const runCli = (args: string[]) => runCommand([...args, '--cache-dir', join(out, '.cache')]);
  const service = new ArchiveService({ cacheDir: null });
  /** More hits of one word than a page of search holds (the command pages 500 at a time). */
  let many: TempArchive;
  const MANY = 1_200;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'scrollback-cli-export-'));
    await service.open(BUNDLED_SAMPLE);
    many = tempArchive();
    for (const day of ['2024-01-01', '2024-01-02', '2024-01-03'])
      many.write(
        `group/${day}-chat.md`,
        chatLog(
          day,
          Array.from({ length: MANY / 3 }, (_, index) => ({
            time: `09:${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`,
            speaker: index % 2 ? 'Ann' : 'Bo',
            text: `paging word ${index}`,
          })),
        ),
      );
  });

  afterAll(() => {
    service.close();
    many?.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('exports a conversation between two days as Markdown that reads back the same', () => {
    const path = join(out, 'trailclub.md');
    const run = runCli([
      'export',
      BUNDLED_SAMPLE,
      '--format',
      'md',
      '--in',
      'groups/trailclub',
      '--from',
      '2024-03-05',
      '--to',
      '2024-03-06',
      '-o',
      path,
    ]);
    expect(run.status).toBe(0);
    // Echoes are left out of exports, as they are of what a reader sees.
    const expected = ['2024-03-05', '2024-03-06']
      .flatMap((day) => service.dayMessages('groups/trailclub', day).messages)
      .filter((message) => message.echoOf === undefined);
    expect(run.stdout).toBe(
      `Wrote ${expected.length.toLocaleString('en-US')} messages (${run.stdout.match(/\((.*)\)/)![1]}) to ${path}\n`,
    );
    const parsed = readMarkdownFile('trailclub.md', readFileSync(path, 'utf8'));
    expect(parsed.messages.map((m) => [m.day ?? parsed.day, m.time, m.speaker, m.text])).toEqual(
      expected.map((m) => [m.day, m.time, m.speaker, m.text]),
    );
    expect(readdirSync(out).filter((name) => name !== '.cache')).toEqual(['trailclub.md']);
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
    const run = runCli(['export', many.root, '--format', 'csv', '--query', 'paging', '-o', path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${MANY.toLocaleString('en-US')} messages`);
    // A header and one row a message.
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(MANY + 1);
  });

  it('says in one sentence that PDF export needs a browser when none is found', () => {
    const path = join(out, 'no-browser.pdf');
    const run = runCommand(
      ['export', BUNDLED_SAMPLE, '--format', 'pdf', '-o', path, '--cache-dir', join(out, '.cache')],
      { SCROLLBACK_CHROMIUM: join(out, 'no-such-browser') },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PDF export needs Chromium or Google Chrome, and none was found.');
    expect(run.stderr).toContain('SCROLLBACK_CHROMIUM');
    // A sentence, not a stack trace.
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).not.toContain('no-browser.pdf');
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
