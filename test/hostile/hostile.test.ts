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
import type { Archive } from '../../shared/archive/build';
import { readArchive } from '../../electron/service/readArchive';
import { CLI } from '../fixtures/cli';
import { generateHostileArchive, type HostileArchive } from './generate';

const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 1024;

let base: string;
let hostile: HostileArchive;
let archive: Archive;
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
    archive = await readArchive(hostile.root);
  } finally {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
  }
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a hostile archive', () => {
  it('is read within the time and memory bounds by the real command', () => {
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
    expect(JSON.parse(run.stdout).messages).toBe(archive.messages.length);
    expect(rssKb / 1024).toBeLessThan(MEMORY_LIMIT_MB);
  });

  it('reads every message of awkwardly encoded but well-formed files', () => {
    for (const file of hostile.files.filter((f) => f.messages !== undefined)) {
      const read = archive.messages.filter((m) => m.path === file.path);
      expect(read.length, file.path).toBe(file.messages);
    }
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
