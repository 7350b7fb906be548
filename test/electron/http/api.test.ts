/** The API over HTTP: calls round-trip, errors come back as data, events stream. */
import { readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import { post, send, useTestHosts } from '../../fixtures/httpHost';

const hosts = useTestHosts();

describe('API', () => {
  it('round-trips a call on the bundled sample: its days of the trail club', async () => {
    const answer = await post(hosts.sample, 'getDays', { conversation: 'groups/trailclub' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = answer.json() as { ok: boolean; value: { day: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value.map((activity) => activity.day)).toContain('2024-03-05');
  });

  it('returns service errors as data', async () => {
    expect((await post(hosts.sample, 'getDays', { conversation: 42 })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect((await post(hosts.sample, 'locateMessage', { id: 99_999_999 })).json()).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await post(hosts.sample, 'chooseFolder', {})).json()).toEqual({
      ok: true,
      value: { path: null },
    });
    expect(
      (await post(hosts.sample, 'openExternal', { url: 'https://example.com/' })).json(),
    ).toEqual({ ok: true, value: { opened: false } });
    expect(
      (await post(hosts.sample, 'openExternal', { url: 'file:///etc/passwd' })).json(),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses unknown methods, wrong verbs, non-JSON and oversized bodies', async () => {
    expect((await post(hosts.sample, 'deleteEverything', {})).status).toBe(404);
    expect((await post(hosts.sample, 'constructor', {})).status).toBe(404);
    expect((await post(hosts.sample, '__proto__', {})).status).toBe(404);
    expect((await send(hosts.sample.port, `/t/${hosts.sample.token}/api/getStatus`)).status).toBe(
      405,
    );
    expect(
      (
        await send(hosts.sample.port, `/t/${hosts.sample.token}/api/getStatus`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await send(hosts.sample.port, `/t/${hosts.sample.token}/api/getStatus`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    const huge = await send(hosts.sample.port, `/t/${hosts.sample.token}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
  });

  it('exports to the file the page names, and says so when it names none', async () => {
    // Beside the archive, never in it; the fixture's one message.
    const target = `${hosts.archive.root}-export.md`;
    const day = (
      await post(hosts.images, 'getDayMessages', { conversation: 'group', day: '2024-03-05' })
    ).json() as { value: { messages: { id: number }[] } };
    const id = day.value.messages[0]!.id;
    try {
      const answer = (
        await post(hosts.images, 'exportMessages', { ids: [id], format: 'md', path: target })
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
      (await post(hosts.images, 'exportMessages', { ids: [id], format: 'md' })).json(),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('has a route for every API method', async () => {
    // A host of its own: openSample and openArchive change what is open.
    const host = await hosts.hostOn(null);
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
    const host = await hosts.hostOn(null);
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
      expect((await post(host, 'openArchive', { path: hosts.archive.root })).json()).toMatchObject({
        ok: true,
      });
      // The stream delivers what the service said, in order, up to the archive being ready.
      const states = () => received.map((event) => event.status?.state);
      await expect.poll(() => states().at(-1), { timeout: 20_000 }).toBe('ready');
      expect(states()).toContain('loading');
    } finally {
      stream?.destroy();
      await host.close();
    }
  });
});
