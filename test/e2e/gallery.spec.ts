/**
 * A conversation's gallery: its images (a Markdown log's and the photos and stickers an export
 * holds), its files (named in text, or attached) and its links (in text, link previews and
 * styled links); an image opens large among the others, a file or a link opens its message.
 */
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

test('a WeChat log’s gallery: the archive image opens large, a file opens its message', async ({
  page,
}) => {
  await page.goto(`${server.url}#/groups%2Ftrailclub/2024-03-09`);
  await page.getByRole('button', { name: 'Images, files and links' }).click();
  const gallery = page.getByRole('dialog', { name: 'Images, files and links of trailclub' });
  const tiles = gallery.locator('.gallery-tile');
  await expect(tiles.first()).toBeVisible();
  // The image in the archive is shown; images on the web stay placeholders.
  await expect(gallery.locator('.gallery-tile img')).toHaveCount(1);
  await expect(gallery.locator('.gallery-placeholder').first()).toContainText('Image from the web');
  await shot(page, 'gallery-images');
  await gallery.locator('.gallery-tile img').click();
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox).toBeVisible();
  await expect
    .poll(() => lightbox.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(320);
  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();

  await gallery.getByRole('tab', { name: 'Files' }).click();
  await expect(gallery.locator('.gallery-row-text')).toContainText([
    '装备清单.xlsx',
    '路线规划V2.pdf',
  ]);
  await gallery.locator('.gallery-row', { hasText: '路线规划V2.pdf' }).click();
  await expect(gallery).toBeHidden();
  await expect(page.locator('.day-button')).toContainText('2024-03-05');
  await expect(page.locator('.message-focused')).toContainText('路线规划V2.pdf');
});

test('a Telegram chat’s gallery: photo and sticker, a file left out', async ({ page }) => {
  await page.goto(
    `${server.url}#/exports%2Ftelegram%2FDataExport_2024-03-12%2Fresult.json%231980000001/2024-03-11`,
  );
  await page.getByRole('button', { name: 'Images, files and links' }).click();
  const gallery = page.getByRole('dialog', { name: /Images, files and links of 山野社/ });
  // Found by has:image, fetched whole for their attachments: the photo and the sticker.
  await expect(gallery.locator('.gallery-tile')).toHaveCount(2);
  await expect(gallery.locator('.gallery-tile').first()).toHaveAttribute(
    'aria-label',
    /sticker\.webp/,
  );
  await gallery.getByRole('tab', { name: 'Files' }).click();
  await expect(gallery.locator('.gallery-row-text')).toHaveText(['路线规划V2.pdf']);
  await shot(page, 'gallery-telegram-files');
  await gallery.locator('.gallery-row').first().click();
  await expect(page.locator('.message-focused')).toContainText('路线规划发一下');
});

test('a Discord channel’s links: the address in the text, once with its preview', async ({
  page,
}) => {
  await page.goto(
    `${server.url}#/${encodeURIComponent('exports/discord/TrailNote - Text Channels - dev [1160000000000000001].json')}/2024-03-11`,
  );
  await page.getByRole('button', { name: 'Images, files and links' }).click();
  const gallery = page.getByRole('dialog', { name: /Images, files and links of TrailNote/ });
  await gallery.getByRole('tab', { name: 'Links' }).click();
  await expect(gallery.locator('.gallery-row-text')).toHaveText([
    'https://example.com/shanye/trailnote/pull/61',
  ]);
});

test('an export’s photo opens large among the conversation’s images, the sticker next', async ({
  page,
}) => {
  // The files as the host serves them by archive path (read here from the sample folder, so that
  // this holds whatever the host's route answers).
  await page.route('**/api/media?**', async (route) => {
    const path = new URL(route.request().url()).searchParams.get('path') ?? '';
    if (path.includes('!') || path.includes('..')) return route.continue();
    await route.fulfill({ path: join(BUNDLED_SAMPLE, path) });
  });
  await page.goto(
    `${server.url}#/exports%2Ftelegram%2FDataExport_2024-03-12%2Fresult.json%231980000001/2024-03-10`,
  );
  await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  const photo = page.locator('.attachments img[alt="photo_1@10-03-2024_08-31-05.jpg"]');
  await expect
    .poll(() => photo.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(160);
  // The sticker stands smaller, without a bubble.
  const sticker = page.locator('.attachments .sticker img');
  await expect
    .poll(() => sticker.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);
  await shot(page, 'gallery-telegram-photo-sticker');
  await photo.click();
  const title = page.locator('dialog.lightbox h2');
  await expect(title).toHaveText('photo_1@10-03-2024_08-31-05.jpg (1/2)');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('sticker.webp (2/2)');
  await page.keyboard.press('Escape');
});
