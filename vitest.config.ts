import { defineConfig } from 'vitest/config';

/**
 * Unit, service, API and Electron-glue tests: plain Node, real databases, real sockets. Every group
 * runs in `npm test`:
 * - `fast`: everything a change is checked against while working (`npx vitest run --project fast`),
 *   on SQLite;
 * - `slow`: the tests that kill and restart processes on purpose (the SIGKILL crash test), with a
 *   longer timeout. A file joins it by its name: `*.slow.test.ts`;
 * - `postgres`: every test that touches storage again, on PostgreSQL (FRONTDESK_TEST_ENGINE), in a
 *   private cluster the group's global setup starts (tests/support/postgres-global-setup.ts). A test
 *   of one engine's own machinery says so in its name: `*.sqlite.test.ts` runs only on SQLite,
 *   `*.postgres.test.ts` only here; a slow one of SQLite's own is `*.sqlite.slow.test.ts` (the
 *   SQLite crash tests: in `slow`, not here).
 *
 * The `postgres` group runs after the other two (`sequence.groupOrder`), two files at a time: its
 * files mostly wait on the server (fsync, locks, new databases), so two at once finish in far less
 * time than one; three at once overloaded a 2-core machine (connection-pool timeouts under the
 * 20-parallel-sign-in test).
 *
 * `FRONTDESK_STRICT_UNITS` makes the SQLite engine refuse a unit of work that waits on real I/O
 * (db/engine/sqlite-engine.ts), so the rule is checked by every test.
 */
const exclude = ['tests/e2e/**', 'node_modules/**'];
const shared = { environment: 'node', pool: 'forks', env: { FRONTDESK_STRICT_UNITS: '1' } } as const;
/** What touches storage: the core, the database, the integration tests, the glue over a real host. */
const storage = ['tests/core/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/electron/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['tests/**/*.test.ts'],
          exclude: [...exclude, 'tests/**/*.slow.test.ts', 'tests/**/*.postgres.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: { ...shared, name: 'slow', include: ['tests/**/*.slow.test.ts'], exclude: [...exclude, 'tests/**/*.postgres.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          include: storage,
          exclude: [...exclude, 'tests/**/*.sqlite.test.ts', 'tests/**/*.sqlite.slow.test.ts'],
          env: { ...shared.env, FRONTDESK_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
