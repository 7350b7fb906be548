/**
 * The archive is read offline: any request that leaves 127.0.0.1 is aborted and recorded, and
 * the test asserts none was made.
 */
import type { BrowserContext } from '@playwright/test';

export async function guardNetwork(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') {
      outside.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    await route.continue();
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (
      url.protocol === 'ws:' ||
      url.protocol === 'wss:' ||
      ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1')
    ) {
      if (!outside.includes(url.href)) outside.push(url.href);
    }
  });
  return outside;
}
