import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { startHttpHost, type HttpHost } from '../../electron/http-host';
import { ArchiveService } from '../../electron/service/archiveService';
import { SettingsStore } from '../../electron/service/settings';
import { BUNDLED_SAMPLE, chatLog, tempArchive, type TempArchive } from '../fixtures/archive';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): unknown;
}

/** A raw request, so that tests control every header (fetch will not send a forged Host). */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function post(
  host: HttpHost,
  method: string,
  argument: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(host.port, `/t/${host.token}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(argument),
  });
}

const PNG = readFileSync(
  join(BUNDLED_SAMPLE, 'groups/trailclub/_posts/images/2024-03-05-trail.png'),
);

describe('HTTP host', () => {
  let renderer: TempArchive;
  let archive: TempArchive;
  let outside: TempArchive;
  let sampleHost: HttpHost;
  let imageHost: HttpHost;
  const services: ArchiveService[] = [];

  async function hostOn(folder: string | null): Promise<HttpHost> {
    const service = new ArchiveService({ samplePath: BUNDLED_SAMPLE, cacheDir: null });
    services.push(service);
    if (folder) await service.open(folder);
    return startHttpHost({
      service,
      settings: new SettingsStore(null),
      rendererDir: renderer.root,
    });
  }

  beforeAll(async () => {
    renderer = tempArchive('scrollback-renderer-');
    renderer.write(
      'index.html',
      '<!doctype html><title>Scrollback</title><script type="module" src="./assets/app.js"></script>',
    );
    renderer.write('assets/app.js', 'console.log(1);');
    archive = tempArchive();
    outside = tempArchive('scrollback-outside-');
    archive.write(
      'group/_posts/2024-03-05-chat.markdown',
      chatLog('2024-03-05', [{ time: '09:00:00', speaker: 'Ann', text: '![photo](images/a.png)' }]),
    );
    archive.write('group/_posts/images/a.png', PNG);
    archive.write('group/_posts/notes.txt', 'not an image');
    outside.write('secret.png', PNG);
    symlinkSync(
      join(outside.root, 'secret.png'),
      join(archive.root, 'group/_posts/images/out.png'),
    );
    sampleHost = await hostOn(BUNDLED_SAMPLE);
    imageHost = await hostOn(archive.root);
  });

  afterAll(async () => {
    await sampleHost?.close();
    await imageHost?.close();
    for (const service of services) service.close();
    renderer?.remove();
    archive?.remove();
    outside?.remove();
  });

  describe('access', () => {
    it('prints a loopback URL with a long random token', () => {
      expect(sampleHost.url).toBe(`http://127.0.0.1:${sampleHost.port}/t/${sampleHost.token}/`);
      expect(sampleHost.token.length).toBeGreaterThanOrEqual(32);
      expect(sampleHost.token).not.toBe(imageHost.token);
    });

    it('answers 403 without the token, or with a wrong one', async () => {
      const wrong = sampleHost.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
      for (const path of [
        '/',
        '/index.html',
        '/api/getStatus',
        `/t/${wrong}/`,
        `/t/${wrong}/api/getStatus`,
        '/t//api/getStatus',
        `/api/getStatus?token=${wrong}`,
      ]) {
        const call = path.includes('api/')
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }
          : {};
        expect((await send(sampleHost.port, path, call)).status, path).toBe(403);
      }
      expect(
        (
          await send(sampleHost.port, '/api/getStatus', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-scrollback-token': wrong },
            body: '{}',
          })
        ).status,
      ).toBe(403);
    });

    it('adds the missing slash after the token, and only after the right one', async () => {
      const answer = await send(sampleHost.port, `/t/${sampleHost.token}`);
      expect(answer.status).toBe(308);
      expect(answer.headers.location).toBe(`/t/${sampleHost.token}/`);
      expect((await send(sampleHost.port, `/t/${imageHost.token}`)).status).toBe(403);
    });

    it('accepts the token in the path, a header, or the query', async () => {
      const headers = { 'content-type': 'application/json' };
      expect(
        (
          await send(sampleHost.port, `/t/${sampleHost.token}/api/getStatus`, {
            method: 'POST',
            headers,
            body: '{}',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await send(sampleHost.port, '/api/getStatus', {
            method: 'POST',
            headers: { ...headers, 'x-scrollback-token': sampleHost.token },
            body: '{}',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await send(sampleHost.port, `/api/getStatus?token=${sampleHost.token}`, {
            method: 'POST',
            headers,
            body: '{}',
          })
        ).status,
      ).toBe(200);
    });

    it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
      const path = `/t/${sampleHost.token}/`;
      expect(
        (
          await send(sampleHost.port, path, {
            headers: { host: `evil.example:${sampleHost.port}` },
          })
        ).status,
      ).toBe(403);
      expect((await send(sampleHost.port, path, { headers: { host: '127.0.0.1' } })).status).toBe(
        403,
      );
      expect(
        (await send(sampleHost.port, path, { headers: { host: `localhost:${sampleHost.port}` } }))
          .status,
      ).toBe(200);
      expect(
        (await post(sampleHost, 'getStatus', {}, { origin: 'http://evil.example' })).status,
      ).toBe(403);
      expect(
        (await post(sampleHost, 'getStatus', {}, { 'sec-fetch-site': 'cross-site' })).status,
      ).toBe(403);
      expect(
        (await post(sampleHost, 'getStatus', {}, { origin: `http://127.0.0.1:${sampleHost.port}` }))
          .status,
      ).toBe(200);
    });

    it('listens on loopback only', async () => {
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((address) => address && !address.internal)
        .map((address) => address!.address);
      for (const address of [...others, '::1']) {
        const connected = await new Promise<boolean>((resolve) => {
          const socket = connect({ host: address, port: sampleHost.port });
          socket.once('connect', () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        });
        expect(connected, address).toBe(false);
      }
    });

    it('sends no CORS headers, even to a preflight', async () => {
      const answers = [
        await send(sampleHost.port, `/t/${sampleHost.token}/api/getStatus`, {
          method: 'OPTIONS',
          headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
        }),
        await post(sampleHost, 'getStatus', {}),
        await send(sampleHost.port, `/t/${sampleHost.token}/`),
        await send(sampleHost.port, '/'),
      ];
      for (const answer of answers) {
        expect(
          Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
        ).toEqual([]);
      }
    });
  });

  describe('API', () => {
    it('round-trips a call on the bundled sample: its days of the trail club', async () => {
      const answer = await post(sampleHost, 'getDays', { conversation: 'groups/trailclub' });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = answer.json() as { ok: boolean; value: { day: string }[] };
      expect(body.ok).toBe(true);
      expect(body.value.map((activity) => activity.day)).toContain('2024-03-05');
    });

    it('returns service errors as data', async () => {
      expect((await post(sampleHost, 'getDays', { conversation: 42 })).json()).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
      expect((await post(sampleHost, 'locateMessage', { id: 99_999_999 })).json()).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      expect((await post(sampleHost, 'chooseFolder', {})).json()).toEqual({
        ok: true,
        value: { path: null },
      });
      expect(
        (await post(sampleHost, 'openExternal', { url: 'https://example.com/' })).json(),
      ).toEqual({ ok: true, value: { opened: false } });
      expect(
        (await post(sampleHost, 'openExternal', { url: 'file:///etc/passwd' })).json(),
      ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    });

    it('refuses unknown methods, wrong verbs, non-JSON and oversized bodies', async () => {
      expect((await post(sampleHost, 'deleteEverything', {})).status).toBe(404);
      expect((await post(sampleHost, 'constructor', {})).status).toBe(404);
      expect((await post(sampleHost, '__proto__', {})).status).toBe(404);
      expect((await send(sampleHost.port, `/t/${sampleHost.token}/api/getStatus`)).status).toBe(
        405,
      );
      expect(
        (
          await send(sampleHost.port, `/t/${sampleHost.token}/api/getStatus`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: '{}',
          })
        ).status,
      ).toBe(415);
      expect(
        (
          await send(sampleHost.port, `/t/${sampleHost.token}/api/getStatus`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{',
          })
        ).status,
      ).toBe(400);
      const huge = await send(sampleHost.port, `/t/${sampleHost.token}/api/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(17 * 1024 * 1024, 0x20),
      }).catch(() => ({ status: 413 }));
      expect(huge.status).toBe(413);
    });

    it('exports to the file the page names, and says so when it names none', async () => {
      // Beside the archive, never in it; the fixture's one message.
      const target = `${archive.root}-export.md`;
      const day = (
        await post(imageHost, 'getDayMessages', { conversation: 'group', day: '2024-03-05' })
      ).json() as { value: { messages: { id: number }[] } };
      const id = day.value.messages[0]!.id;
      try {
        const answer = (
          await post(imageHost, 'exportMessages', { ids: [id], format: 'md', path: target })
        ).json();
        expect(answer).toMatchObject({
          ok: true,
          value: { path: target, messages: 1 },
        });
        expect(readFileSync(target, 'utf8')).toContain('Ann');
      } finally {
        rmSync(target, { force: true });
      }
      expect(
        (await post(imageHost, 'exportMessages', { ids: [id], format: 'md' })).json(),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    });

    it('has a route for every API method', async () => {
      // A host of its own: openSample and openArchive change what is open.
      const host = await hostOn(null);
      try {
        for (const method of API_METHODS) {
          const answer = await post(host, method, {});
          expect(answer.status, method).toBe(200);
          expect(answer.json(), method).toHaveProperty('ok');
        }
      } finally {
        await host.close();
      }
    });

    it('streams events: the current status first, then every change', async () => {
      const host = await hostOn(null);
      const received: { type: string; status?: { state: string } }[] = [];
      let stream: ReturnType<typeof httpRequest> | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          stream = httpRequest(
            {
              host: '127.0.0.1',
              port: host.port,
              path: `/t/${host.token}/api/events`,
              headers: { host: `127.0.0.1:${host.port}` },
            },
            (response) => {
              expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
              let buffer = '';
              response.on('data', (chunk: Buffer) => {
                buffer += chunk.toString('utf8');
                const events = buffer.split('\n\n');
                buffer = events.pop() ?? '';
                for (const event of events) received.push(JSON.parse(event.replace(/^data: /, '')));
                if (received.length === 1) resolve();
              });
            },
          );
          stream.on('error', reject);
          stream.end();
        });
        expect(received[0]).toEqual({ type: 'status', status: { state: 'empty' } });
        expect((await post(host, 'openArchive', { path: archive.root })).json()).toMatchObject({
          ok: true,
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const states = received.map((event) => event.status?.state);
        expect(states).toContain('loading');
        expect(states.at(-1)).toBe('ready');
      } finally {
        stream?.destroy();
        await host.close();
      }
    });
  });

  describe('renderer files', () => {
    it('serves the page with a strict Content-Security-Policy', async () => {
      const answer = await send(sampleHost.port, `/t/${sampleHost.token}/`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const policy = String(answer.headers['content-security-policy']);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("img-src 'self' data:;");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toContain('unsafe-inline');
      const script = await send(sampleHost.port, `/t/${sampleHost.token}/assets/app.js`);
      expect(script.status).toBe(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    });

    it('serves nothing outside the renderer folder', async () => {
      for (const path of [
        '%2e%2e/%2e%2e/etc/passwd',
        '..%2f..%2fetc%2fpasswd',
        'assets/..%2f..%2f..%2fetc%2fpasswd',
        '%2fetc%2fpasswd',
      ]) {
        expect([403, 404], path).toContain(
          (await send(sampleHost.port, `/t/${sampleHost.token}/${path}`)).status,
        );
      }
    });

    it('says how to build the renderer when it is missing', async () => {
      const service = new ArchiveService({ cacheDir: null });
      const host = await startHttpHost({
        service,
        settings: new SettingsStore(null),
        rendererDir: join(renderer.root, 'missing'),
      });
      try {
        const answer = await send(host.port, `/t/${host.token}/`);
        expect(answer.status).toBe(503);
        expect(answer.body.toString()).toContain('npm run build:renderer');
      } finally {
        await host.close();
      }
    });
  });

  describe('archive images', () => {
    const image = (from: string, src: string, token = imageHost.token) =>
      send(
        imageHost.port,
        `/t/${token}/api/image?${new URLSearchParams({ from, src }).toString()}`,
      );
    const chat = 'group/_posts/2024-03-05-chat.markdown';

    it('serves an image inside the archive as image/png, nosniff', async () => {
      const answer = await image(chat, 'images/a.png');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('image/png');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.body.equals(PNG)).toBe(true);
    });

    it('needs the token like everything else', async () => {
      expect(
        (
          await send(
            imageHost.port,
            `/api/image?${new URLSearchParams({ from: chat, src: 'images/a.png' }).toString()}`,
          )
        ).status,
      ).toBe(403);
    });

    it('refuses anything outside the archive, and non-images', async () => {
      const secret = join(outside.root, 'secret.png');
      const cases: [string, string][] = [
        [chat, '../../../secret.png'],
        [chat, `${'../'.repeat(40)}${secret.slice(1)}`],
        [chat, `${'%2e%2e/'.repeat(40)}${secret.slice(1)}`],
        [chat, secret],
        [chat, `file://${secret}`],
        [chat, 'images/out.png'],
        [chat, 'notes.txt'],
        [`${'../'.repeat(40)}${outside.root.slice(1)}/x.markdown`, 'secret.png'],
        [secret, 'secret.png'],
      ];
      for (const [from, src] of cases) {
        expect([403, 404], `${from} ${src}`).toContain((await image(from, src)).status);
      }
      // A path-level climb, written into the URL itself, is refused too.
      expect([403, 404]).toContain(
        (
          await send(
            imageHost.port,
            `/t/${imageHost.token}/api/image?from=${encodeURIComponent(chat)}&src=%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.png`,
          )
        ).status,
      );
    });
  });
});
