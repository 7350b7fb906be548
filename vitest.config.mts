import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Says once which tests skip when the real archive data beside the project is absent.
    globalSetup: ['test/fixtures/vitestSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
