/**
 * A one-shot command on an archive that did not change: it answers from the store without
 * loading what only reading needs (the readers, node:crypto, worker threads, streams), prints
 * every byte, and ends quietly when its reader goes away (`| head`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatLog, tempArchive, type TempArchive } from '../../fixtures/archive';
import { CLI, runCli } from '../../fixtures/cli';

let archive: TempArchive;
let cacheDir: string;
let probe: string;

beforeAll(() => {
  archive = tempArchive();
  cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-oneshot-'));
  probe = join(cacheDir, 'probe.cjs');
  const lines = Array.from({ length: 600 }, (_, i) => ({
    time: `09:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    speaker: 'Ana',
    text: `支付 message ${i} ${'long enough to fill a pipe; '.repeat(8)}`,
  }));
  archive.write('g/_posts/2024-01-02-chat.md', chatLog('2024-01-02', lines));
  // Lists the modules Node loaded, as the command ends.
  writeFileSync(
    probe,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify(process.moduleLoadList)));\n",
  );
});
afterAll(() => {
  archive.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

const search = (...args: string[]) => [
  'search',
  archive.root,
  '支付',
  ...args,
  '--cache-dir',
  cacheDir,
];

describe('a one-shot search of an unchanged archive', () => {
  it('answers as the first search did without loading the reading code', () => {
    const first = runCli(search('--limit', '3'));
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('600 messages match “支付”');
    const out = join(cacheDir, 'loaded.json');
    const again = runCli(search('--limit', '3'), {
      NODE_OPTIONS: `--require ${probe}`,
      PROBE_OUT: out,
    });
    expect(again.status).toBe(0);
    // The same answer, but for the time it took.
    const untimed = (text: string) => text.replace(/, [\d.]+ ms\)/, ')');
    expect(untimed(again.stdout)).toBe(untimed(first.stdout));
    const loaded = JSON.parse(readFileSync(out, 'utf8')) as string[];
    expect(loaded).toContain('NativeModule sqlite');
    for (const module of ['crypto', 'worker_threads', 'fs/promises', 'stream', 'perf_hooks'])
      expect(loaded, module).not.toContain(`NativeModule ${module}`);
  });

  it('prints every byte of a long answer through a pipe', () => {
    const result = runCli(search('--limit', '500', '--json'));
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { total: number; hits: { text: string }[] };
    expect(parsed.total).toBe(600);
    expect(parsed.hits).toHaveLength(500);
    expect(parsed.hits.every((hit) => hit.text.startsWith('支付 message '))).toBe(true);
  });

  it('ends quietly when what reads its output stops reading (| head)', async () => {
    runCli(search());
    const child = spawn(process.execPath, [CLI, ...search('--limit', '500', '--json')]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The first chunk read, the pipe is closed, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
