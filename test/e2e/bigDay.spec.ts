/**
 * A generated day of 10,000 messages: its first screen shows before the rest of the day has
 * arrived, with fewer than 1,500 DOM nodes in the message list, both opened cold by its route and
 * reached with "previous day", and scrolling to its end keeps the DOM that small. How long each
 * step took goes to the e2e timing report (timings.ts), never into an assertion.
 */
import { expect, test } from './fixtures';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatLog } from '../fixtures/chatLog';
import { shot } from './screenshots';
import { serve, type Served } from './serve';
import { recordTiming } from './timings';

const BIG_DAY = '2020-01-01';
const SMALL_DAY = '2020-01-02';
const MESSAGES = 10_000;
const SPEAKERS = [
  '林小溪-山野社-领队-杭州',
  '阿杰',
  'Owen',
  '唐果-山野社-后勤-杭州',
  '山猫',
  '苏晴-自由职业-设计-苏州',
  '豆豆妈',
  'Mia',
];
const TEXTS = [
  '早[太阳]',
  '周六的路线定了吗？',
  '@阿杰 收到[强]',
  '装备清单.xlsx',
  'https://example.org/route/42 这条路线不错',
  '好的',
  '这段路雨后比较滑，大家注意安全，带好登山杖和雨衣，别穿跑鞋。',
];

/** A day of `count` messages spread over the day, numbered #0, #1, ... */
function bigLog(day: string, count: number, label = ''): string {
  return chatLog(
    day,
    Array.from({ length: count }, (_, i) => {
      const seconds = Math.floor((i * 86_000) / Math.max(count, 1));
      const time = [seconds / 3600, (seconds / 60) % 60, seconds % 60]
        .map((n) => String(Math.floor(n)).padStart(2, '0'))
        .join(':');
      return {
        time,
        speaker: SPEAKERS[i % SPEAKERS.length]!,
        text: `${TEXTS[i % TEXTS.length]} ${label}#${i}`,
      };
    }),
  );
}

let server: Served;
let root: string;
test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'scrollback-e2e-big-'));
  mkdirSync(join(root, 'big/_posts'), { recursive: true });
  writeFileSync(join(root, `big/_posts/${BIG_DAY}-chat.markdown`), bigLog(BIG_DAY, MESSAGES));
  writeFileSync(
    join(root, `big/_posts/${SMALL_DAY}-chat.markdown`),
    bigLog(SMALL_DAY, 5, 'small '),
  );
  // A log with no date anywhere: the diagnostics panel must name it and say why.
  writeFileSync(
    join(root, 'big/_posts/undated-chat.markdown'),
    bigLog('undated', 2).replace(/^date:.*$/m, 'date:       someday'),
  );
  server = await serve(root);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('a day of 10,000 messages opens fast and stays small in the DOM', async ({ page }) => {
  // The first screen: from an action to the first frame showing the big day's first message.
  // The small day's messages say `small #n`; the big day's first one ends in ` #0`.
  const timeUntilFirstScreen = (action: 'route' | 'previous') =>
    page.evaluate(
      ({ how, day }) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          if (how === 'route') location.hash = `#/big/${day}`;
          else document.querySelector<HTMLButtonElement>('.day-nav .icon-button')!.click();
          const check = () => {
            const first = document.querySelector('.message-scroll .message .bubble');
            if (first?.textContent?.endsWith(' #0') && !first.textContent.includes('small'))
              resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      { how: action, day: BIG_DAY },
    );

  // Cold: a fresh page, then the big day by its route (days, speakers and messages all fetched).
  await page.goto(`${server.url}#/`);
  await expect(page.locator('.conversation')).toHaveCount(1);
  const cold = await timeUntilFirstScreen('route');
  const coldNodes = await page
    .locator('.message-scroll')
    .evaluate((list) => list.querySelectorAll('*').length);
  // The first screen came before the rest of the day; the rest follows, down to the last message.
  await expect(async () => {
    await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
    await expect(
      page.locator('.message-scroll .bubble', { hasText: `#${MESSAGES - 1}` }),
    ).toBeVisible({ timeout: 500 });
  }).toPass();

  // Reading: from the small day, "previous day" (whose messages were prefetched while reading).
  await page.goto(`${server.url}#/big/${SMALL_DAY}`);
  await page.reload();
  await expect(page.locator('.message-scroll .message')).toHaveCount(5);
  await page.waitForTimeout(1000);
  const reading = await timeUntilFirstScreen('previous');
  const nodes = await page
    .locator('.message-scroll')
    .evaluate((list) => list.querySelectorAll('*').length);
  recordTiming(
    '10,000-message day: first screen from "previous day"',
    reading,
    `${nodes} DOM nodes`,
  );
  recordTiming(
    '10,000-message day: first screen opened cold by its route',
    cold,
    `${coldNodes} DOM nodes`,
  );
  await shot(page, '12-big-day');
  expect(nodes).toBeLessThan(1500);
  expect(coldNodes).toBeLessThan(1500);

  // Scroll through: the middle and the end render, and the DOM stays as small.
  const frames = await page.locator('.message-scroll').evaluate(
    (list) =>
      new Promise<{ worst: number; average: number }>((resolve) => {
        const durations: number[] = [];
        let last = performance.now();
        let step = 0;
        const tick = () => {
          const now = performance.now();
          durations.push(now - last);
          last = now;
          list.scrollTop += 2000;
          if (++step < 120 && list.scrollTop + list.clientHeight < list.scrollHeight)
            requestAnimationFrame(tick);
          else
            resolve({
              worst: Math.max(...durations.slice(1)),
              average: durations.slice(1).reduce((a, b) => a + b, 0) / (durations.length - 1),
            });
        };
        requestAnimationFrame(tick);
      }),
  );
  recordTiming('10,000-message day: scrolling 2,000 px a frame, average frame', frames.average);
  recordTiming('10,000-message day: scrolling 2,000 px a frame, worst frame', frames.worst);
  await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expect(
    page.locator('.message-scroll .bubble', { hasText: `#${MESSAGES - 1}` }),
  ).toBeVisible();
  const nodesAtEnd = await page
    .locator('.message-scroll')
    .evaluate((list) => list.querySelectorAll('*').length);
  expect(nodesAtEnd).toBeLessThan(1500);
  await shot(page, '13-big-day-end');
});

test('the diagnostics panel lists files that could not be read, and why', async ({ page }) => {
  await page.goto(`${server.url}#/big/${SMALL_DAY}`);
  const button = page.getByRole('button', { name: /Files that could not be read: [1-9]/ });
  await expect(button).toBeVisible();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Files that could not be read' });
  await expect(dialog.locator('.diagnostic-path').first()).toContainText(
    'big/_posts/undated-chat.markdown',
  );
  await expect(dialog.locator('.diagnostic-message').first()).toContainText('No date');
  await shot(page, '17-diagnostics');
});

/** Milliseconds from each press of `key` to the next frame painted after it (its handling included). */
async function keyLatencies(
  page: import('@playwright/test').Page,
  key: string,
  presses: number,
): Promise<number[]> {
  await page.evaluate(() => {
    const record = window as unknown as { keyTimes: number[] };
    record.keyTimes = [];
    window.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => record.keyTimes.push(performance.now() - start), 0),
        );
      },
      { capture: true },
    );
  });
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))),
    );
  }
  return page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

test('search as you type over the big day: results follow the keys', async ({ page }) => {
  await page.goto(`${server.url}#/big/${SMALL_DAY}`);
  await expect(page.locator('.message-scroll .message')).toHaveCount(5);
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.focus();
  // From the last key typed to the results of the whole query on screen (the pause before
  // asking, the service and the list all included).
  const shown = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        window.addEventListener('keydown', () => (last = performance.now()), { capture: true });
        const check = () => {
          const mark = document.querySelector('.hit mark');
          const summary = document.querySelector('.search-summary')?.textContent ?? '';
          if (mark?.textContent === '路线' && /\d/.test(summary)) resolve(performance.now() - last);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
  await page.keyboard.type('路线', { delay: 60 });
  const typed = await shown;
  await expect(page.locator('.search-summary')).toContainText(/2,?859/);
  recordTiming(
    'search as you type: last key to results on screen',
    typed,
    '2,859 hits of 10,007 messages',
  );

  // 2,400 results loaded: ↓ moves through them as fast as through a few.
  const loadedCount = async () =>
    Number(
      ((await page.locator('.search-more').textContent()) ?? '')
        .match(/([\d,]+) of/)?.[1]
        ?.replace(/,/g, '') ?? '0',
    );
  while ((await loadedCount()) < 2400) {
    const before = await loadedCount();
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(loadedCount).toBeGreaterThan(before);
  }
  await box.focus();
  const latencies = await keyLatencies(page, 'ArrowDown', 20);
  recordTiming('search results, 2,400 loaded: ↓ to the next frame, median', median(latencies));
  recordTiming('search results, 2,400 loaded: ↓ to the next frame, worst', Math.max(...latencies));
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);
});
