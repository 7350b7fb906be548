/**
 * The `test` every e2e spec uses: Playwright's, plus an automatic guard that fails any test
 * during which the page sent a request anywhere but 127.0.0.1 (the reader works offline; remote
 * images stay placeholders; nothing is fetched unless the user asks).
 */
import { test as base, expect } from '@playwright/test';

export { expect };

function leavesLoopback(address: string): boolean {
  const url = new URL(address);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.hostname !== '127.0.0.1';
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1';
}

export const test = base.extend<{ stayOnLoopback: void }>({
  stayOnLoopback: [
    async ({ context }, use) => {
      const outside: string[] = [];
      const record = (request: { url(): string }) => {
        if (leavesLoopback(request.url())) outside.push(request.url());
      };
      context.on('request', record);
      await use();
      context.off('request', record);
      expect(outside, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});
