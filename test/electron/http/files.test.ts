/** What the HTTP host serves as files: the renderer's, and images inside the archive only. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHttpHost } from '../../../electron/http-host';
import { ArchiveService } from '../../../electron/service/archiveService';
import { SettingsStore } from '../../../electron/service/settings';
import { CHAT, PNG, send, useTestHosts } from '../../fixtures/httpHost';

const hosts = useTestHosts();

describe('renderer files', () => {
  it('serves the page with a strict Content-Security-Policy', async () => {
    const answer = await send(hosts.sample.port, `/t/${hosts.sample.token}/`);
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
    const script = await send(hosts.sample.port, `/t/${hosts.sample.token}/assets/app.js`);
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
        (await send(hosts.sample.port, `/t/${hosts.sample.token}/${path}`)).status,
      );
    }
  });

  it('says how to build the renderer when it is missing', async () => {
    const service = new ArchiveService({ cacheDir: null });
    const host = await startHttpHost({
      service,
      settings: new SettingsStore(null),
      rendererDir: join(hosts.renderer.root, 'missing'),
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
  const image = (from: string, src: string, token = hosts.images.token) =>
    send(
      hosts.images.port,
      `/t/${token}/api/image?${new URLSearchParams({ from, src }).toString()}`,
    );

  it('serves an image inside the archive as image/png, nosniff', async () => {
    const answer = await image(CHAT, 'images/a.png');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body.equals(PNG)).toBe(true);
  });

  it('needs the token like everything else', async () => {
    expect(
      (
        await send(
          hosts.images.port,
          `/api/image?${new URLSearchParams({ from: CHAT, src: 'images/a.png' }).toString()}`,
        )
      ).status,
    ).toBe(403);
  });

  it('refuses anything outside the archive, and non-images', async () => {
    const secret = join(hosts.outside.root, 'secret.png');
    const cases: [string, string][] = [
      [CHAT, '../../../secret.png'],
      [CHAT, `${'../'.repeat(40)}${secret.slice(1)}`],
      [CHAT, `${'%2e%2e/'.repeat(40)}${secret.slice(1)}`],
      [CHAT, secret],
      [CHAT, `file://${secret}`],
      [CHAT, 'images/out.png'],
      [CHAT, 'notes.txt'],
      [`${'../'.repeat(40)}${hosts.outside.root.slice(1)}/x.markdown`, 'secret.png'],
      [secret, 'secret.png'],
    ];
    for (const [from, src] of cases) {
      expect([403, 404], `${from} ${src}`).toContain((await image(from, src)).status);
    }
    // A path-level climb, written into the URL itself, is refused too.
    expect([403, 404]).toContain(
      (
        await send(
          hosts.images.port,
          `/t/${hosts.images.token}/api/image?from=${encodeURIComponent(CHAT)}&src=%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.png`,
        )
      ).status,
    );
  });
});
