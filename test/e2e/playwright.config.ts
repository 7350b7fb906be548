/**
 * Playwright in Debian's Chromium (`npx playwright install` cannot download browsers here)
 * against `scrollback serve`. Each spec starts its own server on a fixture archive.
 */
import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: resolve(root, 'test-results/playwright'),
  // Fingerprints of the archives before and after the whole suite: they must not change.
  globalSetup: resolve(__dirname, 'globalSetup.ts'),
  globalTeardown: resolve(__dirname, 'globalTeardown.ts'),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry in CI, where another job may share the two cores; Playwright still reports a test
  // that needed it as flaky, and a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
