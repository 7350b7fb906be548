/**
 * Issue 10's walk through the bundled sample's exports of other apps: the WhatsApp zip, the
 * Telegram full export, the DiscordChatExporter channel and the Slack export each open and show
 * what the app shows: events as centred lines, replies quoting their original (a click goes
 * there), images, stickers and voice notes (or "not in this export" where a file cannot be
 * shown), reactions with who reacted, edits, pins, forwards, styled text and link previews, a
 * Slack thread beside the messages. Search finds a word of each, lists each conversation among
 * its facets and opens it in its day with the word marked.
 */
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

const TELEGRAM = 'exports/telegram/DataExport_2024-03-12/result.json#1980000001';
const DISCORD = 'exports/discord/TrailNote - Text Channels - dev [1160000000000000001].json';
const WHATSAPP = 'exports/WhatsApp Chat - Trail Club.zip';
const SLACK = 'exports/slack/general';
const PHOTO =
  'exports/telegram/DataExport_2024-03-12/chats/chat_001/photos/photo_1@10-03-2024_08-31-05.jpg';

const at = (conversation: string, day: string) =>
  `${server.url}#/${encodeURIComponent(conversation)}/${day}`;

/** Whether the host serves the attachment at `path` (the route may not be there yet). */
async function served(page: Page, path: string): Promise<boolean> {
  const response = await page.request.get(
    `${server.url}api/media?${new URLSearchParams({ path }).toString()}`,
  );
  return response.ok();
}

/** An image attachment shows itself when the file is served, else says it is not in the export. */
async function expectImage(page: Page, name: string, path: string): Promise<void> {
  if (await served(page, path)) {
    const image = page.locator(`.attachments img[alt="${name}"]`);
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBeGreaterThan(0);
  } else
    await expect(
      page.locator('.attachments .image-placeholder', { hasText: `${name}: not in this export` }),
    ).toBeVisible();
}

test('Telegram: events, replies, a photo, a sticker, a reaction, styles, a forward', async ({
  page,
}) => {
  await page.goto(at(TELEGRAM, '2024-03-10'));
  await expect(page.locator('.chat-title')).toHaveText('山野社 · 周末徒步');
  await expect(page.locator('.chat-header .format-badge')).toHaveText('Telegram');
  // Events are centred lines, counted apart from the messages.
  await expect(page.locator('.chat-subtitle')).toHaveText('10 messages on this day · 3 events');
  await expect(page.locator('.event', { hasText: 'created the group' })).toBeVisible();
  await expect(page.locator('.event .avatar')).toHaveCount(0);
  // Styled text: bold words and a link with its own address.
  await expect(page.locator('.bubble strong', { hasText: '九溪十八涧' })).toBeVisible();
  await expect(page.locator('.bubble a[href="https://example.org/routes/jiuxi"]')).toHaveText(
    '这里',
  );
  await expect(page.locator('.bubble code', { hasText: '18:12' })).toBeVisible();
  // A file the export left out.
  await expect(page.locator('.file-card', { hasText: '路线规划V2.pdf' })).toContainText(
    'not in this export',
  );
  await shot(page, 'formats-telegram-top');
  // A reply quotes its original; a click goes there.
  // Owen's question quotes 林小溪's plan.
  const reply = page.locator('.reply-quote', { hasText: '周六走 九溪十八涧' }).first();
  await expect(reply.locator('.reply-quote-speaker')).toHaveText('林小溪');
  await expect(
    page.locator('.message', { has: reply }).locator('.bubble', { hasText: 'Count me in!' }),
  ).toBeVisible();
  await page.locator('.message', { hasText: '可以的，全程12公里' }).locator('.reply-quote').click();
  await expect(page.locator('.message-focused')).toContainText('Count me in!');
  // Photo, sticker, reaction, edit.
  await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expectImage(page, 'photo_1@10-03-2024_08-31-05.jpg', PHOTO);
  // A photo opens large among the conversation's images (the photo and the sticker).
  if (await served(page, PHOTO)) {
    await page.locator(`.attachments img[alt="${PHOTO.split('/').pop()}"]`).click();
    await expect(page.locator('dialog.lightbox h2')).toContainText('(1/2)');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('dialog.lightbox h2')).toHaveText('sticker.webp (2/2)');
    await page.keyboard.press('Escape');
  }
  await expectImage(
    page,
    'sticker.webp',
    'exports/telegram/DataExport_2024-03-12/chats/chat_001/stickers/sticker.webp',
  );
  const edited = page.locator('.message', { hasText: '好看！下次带上无人机' });
  await expect(edited.locator('.reaction')).toHaveAttribute('title', '👍 2: Owen, Mia');
  await expect(edited.locator('.message-mark', { hasText: 'edited' })).toHaveAttribute(
    'title',
    'edited 2024-03-10 08:41:12',
  );
  await expect(page.locator('.event', { hasText: 'pinned a message' })).toContainText('«周六走');
  await shot(page, 'formats-telegram');
  await page.goto(at(TELEGRAM, '2024-03-11'));
  await expect(page.locator('.forwarded')).toHaveText('Forwarded from 杭州公交');
  await expect(page.locator('.event', { hasText: 'Mia left the group' })).toBeVisible();
});

test('DiscordChatExporter: events, replies, an image, a reaction, a link preview, a pin', async ({
  page,
}) => {
  await page.goto(at(DISCORD, '2024-03-11'));
  await expect(page.locator('.chat-title')).toHaveText('TrailNote › #dev');
  await expect(page.locator('.chat-header .format-badge')).toHaveText('Discord');
  await expect(page.locator('.event', { hasText: '苏晴 joined the server' })).toBeVisible();
  const preview = page.locator('.link-card', { hasText: 'Fix double-escaped titles #61' });
  await expect(preview).toContainText('example.com');
  await expect(preview).toHaveAttribute('href', 'https://example.com/shanye/trailnote/pull/61');
  const reply = page.locator('.message', { hasText: 'Love it.' }).locator('.reply-quote');
  await expect(reply).toContainText('New route map for the detail page');
  const map = page.locator('.message', { hasText: 'New route map' });
  await expect(map.locator('.reaction')).toHaveAttribute('title', '🔥 2: 许诺, Owen');
  await expectImage(
    page,
    'route-map.png',
    'exports/discord/TrailNote - Text Channels - dev [1160000000000000001].json_Files/route-map-3F9A1.png',
  );
  await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expect(
    page.locator('.message', { hasText: 'Release checklist' }).locator('.message-pinned'),
  ).toBeVisible();
  await shot(page, 'formats-discord');
});

test('WhatsApp: events, a photo from the zip, a voice note', async ({ page }) => {
  await page.goto(at(WHATSAPP, '2024-03-02'));
  await expect(page.locator('.chat-title')).toHaveText('Trail Club');
  await expect(page.locator('.chat-header .format-badge')).toHaveText('WhatsApp');
  await expect(page.locator('.event', { hasText: 'created group' })).toBeVisible();
  await expect(page.locator('.event', { hasText: 'end-to-end encrypted' })).toBeVisible();
  await expect(
    page.locator('.bubble', { hasText: 'Ridge loop from the north car park' }),
  ).toBeVisible();
  await page.locator('.message-scroll').evaluate((list) => (list.scrollTop = list.scrollHeight));
  await expectImage(
    page,
    '00000011-PHOTO-2024-03-02-19-50-52.png',
    `${WHATSAPP}!/00000011-PHOTO-2024-03-02-19-50-52.png`,
  );
  await shot(page, 'formats-whatsapp');
  await page.goto(at(WHATSAPP, '2024-03-05'));
  // A voice note plays in place, or says it cannot (the file, or the page's policy, refused).
  await expect(
    page.locator('.attachment-voice, .image-placeholder', {
      hasText: /Voice message|not in this export/,
    }),
  ).toBeVisible();
});

test('Slack: a thread opens beside the messages, from its first message and from a reply', async ({
  page,
}) => {
  await page.goto(at(SLACK, '2024-03-12'));
  await expect(page.locator('.chat-header .format-badge')).toHaveText('Slack');
  await page.getByRole('button', { name: '3 replies' }).click();
  const thread = page.getByRole('complementary', { name: 'Thread' });
  await expect(thread.locator('.message')).toHaveCount(4);
  // The reply of the next day is in it too.
  await expect(thread).toContainText("Sorry, can't make it this week");
  await shot(page, 'formats-slack-thread');
  await thread.getByRole('button', { name: 'Close the thread' }).click();
  await expect(thread).toBeHidden();
  await page
    .locator('.message', { hasText: 'Is it OK for beginners?' })
    .getByRole('button', { name: 'In a thread' })
    .click();
  await expect(thread.locator('.message')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(thread).toBeHidden();
});

test('search finds a word of each export, lists each among its facets, and opens it marked', async ({
  page,
}) => {
  await page.goto(at(TELEGRAM, '2024-03-10'));
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.fill('the');
  const chips = page.getByRole('group', { name: 'Narrow the search' });
  for (const title of ['Trail Club', '山野社 · 周末徒步', 'TrailNote › #dev', '#general'])
    await expect(
      chips.getByRole('button', {
        name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+$`),
      }),
    ).toBeVisible();
  await shot(page, 'formats-search');
  for (const [word, conversation, title] of [
    ['无人机', TELEGRAM, '山野社 · 周末徒步'],
    ['thicker', DISCORD, 'TrailNote › #dev'],
    ['Ridge loop', WHATSAPP, 'Trail Club'],
    ['身份证', SLACK, '#general'],
  ] as const) {
    await box.fill(word);
    await expect(page.locator('.hit-group-conversation').first()).toHaveText(title);
    await box.press('Enter');
    await expect(page).toHaveURL(
      new RegExp(encodeURIComponent(conversation).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    await expect(page.locator('.message-focused mark').first()).toHaveText(word.split(' ')[0]!);
  }
});

test('Slack times follow the time zone chosen in Settings; the archive is read again', async ({
  page,
}) => {
  const chooseZone = async (typed: string, option: RegExp) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const zone = dialog.getByRole('combobox', { name: 'Time zone of Slack and Telegram times' });
    await zone.fill(typed);
    await dialog.getByRole('option', { name: option }).click();
    await expect(zone).toHaveAttribute('placeholder', option);
    await page.keyboard.press('Escape');
  };
  await page.goto(at(SLACK, '2024-03-12'));
  await chooseZone('UTC', /^UTC \(GMT/);
  const first = page.locator('.message', { hasText: '周六九溪十八涧' });
  await expect(first).toHaveAttribute('aria-label', '小溪, 01:10:00');
  await chooseZone('shanghai', /^Asia\/Shanghai \(GMT\+8\)$/);
  await expect(first).toHaveAttribute('aria-label', '小溪, 09:10:00');
  await expect(page.locator('.time-divider').first()).toHaveText('09:00');
  await shot(page, 'formats-slack-shanghai');
});
