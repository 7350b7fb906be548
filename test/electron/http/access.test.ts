/** Who the HTTP host answers: the token, loopback only, its own Host and Origin, no CORS. */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { post, send, useTestHosts } from '../../fixtures/httpHost';

const hosts = useTestHosts();

describe('access', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(hosts.sample.url).toBe(`http://127.0.0.1:${hosts.sample.port}/t/${hosts.sample.token}/`);
    expect(hosts.sample.token.length).toBeGreaterThanOrEqual(32);
    expect(hosts.sample.token).not.toBe(hosts.images.token);
  });

  it('answers 403 without the token, or with a wrong one', async () => {
    const wrong = hosts.sample.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
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
      expect((await send(hosts.sample.port, path, call)).status, path).toBe(403);
    }
    expect(
      (
        await send(hosts.sample.port, '/api/getStatus', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-scrollback-token': wrong },
          body: '{}',
        })
      ).status,
    ).toBe(403);
  });

  it('adds the missing slash after the token, and only after the right one', async () => {
    const answer = await send(hosts.sample.port, `/t/${hosts.sample.token}`);
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe(`/t/${hosts.sample.token}/`);
    expect((await send(hosts.sample.port, `/t/${hosts.images.token}`)).status).toBe(403);
  });

  it('accepts the token in the path, a header, or the query', async () => {
    const headers = { 'content-type': 'application/json' };
    expect(
      (
        await send(hosts.sample.port, `/t/${hosts.sample.token}/api/getStatus`, {
          method: 'POST',
          headers,
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(hosts.sample.port, '/api/getStatus', {
          method: 'POST',
          headers: { ...headers, 'x-scrollback-token': hosts.sample.token },
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send(hosts.sample.port, `/api/getStatus?token=${hosts.sample.token}`, {
          method: 'POST',
          headers,
          body: '{}',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const path = `/t/${hosts.sample.token}/`;
    expect(
      (
        await send(hosts.sample.port, path, {
          headers: { host: `evil.example:${hosts.sample.port}` },
        })
      ).status,
    ).toBe(403);
    expect((await send(hosts.sample.port, path, { headers: { host: '127.0.0.1' } })).status).toBe(
      403,
    );
    expect(
      (await send(hosts.sample.port, path, { headers: { host: `localhost:${hosts.sample.port}` } }))
        .status,
    ).toBe(200);
    expect(
      (await post(hosts.sample, 'getStatus', {}, { origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(
      (await post(hosts.sample, 'getStatus', {}, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (
        await post(
          hosts.sample,
          'getStatus',
          {},
          { origin: `http://127.0.0.1:${hosts.sample.port}` },
        )
      ).status,
    ).toBe(200);
  });

  it('listens on loopback only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const address of [...others, '::1']) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: hosts.sample.port });
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
      await send(hosts.sample.port, `/t/${hosts.sample.token}/api/getStatus`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
      }),
      await post(hosts.sample, 'getStatus', {}),
      await send(hosts.sample.port, `/t/${hosts.sample.token}/`),
      await send(hosts.sample.port, '/'),
    ];
    for (const answer of answers) {
      expect(
        Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
    }
  });
});
