/**
 * The health routes while PostgreSQL is down (issue 16 item 9, issue 20 item 6): /health and
 * /health/ready answer 503 with the seeds' error shape and `Retry-After`, so a balancer drains the
 * server, while /health/live stays 200 (the process is fine: no reason to restart it); both are 200
 * again by themselves once the database is back.
 * On a private cluster of this test's own (tests/support/postgres-cluster.ts), stopped and started
 * under the running host: the run's shared cluster serves the other test files meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../core/host';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { TEST_ADMIN_PASSWORD } from '../../support/sessions';

let cluster: PostgresCluster;
let host: Host;
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-health-'));

beforeAll(async () => {
  cluster = await startPostgresCluster();
  host = await createHost({
    dataDir: dir,
    databaseUrl: cluster.url('postgres'),
    port: 0,
    worker: false,
    appointmentScheduler: false,
    rendererDir: join(dir, 'no-renderer'),
    adminPassword: TEST_ADMIN_PASSWORD,
  });
});
afterAll(async () => {
  await host?.close();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /health, /health/ready and /health/live on PostgreSQL', () => {
  it('/health and /health/ready are 503 with {"error"} and Retry-After while the server is down, /health/live 200; ready again once it is back', async () => {
    const up = await fetch(`${host.url}/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', database: expect.stringMatching(/^PostgreSQL 1\d/) as unknown });

    cluster.stopServer();
    const down = await fetch(`${host.url}/health`);
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await down.json()) as { error: unknown };
    expect(typeof body.error).toBe('string');
    expect(body.error).toMatch(/database cannot be reached/);
    expect(JSON.stringify(body)).not.toContain(cluster.password);
    const notReady = await fetch(`${host.url}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(Number(notReady.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await notReady.json()).toEqual({ error: body.error });
    expect((await fetch(`${host.url}/health/live`)).status).toBe(200);

    cluster.restart();
    await expect.poll(async () => (await fetch(`${host.url}/health`)).status, { timeout: 30_000, interval: 100 }).toBe(200);
    expect((await fetch(`${host.url}/health/ready`)).status).toBe(200);
  });
});
