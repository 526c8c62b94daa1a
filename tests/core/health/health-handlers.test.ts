/**
 * GET /health on this run's engine: public, `{status, version, database}` with the app's version and
 * the engine under it (a monitor or Docker's HEALTHCHECK reads it). The 503 while PostgreSQL cannot
 * be reached: health.postgres.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { startTestHost, type TestHost } from '../../support/test-host';
import { testEngine } from '../../support/test-database';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.close();
});

describe('GET /health', () => {
  it('answers anyone 200 with the status, the app version and the database engine with its version', async () => {
    const res = await fetch(`${t.host.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['database', 'status', 'version']);
    expect(body.status).toBe('ok');
    expect(body.version).toBe(packageJson.version);
    expect(body.database).toMatch(testEngine === 'postgres' ? /^PostgreSQL 1\d+\.\d+$/ : /^SQLite 3\.\d+\.\d+$/);
  });
});
