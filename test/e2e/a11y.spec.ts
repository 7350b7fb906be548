/**
 * WCAG 2.1 AA on the main screens, as axe-core (the standard checker) reads them: the welcome
 * screen, a day of each kind of log (a WeChat log with images and files, a Telegram chat with
 * events, replies, reactions and styles, a Slack channel with its thread open), search results,
 * the settings and diagnostics dialogs, in light and dark. A violation fails the test with the
 * rule, the element and why.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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

const TELEGRAM =
  '#/exports%2Ftelegram%2FDataExport_2024-03-12%2Fresult.json%231980000001/2024-03-10';

/** The violations of WCAG 2.1 A and AA, each as one line to read. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}

for (const scheme of ['light', 'dark'] as const)
  test.describe(`${scheme}`, () => {
    // Without motion, the landing on a message shows its resting colours at once.
    test.use({ colorScheme: scheme, reducedMotion: 'reduce' });

    test('the welcome screen', async ({ page }) => {
      let statusCalls = 0;
      await page.route('**/api/getStatus', async (route) => {
        if (statusCalls++ === 0)
          await route.fulfill({ json: { ok: true, value: { state: 'empty' } } });
        else await route.continue();
      });
      await page.route('**/api/events', (route) => route.abort());
      await page.goto(server.url);
      await expect(page.getByRole('button', { name: 'Open the sample archive' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('a day of a WeChat log, and its search results', async ({ page }) => {
      await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-05`);
      await expect(page.locator('.message-scroll .message').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByRole('searchbox', { name: 'Search messages' }).fill('路线');
      await expect(page.locator('.hit').first()).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.locator('.message-focused')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await shot(page, `a11y-${scheme}-search`);
    });

    test('a Telegram day: events, replies, reactions, attachments, styles', async ({ page }) => {
      await page.goto(`${server.url}${TELEGRAM}`);
      await expect(page.locator('.event').first()).toBeVisible();
      await expect(page.locator('.reply-quote').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await shot(page, `a11y-${scheme}-telegram`);
    });

    test('a Slack channel with its thread open', async ({ page }) => {
      await page.goto(`${server.url}#/exports%2Fslack%2Fgeneral/2024-03-12`);
      await page.getByRole('button', { name: '3 replies' }).click();
      await expect(page.getByRole('complementary', { name: 'Thread' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the settings and diagnostics dialogs', async ({ page }) => {
      await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-05`);
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await shot(page, `a11y-${scheme}-settings`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /Files that could not be read/ }).click();
      await expect(
        page.getByRole('dialog', { name: 'Files that could not be read' }),
      ).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
