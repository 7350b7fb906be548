/**
 * The export path in the browser (`scrollback serve`): the dialog shows the full path before
 * anything is written. A folder gets a file name from the conversation and days (it used to get
 * a hidden `.txt`), `~` and relative paths start at the home folder (not the server's working
 * folder), an existing file the session did not write is never replaced, and hidden files of the
 * home folder are never written.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { shot } from './screenshots';
import { BUNDLED_SAMPLE, serve, type Served } from './serve';

let server: Served;
let home: string;
const BASHRC = 'export PATH=$HOME/bin:$PATH\n';

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scrollback-e2e-home-'));
  mkdirSync(join(home, 'exports'));
  writeFileSync(join(home, '.bashrc'), BASHRC);
  writeFileSync(join(home, 'notes.txt'), 'precious');
  server = await serve(BUNDLED_SAMPLE, { HOME: home });
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Selects the first three messages of a day and opens the export dialog with plain text. */
async function openExport(page: Page): Promise<Locator> {
  await page.goto(`${server.url}#/groups%2Fdevteam/2024-03-06`);
  const times = page.locator('.message-scroll .message-time');
  await expect(times.first()).toBeAttached();
  await times.nth(0).click({ force: true });
  await times.nth(2).click({ force: true, modifiers: ['Shift'] });
  await expect(page.locator('.selection-count')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 3 messages' });
  await dialog.getByRole('radio', { name: 'Plain text' }).check();
  return dialog;
}

test('a folder gets a file name from the conversation and day, shown before writing', async ({
  page,
}) => {
  const dialog = await openExport(page);
  await dialog.getByRole('textbox').fill('~/exports/');
  const expected = join(home, 'exports', 'devteam_2024-03-06.txt');
  await expect(dialog.locator('.export-target')).toHaveText(`Saves to ${expected}`);
  await shot(page, '30-export-folder-path');
  // Shown, not yet written.
  expect(readdirSync(join(home, 'exports'))).toEqual([]);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.locator('.export-done')).toContainText(expected);
  expect(readdirSync(join(home, 'exports'))).toEqual(['devteam_2024-03-06.txt']);
  expect(readFileSync(expected, 'utf8')).toMatch(/^2024-03-06 09:40:21 Mia: /);
});

test('a relative path starts at the home folder, and a name gets the extension', async ({
  page,
}) => {
  const dialog = await openExport(page);
  const box = dialog.getByRole('textbox');
  await box.fill('exports/thread');
  const expected = join(home, 'exports', 'thread.txt');
  await expect(dialog.locator('.export-target')).toHaveText(`Saves to ${expected}`);
  expect(existsSync(expected)).toBe(false);
  await box.press('Enter');
  await expect(dialog.locator('.export-done')).toContainText(expected);
  expect(existsSync(expected)).toBe(true);
});

test('a file the session did not write is never replaced; one it wrote may be', async ({
  page,
}) => {
  const dialog = await openExport(page);
  const box = dialog.getByRole('textbox');
  await box.fill('~/notes.txt');
  await expect(dialog.locator('.export-target')).toHaveText(`Saves to ${join(home, 'notes.txt')}`);
  await expect(dialog.locator('.form-problem')).toContainText('already exists');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await shot(page, '31-export-exists');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.locator('.form-problem')).toContainText('already exists');
  expect(readFileSync(join(home, 'notes.txt'), 'utf8')).toBe('precious');

  // A file this session wrote (the first test's) may be replaced, after ticking the box.
  await box.fill('~/exports/');
  await expect(dialog.locator('.export-target')).toHaveText(
    `${join(home, 'exports', 'devteam_2024-03-06.txt')} already exists.`,
  );
  await dialog.getByRole('checkbox', { name: 'Replace the existing file' }).check();
  await expect(dialog.locator('.export-target')).toHaveText(
    `Replaces ${join(home, 'exports', 'devteam_2024-03-06.txt')}`,
  );
  await shot(page, '32-export-replace');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.locator('.export-done')).toBeVisible();
});

test('hidden files of the home folder are never written', async ({ page }) => {
  const dialog = await openExport(page);
  await dialog.getByRole('textbox').fill('~/.bashrc');
  await expect(dialog.locator('.form-problem')).toContainText('hidden files or folders');
  await shot(page, '33-export-hidden');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.locator('.form-problem')).toContainText('hidden files or folders');
  await expect(dialog.locator('.export-done')).toHaveCount(0);
  expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe(BASHRC);
  await shot(page, '34-export-hidden-refused');
});
