import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: Playwright drives Debian's Chromium against `npm run serve`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
