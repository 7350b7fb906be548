/**
 * Issue 12, as a user would try it on the bundled fictional archive: narrow windows keep the
 * people panel, a mistyped folder keeps the archive open, the place survives reload and Back, the
 * calendar keeps its focus and lands on the nearest day, the message list is one Tab stop, a
 * message has a menu, search results say themselves well, and numbers carry separators.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
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

const TRAIL = '#/groups%2Ftrailclub/2024-03-05';
const firstShown = (page: Page) =>
  page.locator('.message-scroll').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const rows = [...scroller.querySelectorAll<HTMLElement>('.virtual-row[data-message-id]')];
    const first = rows
      .filter((row) => row.getBoundingClientRect().bottom > top + 1)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
    return first ? Number(first.dataset.messageId) : null;
  });

test('a narrow window opens the people panel from the header', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(`${server.url}${TRAIL}`);
  await expect(page.locator('.message').first()).toBeVisible();
  await expect(page.locator('#people')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the people panel' }).click();
  const panel = page.getByRole('complementary', { name: 'People' });
  await expect(panel).toBeVisible();
  await shot(page, '21-narrow-people');
  await panel.locator('.person').first().click();
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
  await expect(panel).toBeHidden();
});

test('a mistyped folder is said in the dialog; the archive stays open', async ({ page }) => {
  await page.goto(`${server.url}${TRAIL}`);
  await page.getByRole('button', { name: 'Open another folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open another folder' });
  // Outside the served folder: refused (SECURITY.md), and the dialog says how to read it.
  await dialog.getByRole('textbox').fill('/no/such/folder/anywhere');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('This server reads only');
  // Inside it, but mistyped.
  await dialog.getByRole('textbox').fill(join(BUNDLED_SAMPLE, 'groups', 'trailclubb'));
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('could not be read');
  await shot(page, '22-open-failed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /trailclub/ }).first()).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.locator('.day-button')).toContainText('2024-03-06');
  await expect(page.locator('.message').first()).toBeVisible();
});

test('the place survives a reload, "]" then Back, and the person view is in the address', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(`${server.url}${TRAIL}`);
  const scroller = page.locator('.message-scroll');
  await expect.poll(() => firstShown(page)).not.toBeNull();
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await expect(page).toHaveURL(/at=\d+/);
  const before = await firstShown(page);
  await page.reload();
  await expect.poll(() => firstShown(page)).toBe(before);

  await page.keyboard.press(']');
  await expect(page.locator('.day-button')).toContainText('2024-03-06');
  await page.goBack();
  await expect(page.locator('.day-button')).toContainText('2024-03-05');
  await expect.poll(() => firstShown(page)).toBe(before);

  await page.locator('.person').first().click();
  await expect(page).toHaveURL(/person=/);
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
  await page.goBack();
  await expect(page.locator('.chat-subtitle')).toContainText('on this day');
  await page.goForward();
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
});

test('the calendar opens on the current day, Esc gives focus back, a typed date lands nearest', async ({
  page,
}) => {
  await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-06`);
  await page.locator('.day-button').click();
  await expect(page.locator('[data-day="2024-03-06"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.day-button')).toContainText('2024-03-06');
  await page.locator('.day-button').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.day-button')).toBeFocused();
  // In devteam 2024-03-07 has no messages; 03-06 and 03-08 are one day away: the earlier wins.
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-05`);
  await page.locator('.day-button').click();
  await page.getByRole('textbox', { name: 'Go to date' }).fill('2024-03-07');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.locator('.day-button')).toContainText('2024-03-06');
});

test('the message list is one Tab stop; arrows, Space and the menu work from the keyboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-06`);
  await expect(page.locator('.message').first()).toBeVisible();
  await expect(page.locator('.message-scroll [tabindex="0"]')).toHaveCount(1);
  await page.locator('.message-scroll [role="listitem"][tabindex="0"]').focus();
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-message-id'));
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-message-id'));
  expect(second).not.toBe(first);
  await page.keyboard.press('Space');
  await expect(page.locator('.selection-count')).toHaveText('1 selected');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await shot(page, '23-message-menu');
  await menu.getByRole('menuitem', { name: 'Copy link to this message' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`/2024-03-06/${second}`);
});

test('search says itself well: no flash of 0, "1 result", images as [Image], a highlighted landing', async ({
  page,
}) => {
  await page.goto(`${server.url}${TRAIL}`);
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.focus();
  const summaries: string[] = [];
  await page.exposeFunction('seen', (text: string) => summaries.push(text));
  await page.evaluate(() => {
    new MutationObserver(() => {
      const text = document.querySelector('.search-summary')?.textContent;
      if (text) (window as unknown as { seen: (t: string) => void }).seen(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.type('路线');
  await expect(page.locator('.search-summary')).toHaveText(/^\d+ results?$/);
  expect(summaries).not.toContain('0 results');
  await box.fill('has:image in:trailclub');
  await expect(page.locator('.hit').first()).toContainText('[Image]');
  await expect(page.locator('.hit').first()).not.toContainText('](');
  await box.fill('老地方见');
  await expect(page.locator('.search-summary')).toHaveText(/^1 result$|^\d+ results$/);
  await box.fill('路线');
  await expect(page.locator('.hit').first()).toBeVisible();
  await box.press('Enter');
  // The matched words are marked in the opened message (in a file card's name too).
  await expect(page.locator('.message-focused mark').first()).toHaveText('路线');
  await expect(
    page.getByRole('toolbar', { name: 'Search results in this conversation' }),
  ).toContainText(/Result 1 of \d+/);
  await shot(page, '24-search-landed-marked');
});

test('a file card and an event mark the matched words when opened from search', async ({
  page,
}) => {
  await page.goto(`${server.url}${TRAIL}`);
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.fill('路线规划V2 in:trailclub');
  await expect(page.locator('.hit').first()).toBeVisible();
  await box.press('Enter');
  await expect(page.locator('.message-focused .file-card mark')).toHaveText('路线规划V2');
  await box.fill('set the channel purpose');
  await expect(page.locator('.hit').first()).toBeVisible();
  await box.press('Enter');
  await expect(page.locator('.event.message-focused mark').first()).toHaveText('set');
});

test('the first Tab reaches the skip links; each leads where it says', async ({ page }) => {
  for (const [link, target] of [
    ['Skip to the messages', '.message-scroll [role="listitem"][tabindex="0"]'],
    ['Skip to search', '#search input'],
    ['Skip to the conversations', '#conversations button.conversation'],
  ] as const) {
    await page.goto(`${server.url}${TRAIL}`);
    await page.reload();
    await expect(page.locator('.message').first()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the messages' })).toBeFocused();
    while (
      !(await page.getByRole('link', { name: link }).evaluate((a) => a === document.activeElement))
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator(target).first()).toBeFocused();
  }
});

test('a speakerless log is a timeline: no avatars, and it says no speakers are recorded', async ({
  page,
}) => {
  await page.goto(`${server.url}#/notes/2023-11-02`);
  await expect(page.locator('.message-timeline').first()).toBeVisible();
  await expect(page.locator('.message-scroll .avatar')).toHaveCount(0);
  await expect(page.locator('.speakers-count')).toHaveText(/No speakers recorded/);
  await shot(page, '25-timeline');
});

test('a person’s view jumps to their first message of a date chosen in the calendar', async ({
  page,
}) => {
  await page.goto(`${server.url}${TRAIL}`);
  await page.getByRole('button', { name: 'All days' }).click();
  await page.locator('#people .person', { hasText: '林小溪' }).click();
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
  await page.getByRole('button', { name: 'Go to a date' }).click();
  await page.locator('[data-day="2024-03-06"]').click();
  // Their first message of 2024-03-06, among their messages of every day.
  await expect(page.locator('.message-focused .message-time')).toHaveText('2024-03-06 18:01:44');
  await expect(page.locator('.message-focused .bubble')).toContainText('好看！配色很山野');
  await page.getByRole('button', { name: 'Go to a date' }).click();
  await page.getByRole('textbox', { name: 'Go to date' }).fill('2024-03-08');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  // No message of theirs on 03-08: the next one they wrote.
  await expect(page.locator('.message-focused .message-time')).toHaveText('2024-03-09 07:45:10');
  await expect(page).toHaveURL(/person=/);
});

test('switching conversations with a person shown asks nothing of that person in the new one', async ({
  page,
}) => {
  const asked: { conversation: string; person: string }[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/getPersonMessages'))
      asked.push(
        JSON.parse(request.postData() ?? '{}') as { conversation: string; person: string },
      );
  });
  await page.goto(`${server.url}${TRAIL}`);
  await page.locator('.person').first().click();
  await expect(page.locator('.chat-subtitle')).toContainText('across all days');
  expect(asked.length).toBeGreaterThan(0);
  const person = asked[0]!.person;
  await page
    .getByRole('button', { name: /devteam/ })
    .first()
    .click();
  await expect(page.locator('.chat-title')).toHaveText('devteam');
  await expect(page.locator('.chat-subtitle')).not.toContainText('across all days');
  await expect(page.locator('.message').first()).toBeVisible();
  // Every request for a person's messages named the conversation that person was shown in.
  expect(asked.filter((request) => request.conversation !== 'groups/trailclub')).toEqual([]);
  expect(asked.every((request) => request.person === person)).toBe(true);
});
