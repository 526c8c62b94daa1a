/**
 * The health routes on this run's engine, public (a monitor, Docker's HEALTHCHECK, a load balancer):
 * - GET /health: `{status, version, database}` with the app's version and the engine under it;
 * - GET /health/live: alive, without the database;
 * - GET /health/ready: ready while the database answers and holds every migration of this release,
 *   with the server's name; 503 `{"error"}` with `Retry-After` once a migration is missing (a database
 *   restored from an older backup under the running server), while /health/live stays 200.
 * The 503s while PostgreSQL cannot be reached: health.postgres.test.ts.
 */
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { journal } from '../../db/migrations/migration-steps';
import { startTestHost, type TestHost } from '../../support/test-host';
import { testEngine } from '../../support/test-database';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.close();
});

const engineVersion = testEngine === 'postgres' ? /^PostgreSQL 1\d+\.\d+$/ : /^SQLite 3\.\d+\.\d+$/;

describe('GET /health', () => {
  it('answers anyone 200 with the status, the app version and the database engine with its version', async () => {
    const res = await fetch(`${t.host.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['database', 'status', 'version']);
    expect(body.status).toBe('ok');
    expect(body.version).toBe(packageJson.version);
    expect(body.database).toMatch(engineVersion);
  });
});

describe('GET /health/live and /health/ready', () => {
  it('answers anyone: alive, and ready with the migrations and the server\'s name (on PostgreSQL)', async () => {
    const live = await fetch(`${t.host.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'alive', version: packageJson.version });

    const ready = await fetch(`${t.host.url}/health/ready`);
    expect(ready.status).toBe(200);
    const entries = journal(testEngine);
    expect(await ready.json()).toEqual({
      status: 'ready',
      version: packageJson.version,
      database: expect.stringMatching(engineVersion) as unknown,
      server: testEngine === 'postgres' ? hostname() : null,
      migrations: { applied: entries.length, latest: entries[entries.length - 1]!.tag },
    });
  });

  it('is not ready (503, Retry-After) once the database lacks this release\'s newest migration; still alive', async () => {
    const db = t.host.core.deps.db;
    const table = db.dialect === 'sqlite' ? '__drizzle_migrations' : 'drizzle.__drizzle_migrations';
    await db.run(`DELETE FROM ${table} WHERE created_at = (SELECT max(created_at) FROM ${table})`);

    const ready = await fetch(`${t.host.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('30');
    const latest = journal(testEngine).at(-1)!.tag;
    expect(await ready.json()).toEqual({ error: `The database is behind this server's release (migration ${latest} is not applied)` });
    expect((await fetch(`${t.host.url}/health/live`)).status).toBe(200);
  });
});
