/**
 * Reading a hostile archive: it finishes within a time and memory bound, runs no code from the
 * archive, reads nothing outside it, sends nothing to the network, reads every message of every
 * awkward but well-formed file, and gives a diagnostic for every file it could not read.
 */
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FileCounts, Message } from '../../shared/model';
import { CLI } from '../fixtures/cli';
import { dayByDayMessages, openSynced } from '../fixtures/store';
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

afterAll(() => rmSync(base, { recursive: true, force: true }));

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
