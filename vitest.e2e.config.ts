/**
 * End-to-end tests in real browsers (Chromium via playwright-core, Firefox ESR via WebDriver BiDi)
 * against the built extension in dist/. One file at a time: each launches its own browser.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
