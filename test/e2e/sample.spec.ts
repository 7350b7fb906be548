/**
 * The bundled fictional sample archive: literal HTML shows as text, archive images open large,
 * remote images stay placeholders, and a selected range copies as text lines and exports.
 */
import { expect, test } from './fixtures';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';

let server: Served;
test.beforeAll(async () => {
  server = await serve(BUNDLED_SAMPLE);
});
test.afterAll(async () => {
  await server?.stop();
});

test('a message holding HTML shows it as text', async ({ page }) => {
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-06`);
  const bubble = page.locator('.bubble', { hasText: '<script>' });
  await expect(bubble).toBeVisible();
  await expect(bubble).toContainText('<b>bold?</b> <script>alert(1)</script>');
  await expect(page.locator('.message-scroll b, .message-scroll script')).toHaveCount(0);
  await shot(page, '08-html-as-text');
});

test('an @mention filters to the person it names', async ({ page }) => {
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-06`);
  await page.locator('.mention', { hasText: '@山猫' }).first().click();
  await expect(page.locator('.chat-subtitle')).toContainText('山猫');
  // The subtitle changes before the person's messages arrive: the list is read once they have.
  const names = page.locator('.message-scroll .message-name');
  await expect.poll(async () => new Set(await names.allTextContents())).toEqual(new Set(['山猫']));
});

test('with no archive open: open a folder by its path', async ({ page }) => {
  // The server always has an archive open; make the page believe it has none until it opens one.
  let statusCalls = 0;
  await page.route('**/api/getStatus', async (route) => {
    if (statusCalls++ === 0) await route.fulfill({ json: { ok: true, value: { state: 'empty' } } });
    else await route.continue();
  });
  await page.route('**/api/events', (route) => route.abort());
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Open the sample archive' })).toBeVisible();
  await shot(page, '14-welcome');
  await page.getByRole('button', { name: 'Open Folder…' }).click();
  // In the browser there is no folder dialog: a path box instead.
  await page.getByRole('textbox', { name: 'Folder of the archive' }).fill(BUNDLED_SAMPLE);
  await shot(page, '15-welcome-path');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('button', { name: /trailclub/ })).toBeVisible();
});

test('a progress bar while an archive loads', async ({ page }) => {
  // Three answers of "loading" (the page polls while loading), then the server's own status.
  let statusCalls = 0;
  await page.route('**/api/getStatus', async (route) => {
    if (statusCalls++ < 3) {
      const loading = {
        state: 'loading',
        root: '/archives/payment-groups',
        phase: 'reading',
        done: 420,
        total: 1060,
      };
      await route.fulfill({ json: { ok: true, value: loading } });
    } else await route.continue();
  });
  await page.route('**/api/events', (route) => route.abort());
  await page.goto(server.url);
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '420');
  // Numbers are written the locale's way.
  await expect(page.getByText('420 of 1,060 files (40%)')).toBeVisible();
  await shot(page, '16-loading');
  await expect(page.getByRole('button', { name: /trailclub/ })).toBeVisible();
});

test('images: archive thumbnails open large; remote ones are placeholders', async ({ page }) => {
  await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-05`);
  const thumbnail = page.locator('.image-thumb img').first();
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(320);
  await expect(page.locator('.image-placeholder', { hasText: 'not loaded' }).first()).toBeVisible();
  await page.locator('.image-thumb').first().click();
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox).toBeVisible();
  await shot(page, '09-lightbox');
  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();
});

test('select a range, copy it as text, export it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-06`);
  const times = page.locator('.message-scroll .message-time');
  await expect(times.first()).toBeAttached();
  await times.nth(0).click({ force: true });
  await times.nth(2).click({ force: true, modifiers: ['Shift'] });
  await expect(page.locator('.selection-count')).toHaveText('3 selected');
  await times.nth(1).click({ force: true, modifiers: ['Control'] });
  await expect(page.locator('.selection-count')).toHaveText('2 selected');
  await times.nth(1).click({ force: true, modifiers: ['Control'] });
  await shot(page, '10-selection');

  await page.locator('.message-scroll').focus();
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toBe(
    '2024-03-06 09:40:21 Mia: 安全小测试，大家看看这条在 TrailNote 预览里会不会被执行：',
  );
  expect(copied).toContain(
    '2024-03-06 09:42:10 许诺-山野社-前端-南京: 在预览里是纯文本，没弹窗[偷笑]',
  );
  expect(copied).toContain('2024-03-06 09:42:58 陈默-云栈科技-后端-上海: ');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 3 messages' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Plain text' }).check();
  const folder = mkdtempSync(join(tmpdir(), 'scrollback-e2e-export-'));
  try {
    await dialog.getByRole('textbox').fill(join(folder, 'thread'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const done = dialog.locator('.export-done');
    await expect(done).toBeVisible();
    await shot(page, '11-export');
    await expect(done).toContainText(join(folder, 'thread.txt'));
    // The exported text holds the same lines as the copied selection.
    const exported = readFileSync(join(folder, 'thread.txt'), 'utf8');
    for (const line of copied.split('\n')) expect(exported).toContain(line);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await dialog
    .getByRole('button', { name: /Close|Cancel/ })
    .first()
    .click();

  await page.keyboard.press('Escape');
  await expect(page.locator('.selection-bar')).toHaveCount(0);
});

test('export a selected range as HTML: it holds the same messages and fetches nothing', async ({
  page,
  context,
  browser,
}) => {
  await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-05`);
  const rows = page.locator('.message-scroll .message-time');
  await expect(rows.first()).toBeAttached();
  await rows.nth(5).waitFor({ state: 'attached' });
  await rows.nth(0).click({ force: true });
  await expect(page.locator('.selection-count')).toHaveText('1 selected');
  await rows.nth(5).click({ force: true, modifiers: ['Shift'] });
  await expect(page.locator('.selection-count')).toHaveText('6 selected');
  await page.locator('.message-scroll').focus();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Control+c');
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 6 messages' });
  await dialog.getByRole('radio', { name: 'HTML' }).check();
  const folder = mkdtempSync(join(tmpdir(), 'scrollback-e2e-html-'));
  try {
    await dialog.getByRole('textbox').fill(join(folder, 'thread.html'));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.locator('.export-done')).toContainText(join(folder, 'thread.html'));

    // Open the exported file as a reader would, in a fresh context, and watch every request.
    const reader = await browser.newContext();
    const requests: string[] = [];
    reader.on('request', (request) => requests.push(request.url()));
    const exportedPage = await reader.newPage();
    await exportedPage.goto(`file://${join(folder, 'thread.html')}`);
    await exportedPage.waitForLoadState('networkidle');
    await exportedPage.screenshot({
      path: join(__dirname, '../../test-results/e2e/19-exported-html.png'),
      fullPage: true,
    });
    expect(requests).toEqual([`file://${join(folder, 'thread.html')}`]);
    expect(await exportedPage.locator('script').count()).toBe(0);
    const shown = await exportedPage.locator('body').innerText();
    for (const line of copied) {
      // "2024-03-05 09:12:30 name: text": the time and the first words of the text are on the page.
      const [, time, text] =
        /^\d{4}-\d{2}-\d{2} (\d{2}:\d{2}):\d{2} [^:]*: ?(.*)$/.exec(line) ?? [];
      if (time === undefined) continue;
      expect(shown).toContain(time);
      const words =
        (text ?? '')
          .replace(/\[[^\]]+\]|!\[[^\]]*\]\([^)]*\)|@\S+/g, ' ')
          .trim()
          .split(/\s+/)[0] ?? '';
      if (words.length > 1) expect(shown).toContain(words);
    }
    await reader.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
