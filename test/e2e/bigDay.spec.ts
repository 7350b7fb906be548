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

const RICH_DAY = '2020-02-01';
/** Words the searches below do not look for, so that they count the Markdown day alone. */
const RICH_TEXTS = ['Morning all', 'The pass was icy', 'Photo from the top', 'See you Saturday'];

/**
 * A Telegram export of one day of 10,000 messages as rich as exports get: every fourth a photo
 * (of a known size, not in the export), every seventh a reply, every ninth with reactions, every
 * eleventh an event.
 */
function richExport(count: number): string {
  const names = ['Owen', '林小溪', 'Mia', '唐果'];
  const messages = Array.from({ length: count }, (_, i) => {
    const seconds = Math.floor((i * 86_000) / count);
    const time = [seconds / 3600, (seconds / 60) % 60, seconds % 60]
      .map((n) => String(Math.floor(n)).padStart(2, '0'))
      .join(':');
    const base = { id: i + 1, date: `${RICH_DAY}T${time}`, from: names[i % names.length] };
    if (i % 11 === 10)
      return {
        ...base,
        type: 'service',
        actor: base.from,
        action: 'pin_message',
        message_id: i,
        text: '',
      };
    return {
      ...base,
      type: 'message',
      text: `${RICH_TEXTS[i % RICH_TEXTS.length]} rich #${i}`,
      ...(i % 4 === 0 ? { photo: `chats/chat_001/photos/p${i}.jpg`, width: 640, height: 480 } : {}),
      ...(i % 7 === 6 ? { reply_to_message_id: i } : {}),
      ...(i % 9 === 8
        ? {
            reactions: [
              { type: 'emoji', count: 2, emoji: '👍', recent: [{ from: 'Mia' }, { from: 'Owen' }] },
            ],
          }
        : {}),
    };
  });
  return JSON.stringify({
    about: 'Here is the data you requested.',
    personal_information: { user_id: 1, first_name: 'Owen' },
    chats: { list: [{ name: 'Rich day', type: 'private_group', id: 77, messages }] },
  });
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
  // Logs with no date anywhere, and one file that is not text: the diagnostics panel must name
  // them and say why, the one binary file first (the rarer reason), not buried under the others.
  for (const name of ['undated', 'undated-2', 'undated-3', 'undated-4', 'undated-5'])
    writeFileSync(
      join(root, `big/_posts/${name}-chat.markdown`),
      bigLog('undated', 2).replace(/^date:.*$/m, 'date:       someday'),
    );
  writeFileSync(
    join(root, 'big/_posts/2020-01-03-chat.markdown'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]),
  );
  mkdirSync(join(root, 'tg'), { recursive: true });
  writeFileSync(join(root, 'tg/result.json'), richExport(MESSAGES));
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
  await expect(page.locator('.conversation')).toHaveCount(2);
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

test('a Telegram day of 10,000 messages with photos, replies and reactions stays small', async ({
  page,
}) => {
  await page.goto(`${server.url}#/`);
  const start = Date.now();
  await page.goto(`${server.url}#/${encodeURIComponent('tg/result.json#77')}/${RICH_DAY}`);
  const list = page.locator('.message-scroll');
  await expect(list.locator('.bubble').first()).toContainText('rich #0');
  const firstScreen = Date.now() - start;
  await expect(list.locator('.image-placeholder, .image-thumb').first()).toBeVisible();
  await expect(list.locator('.reply-quote').first()).toBeVisible();
  await expect(page.locator('main.chat')).toHaveAttribute('aria-busy', 'false');
  const nodes = () => list.evaluate((element) => element.querySelectorAll('*').length);
  const atStart = await nodes();
  const frames = await list.evaluate(
    (element) =>
      new Promise<number[]>((resolve) => {
        const durations: number[] = [];
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          durations.push(now - last);
          last = now;
          element.scrollTop += 3000;
          if (
            durations.length < 120 &&
            element.scrollTop + element.clientHeight < element.scrollHeight
          )
            requestAnimationFrame(tick);
          else resolve(durations.slice(1));
        };
        requestAnimationFrame(tick);
      }),
  );
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(list.locator('.bubble', { hasText: 'rich #9999' })).toBeVisible();
  const atEnd = await nodes();
  recordTiming(
    '10,000 rich Telegram messages: page load to first screen',
    firstScreen,
    `${atStart} DOM nodes`,
  );
  recordTiming(
    '10,000 rich Telegram messages: scrolling 3,000 px a frame, average frame',
    frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
  );
  recordTiming(
    '10,000 rich Telegram messages: scrolling 3,000 px a frame, worst frame',
    Math.max(...frames),
    `${atEnd} DOM nodes at the end`,
  );
  await shot(page, '13-rich-day-end');
  expect(atStart).toBeLessThan(1500);
  expect(atEnd).toBeLessThan(1500);
});

test('the diagnostics panel groups files by reason, the rarest first', async ({ page }) => {
  await page.goto(`${server.url}#/big/${SMALL_DAY}`);
  const button = page.getByRole('button', { name: 'Files that could not be read: 6' });
  await expect(button).toBeVisible();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Files that could not be read' });
  await expect(dialog).toContainText('Problems found: 6, for 2 reasons.');
  const groups = dialog.locator('.diagnostic-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).locator('.diagnostic-reason')).toContainText('binary file');
  await expect(groups.nth(0).locator('.diagnostic-path')).toHaveText([
    'big/_posts/2020-01-03-chat.markdown',
  ]);
  const undated = groups.nth(1);
  await expect(undated.locator('.diagnostic-reason')).toContainText('No date');
  await expect(undated.locator('.diagnostic-count')).toHaveText('5 files');
  // The first files show; the rest open on request.
  await expect(undated.locator('.diagnostic-path')).toHaveCount(3);
  await expect(undated.locator('.diagnostic-path').first()).toContainText('undated');
  await shot(page, '17-diagnostics');
  await undated.getByRole('button', { name: 'Show 2 more' }).click();
  await expect(undated.locator('.diagnostic-path')).toHaveCount(5);
});

test('Home and End reach either end of a 10,000-message day; the round button the latest', async ({
  page,
}) => {
  await page.goto(`${server.url}#/big/${BIG_DAY}`);
  const list = page.locator('.message-scroll');
  await expect(list.locator('.bubble').first()).toContainText(' #0');
  // The first screen shows before the rest of the day: End means the day's end once it is all here.
  await expect(page.locator('main.chat')).toHaveAttribute('aria-busy', 'false');
  await list.locator('[role="listitem"][tabindex="0"]').focus();
  await page.keyboard.press('End');
  const focusedText = () =>
    page.evaluate(() => document.activeElement?.querySelector('.bubble')?.textContent ?? '');
  await expect.poll(focusedText).toMatch(/ #9999$/);
  await expect(list.locator('.bubble', { hasText: '#9999' })).toBeInViewport();
  await page.keyboard.press('Home');
  await expect.poll(focusedText).toMatch(/ #0$/);
  await expect(list.locator('.bubble', { hasText: / #0$/ })).toBeInViewport();
  // This day is not the conversation's latest: the round button goes to the end of that one.
  await page.getByRole('button', { name: 'Jump to the latest message' }).click();
  await expect(page.locator('.day-button')).toContainText(SMALL_DAY);
  await expect(list.locator('.bubble', { hasText: 'small #4' })).toBeInViewport();
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
        // 'input', not 'keydown': Playwright types CJK text as inserted text, with no key events.
        window.addEventListener('input', () => (last = performance.now()), { capture: true });
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
