/**
 * Reading a hostile archive: it finishes within a time and memory bound, runs no code from the
 * archive, reads nothing outside it, sends nothing to the network, reads every message of every
 * awkward but well-formed file, and gives a diagnostic for every file it could not read. Every
 * command goes through it: stats, search, export and serve, each within the same bounds, none
 * waiting on the FIFOs, none letting the archive's terminal escapes reach the terminal.
 */
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FileCounts, Message } from '../../shared/model';
import { CLI } from '../fixtures/cli';
import { dayByDayMessages, openSynced } from '../fixtures/store';
import { releaseFifos } from '../fixtures/fifo';
import { call, waitReady, withServe, within } from '../fixtures/serveCli';
import { generateHostileArchive, type HostileArchive } from './generate';

/**
 * A guard against a hang, not a measure of speed (the time is printed): reading builds the
 * store too, and the machine may be shared and slow.
 */
const TIME_LIMIT_MS = 300_000;
const MEMORY_LIMIT_MB = 1024;

let base: string;
let hostile: HostileArchive;
/** What the store read: every message of every day, every message line, diagnostics, files. */
let archive: { messages: Message[]; lines: number; diagnostics: Diagnostic[]; files: FileCounts };
const connections: string[] = [];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'scrollback-hostile-'));
  hostile = generateHostileArchive(base);
  // Any attempt to reach the network while reading is recorded and refused.
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  net.Socket.prototype.connect = function (...args: unknown[]) {
    connections.push(JSON.stringify(args[0]));
    throw new Error('network access during reading');
  } as typeof connect;
  (dns as { lookup: unknown }).lookup = (...args: unknown[]) => {
    connections.push(String(args[0]));
    throw new Error('DNS lookup during reading');
  };
  try {
    const store = await openSynced(hostile.root);
    try {
      archive = {
        messages: dayByDayMessages(store),
        lines: store.conversations().reduce((sum, conversation) => sum + conversation.lines, 0),
        diagnostics: store.diagnostics(),
        files: store.files,
      };
    } finally {
      store.close();
    }
  } finally {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
  }
}, 2 * TIME_LIMIT_MS);

afterAll(() => {
  // Should a read have waited on a FIFO after all, let it go before the folder is removed.
  releaseFifos(hostile?.fifos ?? []);
  rmSync(base, { recursive: true, force: true });
});

const NODE_LIMITS = [
  `--max-old-space-size=${MEMORY_LIMIT_MB}`,
  '-r',
  resolve(import.meta.dirname, 'report-rss.cjs'),
];

/** Peak resident memory in MiB, as report-rss.cjs printed it at exit. */
function peakRss(stderr: string): number {
  return Number(/scrollback-test-max-rss-kb (\d+)/.exec(stderr)?.[1]) / 1024;
}

/** A control or bidi character a terminal would obey (newlines and tabs aside). */
const RAW_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/**
 * Runs the real command within the time bound and a 1 GiB heap (past it V8 aborts), and prints
 * what it took; its resident memory (heap, buffers, SQLite's cache) stays under `rssLimitMb`.
 */
function runBounded(args: string[], rssLimitMb = MEMORY_LIMIT_MB) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...NODE_LIMITS, CLI, ...args], {
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = peakRss(run.stderr);
  console.log(
    `hostile archive, ${args[0]}: ${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MiB`,
  );
  expect(rss).toBeLessThan(rssLimitMb);
  return { ...run, stderr: run.stderr.replace(/\n?scrollback-test-max-rss-kb \d+\n$/, '') };
}

describe('a hostile archive', () => {
  it(
    'is read within the time and memory bounds by the real command',
    () => {
      const started = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          `--max-old-space-size=${MEMORY_LIMIT_MB}`,
          '-r',
          resolve(import.meta.dirname, 'report-rss.cjs'),
          CLI,
          'stats',
          hostile.root,
          '--json',
          '--cache-dir',
          join(base, 'cache'),
        ],
        {
          encoding: 'utf8',
          timeout: TIME_LIMIT_MS,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const seconds = (performance.now() - started) / 1000;
      const rssKb = Number(/scrollback-test-max-rss-kb (\d+)/.exec(run.stderr)?.[1]);
      console.log(
        `hostile archive: ${hostile.files.length} files, ${(hostile.bytes / 1024 / 1024).toFixed(1)} MiB, read in ${seconds.toFixed(2)} s, peak RSS ${(rssKb / 1024).toFixed(0)} MiB`,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).messages).toBe(archive.lines);
      expect(rssKb / 1024).toBeLessThan(MEMORY_LIMIT_MB);
    },
    TIME_LIMIT_MS + 60_000,
  );

  it('reads every message of awkwardly encoded but well-formed files', () => {
    for (const file of hostile.files.filter((f) => f.messages !== undefined)) {
      const read = archive.messages.filter((m) => m.path === file.path);
      expect(read.length, file.path).toBe(file.messages);
    }
    // A message too long to hold as one is kept in parts, in order, every word of it.
    const long = archive.messages.filter((m) => m.path === 'size/_posts/2018-07-02-long-line.md');
    expect(long.map((m) => m.text).join('')).toBe('x'.repeat(5 * 1024 * 1024));
    const encoded = archive.messages.filter((m) => m.conversation === 'enc');
    expect(new Set(encoded.map((m) => `${m.speaker}|${m.text}`))).toEqual(
      new Set(['张三|支付你好', 'Ann|hello\nsecond line']),
    );
  });

  it('gives a diagnostic for every file it could not read', () => {
    const diagnosed = new Set(archive.diagnostics.map((d) => d.path));
    for (const file of hostile.files.filter((f) => f.diagnostic))
      expect(diagnosed.has(file.path), file.path).toBe(true);
    expect(archive.files.skipped).toBe(2);
    // Each is a sentence for a person, not a stack trace.
    for (const diagnostic of archive.diagnostics)
      expect(diagnostic.message).toMatch(/^[^\n]{10,400}\.$/);
  });

  it('runs no code from the archive and lets no key pollute prototypes', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('reads nothing outside the archive: links are not followed', () => {
    expect(archive.messages.some((m) => m.text.includes(hostile.secretMarker))).toBe(false);
    expect(archive.messages.some((m) => m.path.startsWith('links/'))).toBe(false);
    expect(archive.messages.some((m) => m.text.includes('root:'))).toBe(false);
  });

  it('reaches no network while reading', () => {
    expect(connections).toEqual([]);
  });

  it('keeps HTML and scripts in names and texts as plain text', () => {
    const html = archive.messages.filter((m) => m.conversation === 'content');
    expect(html[0]).toMatchObject({
      speaker: '<img src=x onerror=alert(1)>',
      text: '<script>alert(1)</script><b>bold</b>',
    });
  });
});

describe('every command over the hostile archive', () => {
  let cache: string;
  let out: string;
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'scrollback-hostile-cache-'));
    out = mkdtempSync(join(tmpdir(), 'scrollback-hostile-out-'));
  });
  afterAll(() => {
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('search answers within the bounds, with every hit of a word in the huge day', () => {
    const run = runBounded([
      'search',
      hostile.root,
      'message',
      '--json',
      '--limit',
      '500',
      '--cache-dir',
      cache,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { total: number; hits: { text: string }[] };
    const expected = archive.messages.filter((m) => /message/i.test(m.text)).length;
    expect(result.total).toBe(expected);
    expect(result.hits).toHaveLength(500);
  }, 120_000);

  it('search shows the archive’s terminal escapes as visible escapes', () => {
    const run = runBounded(['search', hostile.root, 'escape', '--cache-dir', cache]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('escape');
    expect(RAW_CONTROL.test(run.stdout)).toBe(false);
  }, 120_000);

  it('export writes every message as text, and HTML beside the FIFO image, within the bounds', () => {
    const text = join(out, 'all.txt');
    // All 780,000 messages are held at once while the text is formatted (about 1 KB each;
    // 965 MiB resident measured): within the 1 GiB heap, and 1.5 GiB resident.
    const all = runBounded(
      ['export', hostile.root, '--format', 'txt', '-o', text, '--cache-dir', cache],
      1536,
    );
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toContain(
      `Wrote ${archive.messages.length.toLocaleString('en-US')} messages`,
    );
    const html = join(out, 'fifo.html');
    const page = runBounded([
      'export',
      hostile.root,
      '--format',
      'html',
      '--in',
      'fifo',
      '-o',
      html,
      '--cache-dir',
      cache,
    ]);
    expect(page.status, page.stderr).toBe(0);
    const written = readFileSync(html, 'utf8');
    expect(written).toContain('message beside a pipe');
    expect(written).not.toMatch(/<script/i);
    // The archive's conversation names reach the terminal as visible escapes only.
    const wrong = runBounded([
      'export',
      hostile.root,
      '--format',
      'txt',
      '--in',
      'nothing',
      '-o',
      join(out, 'none.txt'),
      '--cache-dir',
      cache,
    ]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('esc\\x1b]52;c;cHduZWQ=\\x07');
    expect(RAW_CONTROL.test(wrong.stderr + all.stdout + page.stdout)).toBe(false);
    expect(existsSync(join(out, 'none.txt'))).toBe(false);
  }, 180_000);

  it('serve keeps answering (the page, search, images, a FIFO image) and stops when asked', async () => {
    const answers: unknown[] = [];
    let stderr = '';
    const code = await withServe(
      [hostile.root, '--cache-dir', cache],
      async (url) => {
        expect(await waitReady(url)).toMatchObject({ state: 'ready' });
        const image = (src: string) =>
          within(
            fetch(`${url}api/image?from=fifo/_posts/2018-12-02-chat.md&src=${src}`).then(
              (response) => response.status,
            ),
          );
        answers.push(await image('images/pipe.png'));
        answers.push(await image('../../../secret/passwd.png'));
        const found = await call(url, 'search', { query: 'message', limit: 500 });
        answers.push(found.ok && (found.value as { hits: unknown[] }).hits.length);
        answers.push(await within(fetch(url).then((response) => response.status)));
      },
      { nodeArgs: NODE_LIMITS, stderr: (text) => (stderr = text) },
    );
    console.log(`hostile archive, serve: peak RSS ${peakRss(stderr).toFixed(0)} MiB`);
    expect(answers).toEqual([404, 403, 500, 200]);
    expect(code).toBe(0);
    expect(peakRss(stderr)).toBeLessThan(MEMORY_LIMIT_MB);
    expect(RAW_CONTROL.test(stderr)).toBe(false);
  }, 180_000);
});
