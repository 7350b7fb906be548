/**
 * Starts `node dist/cli.js serve <folder> --port 0` the way a user would, and reads the URL it
 * prints (the first line of stdout) once the archive is ready to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export { SAMPLE_ARCHIVE, sampleMissing } from '../fixtures/sample';

export const REPO = resolve(__dirname, '../..');
export const BUNDLED_SAMPLE = resolve(REPO, 'assets/sample-archive');

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `env` adds to the server's environment (a HOME of the test's own, for export paths). */
export function serve(folder: string, env: Record<string, string> = {}): Promise<Served> {
  // Each server keeps its store in a folder of its own, removed when it stops.
  const cacheDir = mkdtempSync(join(tmpdir(), 'scrollback-e2e-cache-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(REPO, 'dist/cli.js'), 'serve', folder, '--port', '0', '--cache-dir', cacheDir],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  child.once('exit', () => rmSync(cacheDir, { recursive: true, force: true }));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveServed, reject) => {
    let stdout = '';
    let url: string | null = null;
    const timer = setTimeout(
      () => fail(new Error(`scrollback serve printed no URL in 30 s.\n${stderr}`)),
      30_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const ready = () => {
      // The URL comes first; "Ready" on stderr says the archive has been read.
      if (url === null || !/Ready/.test(stderr)) return;
      clearTimeout(timer);
      const served = url;
      resolveServed({
        url: served,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(stdout);
      if (match && url === null) url = match[1]!;
      ready();
    });
    child.stderr!.on('data', ready);
    child.once('exit', (code) => fail(new Error(`scrollback serve exited (${code}).\n${stderr}`)));
  });
}
