import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ARCHIVE, tempArchive } from '../../fixtures/archive';
import { CLI, runCli } from '../../fixtures/cli';

/** Starts `scrollback serve`, waits for the URL it prints, and hands it to `use`. */
async function withServe(
  args: string[],
  use: (url: string) => Promise<void>,
): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('\n')) resolve(stdout.trim());
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    await use(url);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  return code as number | null;
}

async function call(
  url: string,
  method: string,
  argument: unknown = {},
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(argument),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

describe('scrollback serve', () => {
  it('serves the folder it was given on a loopback URL with a token, until stopped', async () => {
    const cache = tempArchive('scrollback-cache-');
    const code = await withServe([SAMPLE_ARCHIVE, '--cache-dir', cache.root], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[\w-]{32,}\/$/);
      // The folder opens on its own; wait for it like the page does.
      let status: unknown;
      for (let attempt = 0; attempt < 200; attempt++) {
        status = (await call(url, 'getStatus')).value;
        if (!['empty', 'loading'].includes((status as { state: string }).state)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toMatchObject({ state: 'ready', archive: { root: SAMPLE_ARCHIVE } });
      const conversations = await call(url, 'listConversations');
      expect(conversations.ok).toBe(true);
      expect(conversations.value).toHaveLength(4);
      const withoutToken = await fetch(url.replace(/\/t\/[^/]+\//, '/api/listConversations'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(withoutToken.status).toBe(403);
    });
    expect(code).toBe(0);
    // --cache-dir reached the service: the archive's store went there.
    expect(readdirSync(cache.root).length).toBeGreaterThan(0);
    cache.remove();
  });

  it('says what is wrong with its arguments', () => {
    expect(runCli(['serve']).status).toBe(2);
    const missing = runCli(['serve', '/no/such/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('/no/such/folder');
    const port = runCli(['serve', SAMPLE_ARCHIVE, '--port', 'eighty']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port');
    expect(runCli(['serve', '--help']).stdout).toContain('Usage: scrollback serve');
  });
});
