/**
 * The reader at the sizes people use it (1400 and 900 px wide), light and dark, in English and
 * Chinese, for people to look at (test-results/e2e/screens-*.png).
 */
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { SAMPLE_ARCHIVE, serve, type Served } from './serve';

let server: Served;
test.beforeAll(async () => {
  server = await serve(SAMPLE_ARCHIVE);
});
test.afterAll(async () => {
  await server?.stop();
});

for (const width of [1400, 900])
  for (const scheme of ['light', 'dark'] as const)
    for (const locale of ['en-US', 'zh-CN'])
      test(`${width} px, ${scheme}, ${locale}`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width, height: width > 1000 ? 900 : 700 },
          colorScheme: scheme,
          locale,
        });
        const page = await context.newPage();
        await page.goto(`${server.url}#/source%2Fproddev/2018-05-15`);
        await expect(page.locator('.message-scroll .message').first()).toBeVisible();
        await shot(page, `screens-${width}-${scheme}-${locale}-day`);
        await page.keyboard.press('Control+f');
        await page.keyboard.type('支付');
        await expect(page.locator('.hit').first()).toBeVisible();
        await shot(page, `screens-${width}-${scheme}-${locale}-search`);
        await context.close();
      });
