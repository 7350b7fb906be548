/**
 * The reader at the sizes people use it (1400 and 900 px wide), light and dark, in English and
 * Chinese, for people to look at (test-results/e2e/screens-*.png): a day of a WeChat log, a
 * Telegram day (events, replies, attachments, reactions, styles), a Slack thread, search
 * results with a result opened, and the settings.
 */
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';

let server: Served;
test.beforeAll(async () => {
  server = await serve(BUNDLED_SAMPLE);
});
test.afterAll(async () => {
  await server?.stop();
});

const TELEGRAM = 'exports/telegram/DataExport_2024-03-12/result.json#1980000001';

for (const width of [1400, 900])
  for (const scheme of ['light', 'dark'] as const)
    for (const locale of ['en-US', 'zh-CN'])
      test(`${width} px, ${scheme}, ${locale}`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width, height: width > 1000 ? 900 : 700 },
          colorScheme: scheme,
          locale,
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        const name = (screen: string) => `screens-${width}-${scheme}-${locale}-${screen}`;
        await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-05`);
        await expect(page.locator('.message-scroll .message').first()).toBeVisible();
        await expect
          .poll(() =>
            page
              .locator('.message-scroll .image-thumb img')
              .first()
              .evaluate((image: HTMLImageElement) => image.naturalWidth),
          )
          .toBeGreaterThan(0);
        await shot(page, name('day'));

        await page.goto(`${server.url}#/${encodeURIComponent(TELEGRAM)}/2024-03-10`);
        await expect(page.locator('.event').first()).toBeVisible();
        await page
          .locator('.message-scroll')
          .evaluate((list) => (list.scrollTop = list.scrollHeight / 2));
        await page.waitForTimeout(300);
        await shot(page, name('telegram'));

        await page.goto(`${server.url}#/exports%2Fslack%2Fgeneral/2024-03-12`);
        await page.locator('.thread-parent').click();
        await expect(page.locator('#thread .message')).toHaveCount(4);
        await shot(page, name('thread'));
        await page.keyboard.press('Escape');

        await page.keyboard.press('Control+f');
        await page.keyboard.type('路线');
        await expect(page.locator('.hit').first()).toBeVisible();
        await page.keyboard.press('Enter');
        await expect(page.locator('.message-focused')).toBeVisible();
        await shot(page, name('search'));

        await page.locator('.left-footer-buttons .icon-button').last().click();
        await expect(page.locator('dialog.settings-dialog')).toBeVisible();
        await page.locator('dialog.settings-dialog').evaluate((dialog) => {
          const content = dialog.querySelector('.dialog-content') ?? dialog;
          content.scrollTop = content.scrollHeight;
        });
        await shot(page, name('settings'));
        await context.close();
      });
