/**
 * A generated day of 10,000 messages: its first screen must show in under 300 ms with fewer than
 * 1,500 DOM nodes in the message list, both opened cold by its route and reached with "previous
 * day", and scrolling to its end must keep the DOM that small.
 */
import { expect, test } from './fixtures';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatLog } from '../fixtures/chatLog';
import { shot } from './screenshots';
import { serve, type Served } from './serve';

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
  console.log(
    `10,000-message day, first screen: ${reading.toFixed(0)} ms from "previous day" (${nodes} DOM nodes in the list); ` +
      `${cold.toFixed(0)} ms opened cold by its route, fetch included (${coldNodes} DOM nodes)`,
  );
  await shot(page, '12-big-day');
  expect(reading).toBeLessThan(300);
  expect(nodes).toBeLessThan(1500);
  // Cold includes fetching: the first screenful comes first, the rest of the day after it.
  expect(cold).toBeLessThan(300);
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
  console.log(
    `scrolling 2,000 px per frame: average frame ${frames.average.toFixed(1)} ms, worst ${frames.worst.toFixed(1)} ms`,
  );
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
