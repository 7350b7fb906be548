/**
 * The HTML export in a real browser (Debian's Chromium): it shows the same messages, makes no
 * request at all while loading, and prints to a PDF whose text holds the messages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../electron/service/archiveService';
import { exportToFile } from '../../../electron/service/export';
import { chromiumPrinter, findChromium } from '../../../electron/service/export/pdf';
import type { Message } from '../../../shared/model';
import { BUNDLED_SAMPLE, SAMPLE_ARCHIVE, sampleMissing } from '../../fixtures/archive';
import { hasCommand } from '../../fixtures/commands';

const executablePath = findChromium();
const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/export');
/** Without a CJK font Chromium draws Chinese as missing glyphs, some of which lose their text in the PDF. */
const hasCjkFont = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();
const hasPdfToText = hasCommand('pdftotext', '-v');

/** What a bubble shows for a message: emoji shortcodes as their emoji, images as placeholders aside. */
function plainWords(message: Message): string[] {
  return message.text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[[^\]\s]{1,8}\]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length >= 2);
}

describe.skipIf(executablePath === null)('HTML export in Chromium', () => {
  let browser: Browser;
  let out: string;
  const service = new ArchiveService({ cacheDir: null });

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: executablePath!,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
    out = mkdtempSync(join(tmpdir(), 'scrollback-export-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    service.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const [name, root, conversation, days] of [
    ['bundled', BUNDLED_SAMPLE, 'groups/devteam', ['2024-03-05', '2024-03-06']],
    ['trailclub', BUNDLED_SAMPLE, 'groups/trailclub', ['2024-03-05']],
    ['proddev', SAMPLE_ARCHIVE, 'source/proddev', ['2018-05-15']],
  ] as const) {
    it.skipIf(root === SAMPLE_ARCHIVE && sampleMissing())(
      `opens the ${name} export with zero network requests and shows every message`,
      async () => {
        await service.open(root);
        const messages = days.flatMap((day) => service.dayMessages(conversation, day).messages);
        const path = join(out, `${name}.html`);
        await exportToFile(
          service,
          { ids: messages.map((m) => m.id), format: 'html', path },
          undefined,
          { me: name === 'bundled' ? '许诺-山野社-前端-南京' : null },
        );

        const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
        const requests: string[] = [];
        const page = await context.newPage();
        page.on('request', (request) => {
          if (request.url() !== pathToFileURL(path).href) requests.push(request.url());
        });
        await context.route('**/*', (route) => {
          if (route.request().url() === pathToFileURL(path).href) return route.continue();
          requests.push(route.request().url());
          return route.abort();
        });
        const scripts: string[] = [];
        page.on('console', (message) => scripts.push(message.text()));
        await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
        await page.screenshot({
          path: join(SCREENSHOTS, `${name}.png`),
          fullPage: name !== 'proddev',
        });

        expect(requests).toEqual([]);
        expect(scripts).toEqual([]);
        expect(await page.locator('script').count()).toBe(0);
        const bubbles = await page.locator('.bubble').allInnerTexts();
        expect(bubbles).toHaveLength(messages.length);
        messages.forEach((message, index) => {
          for (const word of plainWords(message)) expect(bubbles[index]).toContain(word);
        });
        const times = await page.locator('.message time').allInnerTexts();
        expect(times).toEqual(messages.map((message) => message.time));
        await context.close();
      },
    );
  }

  it('shows a message holding <script> as text', async () => {
    await service.open(BUNDLED_SAMPLE);
    const messages = service.dayMessages('groups/devteam', '2024-03-06').messages;
    const path = join(out, 'script.html');
    await exportToFile(service, { ids: messages.map((m) => m.id), format: 'html', path });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path).href);
    expect(await page.locator('.bubble', { hasText: '<script>alert(1)</script>' }).count()).toBe(1);
    expect(await page.locator('script, b').count()).toBe(0);
    await page.close();
  });

  it.skipIf(!hasPdfToText)(
    'prints a PDF whose text holds the messages, with no request made',
    async () => {
      await service.open(BUNDLED_SAMPLE);
      const messages = service.dayMessages('groups/devteam', '2024-03-06').messages;
      const path = join(out, 'thread.pdf');
      const requests: string[] = [];
      const result = await exportToFile(
        service,
        { ids: messages.map((m) => m.id), format: 'pdf', path },
        chromiumPrinter({ onRequest: (url) => requests.push(url) }),
      );
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
      expect(result.bytes).toBe(bytes.length);
      expect(requests).toEqual([]);
      // Lines wrap anywhere in Chinese, so blanks are left out of the comparison.
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      const checked = (word: string) => hasCjkFont || /^[\x21-\x7e]+$/.test(word);
      for (const message of messages) {
        expect(text).toContain(message.time);
        if (checked(message.speaker)) expect(text).toContain(message.speaker.replace(/\s+/g, ''));
        for (const word of plainWords(message).filter(checked)) expect(text).toContain(word);
      }
      expect(existsSync(`${path}.tmp`)).toBe(false);
    },
  );
});
