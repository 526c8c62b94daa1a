/**
 * The health routes while PostgreSQL is down (issue 16 item 9, issue 20 item 6): /health and
 * /health/ready answer 503 with the seeds' error shape and `Retry-After`, so a balancer drains the
 * server, while /health/live stays 200 (the process is fine: no reason to restart it); both are 200
 * again by themselves once the database is back.
 * On a private cluster of this test's own (tests/support/postgres-cluster.ts), stopped and started
 * under the running host: the run's shared cluster serves the other test files meanwhile. The host's
 * log says so in one line per outage, never with a stack trace (core/api/outage-log.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../core/host';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster';
import { signInOverHttp, TEST_ADMIN_PASSWORD } from '../../support/sessions';

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
    log: { level: 'info', console: false },
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

    const token = await signInOverHttp(host.url);
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

    for (let i = 0; i < 3; i++) expect((await fetch(`${host.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(503);

    cluster.restart();
    await expect.poll(async () => (await fetch(`${host.url}/health`)).status, { timeout: 30_000, interval: 100 }).toBe(200);
    expect((await fetch(`${host.url}/health/ready`)).status).toBe(200);
    const logged = readdirSync(join(dir, 'logs')).flatMap((f) => readFileSync(join(dir, 'logs', f), 'utf8').split('\n')).filter((l) => l.includes('cannot be reached'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((l) => l.includes('503, the database cannot be reached (Retry-After'))).toHaveLength(1);
    expect(logged.join('\n')).not.toMatch(/stack|\n\s+at /);
  });
});
