import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SAMPLE, chatLog, tempArchive } from '../../fixtures/archive';
import { runCli } from '../../fixtures/cli';
import { canMakeFifo, makeFifo, releaseFifos } from '../../fixtures/fifo';
import { call, waitReady, withServe, within } from '../../fixtures/serveCli';

describe('scrollback serve', () => {
  it('serves the folder it was given on a loopback URL with a token, until stopped', async () => {
    const cache = tempArchive('scrollback-cache-');
    const code = await withServe([BUNDLED_SAMPLE, '--cache-dir', cache.root], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[\w-]{32,}\/$/);
      // The folder opens on its own; wait for it like the page does.
      const status = await waitReady(url);
      expect(status).toMatchObject({ state: 'ready', archive: { root: BUNDLED_SAMPLE } });
      const days = await call(url, 'getDays', { conversation: 'groups/trailclub' });
      expect(days.ok).toBe(true);
      expect(days.value).toContainEqual(expect.objectContaining({ day: '2024-03-05' }));
      const withoutToken = await fetch(url.replace(/\/t\/[^/]+\//, '/api/getDays'), {
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

  it.skipIf(!canMakeFifo)(
    'keeps answering, and stops when asked, while the archive holds FIFOs named like images',
    async () => {
      const archive = tempArchive();
      const cache = tempArchive('scrollback-cache-');
      const images = Array.from({ length: 6 }, (_, i) => `fifo${i}.png`);
      archive.write(
        'g/2018-05-15-chat.md',
        chatLog('2018-05-15', [
          { time: '09:00:00', speaker: 'a', text: images.map((name) => `![x](${name})`).join(' ') },
        ]),
      );
      const fifos = images.map((name) => makeFifo(join(archive.root, 'g', name)));
      const answered: string[] = [];
      try {
        const code = await withServe([archive.root, '--cache-dir', cache.root], async (url) => {
          await waitReady(url);
          // Six image requests at once: each used to hold one of libuv's four threads forever.
          const pictures = images.map((name) =>
            fetch(`${url}api/image?from=g/2018-05-15-chat.md&src=${name}`).then(
              (response) => response.status,
            ),
          );
          expect(await within(Promise.all(pictures))).toEqual(images.map(() => 404));
          const page = await within(fetch(url).then((response) => response.status));
          answered.push(`page ${page}`);
          const ids = (
            (await call(url, 'getDayMessages', { conversation: 'g', day: '2018-05-15' })).value as {
              messages: { id: number }[];
            }
          ).messages.map((message) => message.id);
          const exported = await within(
            call(url, 'exportMessages', {
              ids,
              format: 'html',
              path: join(cache.root, 'thread.html'),
            }).then((answer) => answer.ok),
          );
          answered.push(`export ${exported}`);
        });
        expect(answered).toEqual(['page 200', 'export true']);
        expect(code).toBe(0);
      } finally {
        releaseFifos(fifos);
        archive.remove();
        cache.remove();
      }
    },
    60_000,
  );

  it('says what is wrong with its arguments', () => {
    expect(runCli(['serve']).status).toBe(2);
    const missing = runCli(['serve', '/no/such/folder']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('/no/such/folder');
    const port = runCli(['serve', BUNDLED_SAMPLE, '--port', 'eighty']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port');
    expect(runCli(['serve', '--help']).stdout).toContain('Usage: scrollback serve');
  });
});
