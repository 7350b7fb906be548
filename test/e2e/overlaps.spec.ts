/**
 * One chat exported twice (a full export beside an earlier, shorter one): its header says so
 * calmly and offers to merge them; merged, it reads as one chat ("Merged from snapshots") and
 * can be separated again. Both reload what is shown.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';

const CHAT = 'Chat de WhatsApp con Mateo Ruiz.txt';
let server: Served;
let root: string;
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'scrollback-e2e-overlap-'));
  const whole = readFileSync(join(BUNDLED_SAMPLE, 'exports', CHAT), 'utf8');
  mkdirSync(join(root, 'march'));
  mkdirSync(join(root, 'early'));
  writeFileSync(join(root, 'march', CHAT), whole);
  // The earlier export ends on 2024-03-05, before Mateo's thanks.
  writeFileSync(join(root, 'early', CHAT), whole.split('\n').slice(0, 8).join('\n') + '\n');
  server = await serve(root);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('two exports of one chat: the header offers to merge them, and to separate them again', async ({
  page,
}) => {
  await page.goto(`${server.url}#/${encodeURIComponent(`early/${CHAT}`)}/2024-03-05`);
  await expect(page.locator('.conversation')).toHaveCount(2);
  const notice = page.locator('.overlap-notice');
  await expect(notice).toContainText('Shares 7 messages with Mateo Ruiz.');
  await expect(page.locator('.chat-subtitle')).toHaveText('2 messages on this day');
  // The screenshot shows the day, not its loading state.
  await expect(page.locator('.message-scroll .message')).toHaveCount(2);
  await shot(page, 'overlap-offered');
  await notice.getByRole('button', { name: 'Merge' }).click();
  await expect(notice).toContainText('Merged from snapshots: Mateo Ruiz');
  // The day now holds what either export holds, each message once.
  await expect(page.locator('.chat-subtitle')).toHaveText('3 messages on this day');
  await expect(page.locator('.bubble', { hasText: '¡Gracias! Las recojo ahora' })).toHaveCount(1);
  await expect(page.locator('.conversation')).toHaveCount(1);
  await shot(page, 'overlap-merged');
  await notice.getByRole('button', { name: 'Separate' }).click();
  await expect(notice).toContainText('Shares 7 messages');
  await expect(page.locator('.chat-subtitle')).toHaveText('2 messages on this day');
  await expect(page.locator('.conversation')).toHaveCount(2);
});
