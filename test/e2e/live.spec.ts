/**
 * Live changes: a day file written into the open archive appears in the reader on its own (the
 * conversation's last day, the next-day button, the calendar, the search results); a
 * file completed after a half-written first version shows each message once; a removed file's
 * day goes away; a long day being read keeps its scroll position and selection. The archive is a
 * temporary copy of assets/sample-archive, never the original. A person filter shown follows a
 * change too, without emptying the list or moving it. How long each change took to show goes to
 * the timing report (the machine is shared: the test waits generously, and never times it).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatLog } from '../fixtures/chatLog';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';
import { recordTiming } from './timings';

/** How long a change may take to show before the test fails: a hang, not a slow machine. */
const LIMIT_MS = 20_000;
const NEW_DAY = 'groups/trailclub/_posts/2024-03-10-chat.markdown';

let copy: string;
let server: Served;
test.beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'scrollback-e2e-live-'));
  cpSync(BUNDLED_SAMPLE, copy, { recursive: true });
  server = await serve(copy);
});
test.afterAll(async () => {
  await server?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** 600 messages, "message 0" to "message 599", every 30 seconds from 08:00, two speakers. */
function sixHundredMessages(): [time: string, speaker: string, text: string][] {
  return Array.from({ length: 600 }, (_, index) => {
    const seconds = 8 * 3600 + index * 30;
    const time = [seconds / 3600, (seconds / 60) % 60, seconds % 60]
      .map((part) => String(Math.floor(part)).padStart(2, '0'))
      .join(':');
    return [time, index % 2 ? 'Owen' : '山猫', `message ${index}`];
  });
}

/** A day in the exporter's format. */
function dayLog(day: string, messages: [time: string, speaker: string, text: string][]): string {
  return chatLog(
    day,
    messages.map(([time, speaker, text]) => ({ time, speaker, text })),
  );
}

/** Milliseconds from `since` until `check` passes (tried every 25 ms); fails LIMIT_MS after it. */
async function shownWithin(since: number, check: () => Promise<unknown>): Promise<number> {
  await expect(check).toPass({ timeout: LIMIT_MS - (Date.now() - since), intervals: [25] });
  return Date.now() - since;
}

const trailclub = (page: Page) => page.getByRole('button', { name: /trailclub/ });
const bubbles = (page: Page) => page.locator('.message-scroll .bubble');

test('a day written into the open archive appears on its own, once; removed, it goes', async ({
  page,
}) => {
  await page.goto(server.url);
  await trailclub(page).click();
  await expect(page.locator('.day-button')).toContainText('2024-03-09');
  await expect(trailclub(page).locator('.conversation-day')).toHaveText('2024-03-09');
  await expect(page.getByRole('button', { name: 'Next day' })).toBeDisabled();
  await expect(bubbles(page).first()).toBeVisible();
  // Read down to the end of the day: the change must not move the reader back to the top.
  const scroller = page.locator('.message-scroll');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const scrolled = await scroller.evaluate((element) => element.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  const shownBefore = await bubbles(page).count();

  // A new day, written while the page is open.
  const refetched = page.waitForResponse(
    (response) =>
      response.url().includes('/api/getDayMessages') &&
      response.request().postData()?.includes('2024-03-09') === true,
  );
  const written = Date.now();
  writeFileSync(
    join(copy, NEW_DAY),
    dayLog('2024-03-10', [
      ['08:00:00', '周远山-山野社-群主-杭州', '明天的路线改到龙井，带好雨具'],
      ['08:02:30', 'Owen', 'Got it, see you at the tea fields'],
    ]),
  );
  const listed = await shownWithin(written, () =>
    expect(trailclub(page).locator('.conversation-day')).toHaveText('2024-03-10', { timeout: 50 }),
  );
  const navigable = await shownWithin(written, () =>
    expect(page.getByRole('button', { name: 'Next day' })).toBeEnabled({ timeout: 50 }),
  );
  recordTiming('live: a new day in the conversation list', listed);
  recordTiming('live: a new day reachable by the next-day button', navigable);
  // The day shown was fetched again, and did not move or lose its messages meanwhile.
  await refetched;
  await expect(page.locator('.day-button')).toContainText('2024-03-09');
  await expect(bubbles(page)).toHaveCount(shownBefore);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(scrolled);

  await page.locator('.day-button').click();
  const calendar = page.getByRole('dialog', { name: 'Calendar' });
  await expect(calendar.locator('[data-day="2024-03-10"]')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.day-button')).toContainText('2024-03-10');
  await expect(bubbles(page)).toHaveText([
    '明天的路线改到龙井，带好雨具',
    'Got it, see you at the tea fields',
  ]);
  await shot(page, '18-live-change');

  // Half-written (a header without its text yet), then complete: each message shows once.
  const complete = dayLog('2024-03-10', [
    ['08:00:00', '周远山-山野社-群主-杭州', '明天的路线改到龙井，带好雨具'],
    ['08:02:30', 'Owen', 'Got it, see you at the tea fields'],
    ['08:05:00', '苏晴-自由职业-设计-苏州', '雨衣我多带一件'],
  ]);
  writeFileSync(join(copy, NEW_DAY), complete.slice(0, complete.indexOf('雨衣')));
  await expect(bubbles(page)).toHaveCount(3, { timeout: LIMIT_MS });
  // A search for the missing words is open meanwhile; its results follow the archive too.
  const search = page.getByRole('searchbox', { name: 'Search messages' });
  await search.fill('多带一件');
  await expect(page.locator('.search-summary')).toHaveText('0 results');
  const changed = Date.now();
  writeFileSync(join(copy, NEW_DAY), complete);
  const completed = await shownWithin(changed, () =>
    expect(bubbles(page).last()).toHaveText('雨衣我多带一件', { timeout: 50 }),
  );
  const found = await shownWithin(changed, () =>
    expect(page.locator('.search-summary')).toHaveText('1 result', { timeout: 50 }),
  );
  recordTiming('live: a completed file shown', completed);
  recordTiming('live: a completed file in the search results', found);
  await expect(page.locator('.hit .hit-snippet')).toContainText('多带一件');
  await expect(bubbles(page)).toHaveCount(3);
  await expect(page.locator('.day-button')).toContainText('2024-03-10');
  await search.fill('');

  // Removed: the day leaves the conversation, and its messages the page.
  const removed = Date.now();
  rmSync(join(copy, NEW_DAY));
  const gone = await shownWithin(removed, () =>
    expect(trailclub(page).locator('.conversation-day')).toHaveText('2024-03-09', { timeout: 50 }),
  );
  recordTiming('live: a removed day gone', gone);
  await expect(bubbles(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.locator('.day-button')).toContainText('2024-03-09');
  await expect(page.getByRole('button', { name: 'Next day' })).toBeDisabled();
});

test('a long day read halfway down keeps its place when its conversation changes', async ({
  page,
}) => {
  const long = sixHundredMessages();
  writeFileSync(
    join(copy, 'groups/devteam/_posts/2024-03-20-chat.markdown'),
    dayLog('2024-03-20', long),
  );
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-20`);
  await expect(page.locator('.chat-subtitle')).toContainText('600');
  const scroller = page.locator('.message-scroll');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await expect(bubbles(page).first()).not.toHaveText('message 0');
  // A few messages selected: a day added after them renumbers nothing, so they stay selected.
  const times = page.locator('.message-scroll .message-time');
  await times.nth(1).click({ force: true });
  await times.nth(2).click({ force: true, modifiers: ['Shift'] });
  const selected = page.locator('.selection-count');
  await expect(selected).toHaveText(/^\d+ selected$/);
  const selectedBefore = await selected.textContent();
  // Where the reader is, once the clicks have scrolled what they clicked into view.
  const scrolled = await scroller.evaluate((element) => element.scrollTop);
  const topBefore = await bubbles(page).first().textContent();

  // The day after it is written: the long day shown is fetched again.
  const refetched = page.waitForResponse(
    (response) =>
      response.url().includes('/api/getDayMessages') &&
      response.request().postData()?.includes('2024-03-20') === true,
  );
  writeFileSync(
    join(copy, 'groups/devteam/_posts/2024-03-21-chat.markdown'),
    dayLog('2024-03-21', [['09:00:00', 'Owen', 'next day']]),
  );
  await expect(page.getByRole('button', { name: 'Next day' })).toBeEnabled({ timeout: LIMIT_MS });
  await refetched;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(scrolled);
  await expect(bubbles(page).first()).toHaveText(topBefore ?? '');
  await expect(selected).toHaveText(selectedBefore ?? '');

  rmSync(join(copy, 'groups/devteam/_posts/2024-03-20-chat.markdown'));
  rmSync(join(copy, 'groups/devteam/_posts/2024-03-21-chat.markdown'));
  await expect(
    page.getByRole('button', { name: /devteam/ }).locator('.conversation-day'),
  ).toHaveText('2024-03-08', { timeout: LIMIT_MS });
});

test("one person's messages follow a change without emptying or jumping to the top", async ({
  page,
}) => {
  const long = sixHundredMessages();
  const longDay = join(copy, 'groups/devteam/_posts/2024-03-20-chat.markdown');
  const nextDay = join(copy, 'groups/devteam/_posts/2024-03-21-chat.markdown');
  writeFileSync(longDay, dayLog('2024-03-20', long));
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-20`);
  await expect(page.locator('.chat-subtitle')).toContainText('600');
  await page.locator('.person', { hasText: 'Owen' }).first().click();
  await expect(page.locator('.message-scroll .message-name').first()).toContainText('Owen');
  const scroller = page.locator('.message-scroll');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const scrolled = await scroller.evaluate((element) => element.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  const topBefore = await bubbles(page).first().textContent();
  // Whether the list was ever empty while the change was fetched.
  await scroller.evaluate((element) => {
    const list = element as HTMLElement & { emptied?: boolean };
    list.emptied = false;
    new MutationObserver(() => {
      if (!list.querySelector('.bubble')) list.emptied = true;
    }).observe(list, { childList: true, subtree: true });
  });

  const refetched = page.waitForResponse((response) =>
    response.url().includes('/api/getPersonMessages'),
  );
  writeFileSync(nextDay, dayLog('2024-03-21', [['09:00:00', 'Owen', 'Owen the next day']]));
  await refetched;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(scrolled);
  await expect(bubbles(page).first()).toHaveText(topBefore ?? '');
  expect(await scroller.evaluate((element) => (element as { emptied?: boolean }).emptied)).toBe(
    false,
  );
  // The new message is there, at the end.
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(bubbles(page).filter({ hasText: 'Owen the next day' })).toHaveCount(1);

  rmSync(longDay);
  rmSync(nextDay);
  await expect(
    page.getByRole('button', { name: /devteam/ }).locator('.conversation-day'),
  ).toHaveText('2024-03-08', { timeout: LIMIT_MS });
});
