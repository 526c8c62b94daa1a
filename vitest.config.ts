import { defineConfig } from 'vitest/config';

/** Unit, service, API and Electron-glue tests: plain Node, real SQLite files, real sockets. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
