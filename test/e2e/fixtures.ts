/**
 * The `test` every e2e spec uses: Playwright's, plus an automatic guard over every page of the
 * test's context. It fails the test when a page
 * - sends a request anywhere but 127.0.0.1 (the request is aborted, and recorded): the reader
 *   works offline, remote images stay placeholders, nothing is fetched unless the user asks;
 * - throws an uncaught error;
 * - opens a dialog (an `alert` from archive text would be script from the archive running).
 */
import { test as base, expect } from '@playwright/test';

export { expect };

function leavesLoopback(address: string): boolean {
  const url = new URL(address);
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return url.hostname !== '127.0.0.1';
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1';
}

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ context }, use) => {
      const outside: string[] = [];
      const errors: string[] = [];
      await context.route('**/*', async (route) => {
        if (!leavesLoopback(route.request().url())) return route.fallback();
        outside.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      const record = (request: { url(): string }) => {
        if (leavesLoopback(request.url()) && !outside.includes(request.url()))
          outside.push(request.url());
      };
      context.on('request', record);
      context.on('weberror', (error) => errors.push(error.error().message));
      context.on('dialog', (dialog) => {
        errors.push(`unexpected dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use();
      context.off('request', record);
      expect(outside, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'page errors and dialogs').toEqual([]);
    },
    { auto: true },
  ],
});
