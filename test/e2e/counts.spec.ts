/**
 * Every count says the same messages a user sees. On a day of the bundled sample holding echo
 * pairs (the exporter wrote three messages twice, under a nickname and a group card), the day's
 * header, the rows of the list, "Select day", the people of the day, a person's count, their view
 * and "Select all of", and search with its facets all count the messages shown once, not the
 * lines in the file.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';

let server: Served;
test.beforeAll(async () => {
  server = await serve(BUNDLED_SAMPLE);
});
test.afterAll(async () => {
  await server?.stop();
});

/** 31 message lines on 2024-03-05, 3 of them echoes: 28 messages. */
const DAY = '#/groups%2Ftrailclub/2024-03-05';
const SHOWN = 28;
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function personCounts(page: Page): Promise<number[]> {
  return (await page.locator('#people .person-count').allTextContents()).map(number);
}

test('a day with echo pairs: header, rows, "Select day" and the day’s people agree', async ({
  page,
}) => {
  // Tall enough that every row of the day is rendered, to be counted.
  await page.setViewportSize({ width: 1400, height: 4000 });
  await page.goto(`${server.url}${DAY}`);
  await expect(page.locator('.chat-subtitle')).toHaveText(`${SHOWN} messages on this day`);
  await expect(page.locator('.message-scroll .message')).toHaveCount(SHOWN);
  // The echo's text shows once.
  await expect(page.locator('.bubble', { hasText: '今晚开始接龙' })).toHaveCount(1);
  // The day's people arrive on their own request: wait for them rather than read them early.
  await expect
    .poll(async () => (await personCounts(page)).reduce((sum, count) => sum + count, 0))
    .toBe(SHOWN);
  await page.getByRole('button', { name: 'Select day' }).click();
  await expect(page.locator('.selection-count')).toHaveText(`${SHOWN} selected`);
  await page.keyboard.press('Escape');
});

test('a person: their count, their view, "Select all of" and search say the same number', async ({
  page,
}) => {
  await page.goto(`${server.url}${DAY}`);
  await page.getByRole('button', { name: 'All days' }).click();
  // 林小溪 wrote under two names (小溪 and the group card): one person, one count.
  const person = page.locator('#people .person', { hasText: '林小溪' });
  await expect(person).toContainText('Also: 小溪');
  const total = number(await person.locator('.person-count').textContent());
  expect(total).toBeGreaterThan(0);
  await person.click();
  await expect(page.locator('.chat-subtitle')).toHaveText(
    `林小溪: ${total} messages across all days`,
  );
  await page.getByRole('button', { name: 'Select all of 林小溪' }).click();
  await expect(page.locator('.selection-count')).toHaveText(`${total} selected`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.fill('from:小溪 in:trailclub');
  await expect(page.locator('.search-summary')).toHaveText(`${total} results`);
  // The speaker chips (one per name) add up to the same messages.
  const chips = page.getByRole('group', { name: 'Narrow the search' }).locator('.chip');
  const chipCounts = (await chips.locator('.chip-count').allTextContents()).map(number);
  expect(chipCounts.reduce((sum, count) => sum + count, 0)).toBe(total);
  await page.getByRole('button', { name: 'Select all results' }).click();
  await expect(page.locator('.selection-count')).toHaveText(`${total} selected`);
});

test('search counts an echoed message once, and a conversation as its list says', async ({
  page,
}) => {
  await page.goto(`${server.url}${DAY}`);
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.fill('今晚开始接龙');
  await expect(page.locator('.search-summary')).toHaveText('1 result');
  const listed = page.locator('.conversation', { hasText: 'trailclub' });
  await box.fill('');
  const messages = number(await listed.locator('.conversation-count').textContent());
  await box.fill('in:trailclub');
  await expect(page.locator('.search-summary')).toHaveText(`${messages} results`);
});
