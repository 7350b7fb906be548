/**
 * The reader against the real archive slice (../shared/archive-sample) in Chromium, step by
 * step as a user goes: open a conversation, reach a day through the calendar, filter to one
 * person, search and land on a result, switch to dark mode. Nothing may leave 127.0.0.1.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { SAMPLE_ARCHIVE, sampleMissing, serve, type Served } from './serve';

// The global setup has said, in one line, that the real data is absent.
test.skip(sampleMissing(), 'needs ../shared/archive-sample');

let server: Served;
test.beforeAll(async () => {
  server = await serve(SAMPLE_ARCHIVE);
});
test.afterAll(async () => {
  await server?.stop();
});

/** Names on the message list's rows, in order. */
async function shownNames(page: Page): Promise<string[]> {
  return page.locator('.message-scroll .message-name').allTextContents();
}

test('read proddev: calendar, person filter, search, dark mode', async ({ page, context }) => {
  await page.goto(server.url);
  await page
    .getByRole('button', { name: /proddev/ })
    .first()
    .click();
  await expect(page.locator('.chat-title')).toHaveText('proddev');
  await expect(page.locator('.message').first()).toBeVisible();
  await shot(page, '01-conversation');

  // Reach 2018-05-15 through the calendar.
  await page.locator('.day-button').click();
  const calendar = page.getByRole('dialog', { name: 'Calendar' });
  await expect(calendar).toBeVisible();
  await calendar.locator('[data-day="2018-05-15"]').click();
  await expect(page.locator('.day-button')).toContainText('2018-05-15');
  await expect(page).toHaveURL(/#\/source%2Fproddev\/2018-05-15$/);
  const first = page.locator('.message-scroll .message').first();
  await expect(first.locator('.message-name')).toHaveText('风者');
  await expect(first.locator('.bubble')).toHaveText('有');
  await shot(page, '02-day-2018-05-15');

  // [ and ] move between days with messages; Back returns.
  await page.locator('.message-scroll').focus();
  await page.keyboard.press(']');
  await expect(page.locator('.day-button')).toContainText('2018-05-16');
  await page.goBack();
  await expect(page.locator('.day-button')).toContainText('2018-05-15');

  // Only one person's messages, across days, from the sidebar; a second click clears it.
  const person = page.locator('.person', { hasText: '龚晓冬' }).first();
  const names = ((await person.getAttribute('title')) ?? '').split('\n');
  await person.click();
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
  await expect(page.locator('.message-scroll .message').first()).toBeVisible();
  const shownPeople = await shownNames(page);
  expect(shownPeople.length).toBeGreaterThan(3);
  for (const name of shownPeople) expect(names).toContain(name);
  await shot(page, '03-person-filter');
  // "Select the current view": all of this person's messages, across days.
  await page.getByRole('button', { name: /^Select all of/ }).click();
  await expect(page.locator('.selection-count')).toHaveText(/^\d+ selected$/);
  const selected = Number((await page.locator('.selection-count').textContent())?.split(' ')[0]);
  expect(selected).toBeGreaterThan(500);
  await page.keyboard.press('Escape');
  await expect(page.locator('.selection-bar')).toHaveCount(0);
  await person.click();
  await expect(page.locator('.chat-subtitle')).toContainText('on this day');

  // Search from the keyboard; Enter opens the first result in its day, scrolled to and highlighted.
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search messages' })).toBeFocused();
  await page.keyboard.type('二类户');
  const hit = page.locator('.hit').first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('二类户');
  const hitId = ((await hit.getAttribute('id')) ?? '').replace('hit-', '');
  const hitDay = await hit.getAttribute('data-day');
  await shot(page, '04-search-results');
  await page.keyboard.press('Enter');
  const landed = page.locator(`.message[data-message-id="${hitId}"]`);
  await expect(landed).toBeVisible();
  await expect(landed).toHaveClass(/message-focused/);
  await expect(landed.locator('.bubble')).toContainText('二类户');
  await expect(page.locator('.day-button')).toContainText(hitDay ?? '');
  await expect(landed).toBeInViewport();
  await shot(page, '05-search-landed');

  // Dark mode from the settings.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '06-dark-settings');
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();
  await shot(page, '07-dark');

  // Simplified Chinese from the settings; back to English.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: '简体中文' }).click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('searchbox', { name: '搜索消息' })).toBeVisible();
  await shot(page, '07b-dark-chinese');
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByRole('radio', { name: 'English' }).click();
  await page
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('button', { name: 'Close' })
    .click();

  // The place is remembered: a new window without a route opens where the reader was.
  const place = new URL(page.url()).hash;
  const again = await context.newPage();
  await again.goto(server.url);
  await expect(again).toHaveURL(new RegExp(`${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(again.locator(`.message[data-message-id="${hitId}"]`)).toBeVisible();
  await again.close();
});

test('search pages: "Show more" and ↓ past the last result load the next page', async ({
  page,
}) => {
  await page.goto(server.url);
  await page
    .getByRole('button', { name: /proddev/ })
    .first()
    .click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('的'); // thousands of hits
  const hits = page.locator('.hit');
  const more = page.getByRole('button', { name: 'Show more' });
  await expect(page.locator('.search-more')).toContainText('200 of');
  // The list is virtualized: only the hits near the viewport are in the DOM.
  expect(await hits.count()).toBeLessThan(60);

  // The button at the end of the list loads the next page, after the first; nothing twice.
  await more.click();
  await expect(page.locator('.search-more')).toContainText('400 of');
  await expect(page.locator('.hit[data-hit-index="200"] mark').first()).toHaveText('的');
  const ids = await hits.evaluateAll((nodes) => nodes.map((node) => node.id));
  expect(new Set(ids).size).toBe(ids.length);
  await shot(page, '20-search-more');

  // ↓ from the search box walks the results; on the last loaded one it loads the next page and
  // moves onto its first hit.
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.focus();
  await page.keyboard.press('ArrowUp'); // wraps to the last loaded result
  await expect(page.locator('.hit[data-hit-index="399"]')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.search-more')).toContainText('600 of');
  const chosen = page.locator('.hit[data-hit-index="400"]');
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  await expect(chosen).toBeInViewport();
  const opened = ((await chosen.getAttribute('id')) ?? '').replace('hit-', '');
  await page.keyboard.press('Enter');
  await expect(page.locator(`.message[data-message-id="${opened}"]`)).toBeVisible();

  // A new query starts again from its first page.
  await box.fill('二类户');
  await expect(page.locator('.hit').first().locator('mark').first()).toHaveText('二类户');
  await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
});
