/**
 * Hostile exports (issue 10): a zip bomb, a zip whose header lies about a size, zip entries
 * climbing out (`../`), a 2 GB text file, a truncated Telegram export and a JSON nested 100,000
 * deep beside a good chat log. Each gives a diagnostic, the good log is read whole, the command
 * finishes within a memory bound, and nothing is ever extracted to disk.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../shared/model';
import { chatLog, tempArchive, type TempArchive } from '../fixtures/archive';
import { CLI } from '../fixtures/cli';
import { writeZip } from '../fixtures/zip';

const MEMORY_LIMIT_MB = 1024;

/** A zip whose headers say an entry inflates to `claimed` bytes while it inflates to more. */
function lyingZip(name: string, data: Uint8Array, claimed: number): Uint8Array {
  const zip = Buffer.from(writeZip([{ name, data }]));
  // The local header's uncompressed size is at 22, the central directory entry's at 24.
  zip.writeUInt32LE(claimed, 22);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(claimed, central + 24);
  return zip;
}

const telegramHead =
  '{\n "name": "Trail Club",\n "type": "private_group",\n "id": 42,\n "messages": [\n';
const telegramMessage = (id: number) =>
  `  {\n   "id": ${id},\n   "type": "message",\n   "date": "2024-03-0${1 + (id % 9)}T10:00:00",\n   "from": "Ana Lima",\n   "from_id": "user1",\n   "text": "message ${id}"\n  }`;

let archive: TempArchive;
let run: { status: number | null; stdout: string; stderr: string };
let cache: string;

beforeAll(() => {
  archive = tempArchive('scrollback-hostile-exports-');
  cache = mkdtempSync(join(tmpdir(), 'scrollback-hostile-cache-'));
  archive.write(
    'good/_posts/2024-03-05-chat.md',
    chatLog('2024-03-05', [
      { time: '09:00:00', speaker: 'Ana', text: 'still read' },
      { time: '09:01:00', speaker: 'Ben', text: 'every word' },
    ]),
  );
  // 64 MB of zeros deflate to some 64 KB: a ratio only a zip bomb has.
  archive.write(
    'bomb/WhatsApp Chat - Bomb.zip',
    writeZip([{ name: '_chat.txt', data: new Uint8Array(64 * 1024 * 1024) }]),
  );
  archive.write(
    'lying/WhatsApp Chat - Liar.zip',
    lyingZip('_chat.txt', new Uint8Array(4 * 1024 * 1024).fill(0x61), 100),
  );
  archive.write(
    'climb/WhatsApp Chat - Climb.zip',
    writeZip([
      { name: '../../escaped.txt', data: '[05.03.24, 09:00:00] Eve: out\n' },
      { name: '/etc/cron.d/evil', data: 'x' },
      { name: '_chat.txt', data: '[05.03.24, 09:00:00] Ana Lima: inside the zip\n' },
    ]),
  );
  // 2 GB that take no room: a sparse file.
  const huge = openSync(archive.write('huge/WhatsApp Chat with Nobody.txt', ''), 'r+');
  ftruncateSync(huge, 2 * 1024 * 1024 * 1024);
  closeSync(huge);
  const messages = Array.from({ length: 50 }, (_, i) => telegramMessage(i + 1)).join(',\n');
  archive.write('telegram-cut/result.json', `${telegramHead}${messages}`.slice(0, -40));
  archive.write(
    'telegram-deep/result.json',
    `${telegramHead}${telegramMessage(1)},\n  {"id": 2, "type": "message", "date": "2024-03-02T10:00:00", "from": "Eve", "text": ${'['.repeat(100_000)}${']'.repeat(100_000)}},\n${telegramMessage(3)}\n ]\n}\n`,
  );
  run = spawnSync(
    process.execPath,
    [
      '--require',
      resolve(import.meta.dirname, 'report-rss.cjs'),
      CLI,
      'stats',
      archive.root,
      '--json',
      '--cache-dir',
      cache,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
  );
}, 600_000);

afterAll(() => {
  archive?.remove();
  rmSync(cache, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CLI))('hostile exports', () => {
  if (!existsSync(CLI)) console.log(`skipped: ${CLI} is missing (npm run build makes it)`);

  it('finishes within the memory bound and reads the good log whole', () => {
    expect(run.status, run.stderr).toBe(0);
    const rss = Number(/scrollback-test-max-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
    console.log(`hostile exports: peak ${rss.toFixed(0)} MB`);
    expect(rss).toBeLessThan(MEMORY_LIMIT_MB);
    const stats = JSON.parse(run.stdout) as { conversations: { id: string; messages: number }[] };
    expect(stats.conversations.find((c) => c.id === 'good')?.messages).toBe(2);
  });

  it('gives each bad file a diagnostic saying what happened', () => {
    const diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    const about = (path: string) =>
      diagnostics
        .filter((d) => d.path.startsWith(path))
        .map((d) => d.message)
        .join('\n');
    expect(about('bomb/')).toMatch(/zip bomb/);
    expect(about('lying/')).toMatch(/_chat\.txt/);
    expect(about('climb/')).toMatch(/unsafe/);
    expect(about('huge/')).toMatch(/2048 MB, larger than/);
    expect(about('telegram-cut/')).not.toBe('');
    expect(about('telegram-deep/')).not.toBe('');
  });

  it('reads what is fine in the same files: the climbing zip’s own chat, the cut export’s first messages', () => {
    const stats = JSON.parse(run.stdout) as { conversations: { id: string; messages: number }[] };
    const count = (prefix: string) =>
      stats.conversations
        .filter((c) => c.id.startsWith(prefix))
        .reduce((sum, c) => sum + c.messages, 0);
    expect(count('climb/')).toBe(1);
    expect(count('telegram-cut/')).toBeGreaterThanOrEqual(48);
    expect(count('telegram-deep/')).toBe(2);
  });

  it('extracts nothing to disk: the archive and the temporary folder hold no entry of a zip', () => {
    const names = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? names(join(folder, entry.name)) : [entry.name],
      );
    expect(names(archive.root)).not.toContain('_chat.txt');
    expect(names(archive.root)).not.toContain('escaped.txt');
    expect(existsSync(resolve(archive.root, '..', 'escaped.txt'))).toBe(false);
    expect(existsSync(resolve(archive.root, '..', '..', 'escaped.txt'))).toBe(false);
  });
});
