import { defineConfig } from 'vitest/config';

/**
 * Unit, service, API and Electron-glue tests: plain Node, real SQLite files, real sockets. Two
 * groups, both run by `npm test`:
 * - `fast`: everything a change is checked against while working (`npx vitest run --project fast`);
 * - `slow`: the tests that kill and restart processes on purpose (the SIGKILL crash test), with a
 *   longer timeout. A file joins it by its name: `*.slow.test.ts`.
 */
const exclude = ['tests/e2e/**', 'node_modules/**'];
const shared = { environment: 'node', pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'fast', include: ['tests/**/*.test.ts'], exclude: [...exclude, 'tests/**/*.slow.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { ...shared, name: 'slow', include: ['tests/**/*.slow.test.ts'], exclude, testTimeout: 120_000, hookTimeout: 60_000 } },
    ],
  },
});
