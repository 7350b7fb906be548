/** Screenshots of each step, kept under test-results/e2e/ for people to look at. */
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { REPO } from './serve';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(REPO, 'test-results/e2e', `${name}.png`) });
}
