/**
 * Export of a Telegram chat (the bundled sample's full export): select a day's messages in the
 * reader, export them as HTML and JSON through the API the page uses (exportMessages, with the
 * selected ids), and find in the files the replies, the attachments and the events; then open
 * the HTML in Chromium as a reader would: no script, nothing fetched, and a screenshot to look at.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse, ExportFormat, ExportResult } from '../../shared/api';
import type { JsonExport } from '../../shared/export/json';
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, REPO, serve, type Served } from './serve';

const TELEGRAM = 'exports/telegram/DataExport_2024-03-12/result.json#1980000001';
const PHOTO = 'photo_1@10-03-2024_08-31-05.jpg';

let server: Served;
let folder: string;
test.beforeAll(async () => {
  server = await serve(BUNDLED_SAMPLE);
  folder = mkdtempSync(join(tmpdir(), 'scrollback-e2e-formats-'));
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Selects every row of the day shown, first to last, as a user does (click, Shift-click). */
async function selectDay(page: Page): Promise<number[]> {
  const times = page.locator('.message-scroll .message-time');
  await expect(times.first()).toBeAttached();
  const count = await times.count();
  await times.first().click({ force: true });
  await times.last().click({ force: true, modifiers: ['Shift'] });
  await expect(page.locator('.selection-count')).toHaveText(`${count} selected`);
  return page
    .locator('.message-scroll .message-selected')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-message-id'))));
}

/** Exports through the page's own transport, the call the export dialog makes. */
async function exportIds(page: Page, ids: number[], format: ExportFormat): Promise<string> {
  const path = join(folder, `telegram.${format}`);
  const answer = await page.evaluate(
    async (request) => {
      const response = await fetch(`api/exportMessages${window.location.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return (await response.json()) as ApiResponse<ExportResult>;
    },
    { ids, format, path },
  );
  expect(answer).toMatchObject({ ok: true, value: { path, messages: ids.length } });
  return path;
}

test('a Telegram day exported as HTML and JSON keeps replies, attachments and events', async ({
  page,
  browser,
}) => {
  await page.goto(`${server.url}#/${encodeURIComponent(TELEGRAM)}/2024-03-10`);
  const ids = await selectDay(page);
  expect(ids.length).toBeGreaterThanOrEqual(12);
  await shot(page, '20-telegram-selection');

  const json = JSON.parse(readFileSync(await exportIds(page, ids, 'json'), 'utf8')) as JsonExport;
  expect(json.version).toBe(2);
  expect(json.messages.map((message) => message.id)).toEqual(ids);
  const bySpeakerText = (speaker: string, start: string) =>
    json.messages.find((message) => message.speaker === speaker && message.text.startsWith(start))!;
  const route = bySpeakerText('林小溪', '周六走');
  const owen = bySpeakerText('Owen', 'Count me in');
  // Owen answers 林小溪's route, which the file holds: the reply names it by id.
  expect(owen.reply).toEqual({ id: route.id, speaker: '林小溪', text: route.text });
  expect(route.styles?.some((style) => style.href === 'https://example.org/routes/jiuxi')).toBe(
    true,
  );
  const photo = bySpeakerText('Owen', "Last weekend's view").attachments;
  expect(photo).toEqual([expect.objectContaining({ kind: 'image', name: PHOTO })]);
  expect(photo![0]!.path).toMatch(/chats\/chat_001\/photos\/photo_1@10-03-2024_08-31-05\.jpg$/);
  const files = json.messages.flatMap((message) => message.attachments ?? []);
  expect(files.map((file) => file.kind).sort()).toEqual(['file', 'image', 'sticker']);
  expect(files.find((file) => file.kind === 'file')!.path).toBeNull();
  const events = json.messages.filter((message) => message.kind === 'event');
  expect(events.map((event) => event.text)).toContain('周远山 pinned a message');
  expect(bySpeakerText('周远山', '好看').reactions).toEqual([
    { emoji: '👍', count: 2, names: ['Owen', 'Mia'] },
  ]);

  const htmlPath = await exportIds(page, ids, 'html');
  const html = readFileSync(htmlPath, 'utf8');
  expect(html).toContain(`<a class="reply" href="#m-${route.id}">`);
  expect(html).toContain('路线规划V2.pdf');

  // Opened as a reader would, in a fresh context: only the file itself is requested.
  const reader = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const requests: string[] = [];
  reader.on('request', (request) => requests.push(request.url()));
  const exported = await reader.newPage();
  await exported.goto(`file://${htmlPath}`);
  await exported.waitForLoadState('networkidle');
  const screenshots = join(REPO, 'test-results/e2e');
  await exported.screenshot({ path: join(screenshots, '21-telegram-html.png'), fullPage: true });
  expect(requests).toEqual([`file://${htmlPath}`]);
  expect(await exported.locator('script').count()).toBe(0);

  await expect(exported.locator('.event')).toHaveCount(events.length);
  await expect(exported.locator('.event', { hasText: '周远山 created the group' })).toBeVisible();
  // The reply's quote stands above its bubble and leads to the message it answers.
  const owenRow = exported.locator(`#m-${owen.id}`);
  const quote = owenRow.locator('.reply');
  await expect(quote).toContainText('林小溪');
  const quoteBox = (await quote.boundingBox())!;
  const bubbleBox = (await owenRow.locator('.bubble').boundingBox())!;
  expect(quoteBox.y + quoteBox.height).toBeLessThanOrEqual(bubbleBox.y);
  await quote.click();
  await expect(exported).toHaveURL(new RegExp(`#m-${route.id}$`));
  // The photo is embedded in the page (it stands alone), and shows.
  const embedded = exported.locator(`img.attachment[alt="${PHOTO}"]`);
  await expect(embedded).toHaveCount(1);
  expect(await embedded.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  expect(await embedded.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(
    0,
  );
  await expect(exported.locator('.file-card', { hasText: '路线规划V2.pdf' })).toContainText(
    'left out of the chat export',
  );
  await expect(exported.locator('.reactions li')).toHaveText(['👍 2']);
  await expect(exported.locator('.bubble strong', { hasText: '九溪十八涧' })).toBeVisible();
  await expect(exported.locator('.bubble a.link', { hasText: '这里' })).toHaveAttribute(
    'href',
    'https://example.org/routes/jiuxi',
  );

  await exported.emulateMedia({ media: 'print' });
  await exported.screenshot({ path: join(screenshots, '22-telegram-print.png'), fullPage: true });
  await reader.close();
});
