/**
 * Two servers (hosts) on one PostgreSQL database: a `'once'` job (the appointments' scheduler) runs
 * on exactly one of them, the leader holding its advisory lock (db/leader-lock.ts); when the
 * leader's lock connection dies (its session terminated, as when its server is killed) or the leader
 * closes, the other server takes the job over at its next try. The retry interval is short here.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../core/host';
import { JOB_LOCK_KIND, lockKeyOf } from '../../../db/leader-lock';
import { TEST_ADMIN_PASSWORD } from '../../support/sessions';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const JOB = 'appointment-scheduler';
const RETRY_MS = 50;

let database: TestDatabase;
let hosts: Host[];

beforeEach(async () => {
  database = await createTestDatabase();
  hosts = [];
});

afterEach(async () => {
  for (const h of hosts) await h.close();
  await database.drop();
});

async function server(): Promise<Host> {
  if (database.config.engine !== 'postgres') throw new Error('a PostgreSQL test');
  const host = await createHost({
    dataDir: database.dir,
    databaseUrl: database.config.url,
    port: 0,
    worker: false,
    jobs: { 'outbox-retention': false, 'downtime-pack': false }, // the scheduler's is then the one leader-lock session per server
    rendererDir: join(database.dir, 'no-renderer'),
    adminPassword: TEST_ADMIN_PASSWORD,
    settings: { timeZone: 'Europe/Copenhagen' },
    leaderRetryMs: RETRY_MS,
  });
  hosts.push(host);
  return host;
}

const leads = (h: Host) => h.jobs.running().includes(JOB);

/** The backend holding the job's lock, and how many sessions wait for it without holding it. */
async function lockHolder(h: Host): Promise<number | undefined> {
  const row = await h.core.deps.db.get<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ? AND objid = ? AND objsubid = 2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    JOB_LOCK_KIND, lockKeyOf(`job:${JOB}`) >>> 0,
  );
  return row?.pid;
}

/** The leader-lock sessions of this database (one per server for the job), with when each last asked. */
async function lockSessions(h: Host): Promise<{ pid: number; at: string }[]> {
  return await h.core.deps.db.all<{ pid: number; at: string }>(
    `SELECT pid, query_start::text AS at FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'frontdesk-leader' ORDER BY pid`,
  );
}

describe('a once job across two servers on one PostgreSQL', () => {
  it('runs on exactly one of them, while the other keeps trying', async () => {
    const [a, b] = [await server(), await server()];
    await expect.poll(() => [a, b].filter(leads).length).toBe(1);
    await expect.poll(async () => (await lockSessions(a)).length).toBe(2); // one holds, one keeps trying
    const leader = leads(a) ? a : b;
    const follower = leader === a ? b : a;
    const pid = await lockHolder(a);
    expect(pid).toBeDefined();
    const trying = (await lockSessions(a)).find((s) => s.pid !== pid)!;
    // Three more tries of the follower (its session asks again): still one leader, the same session.
    let last = trying.at;
    for (let i = 0; i < 3; i++) {
      await expect.poll(async () => (await lockSessions(a)).find((s) => s.pid === trying.pid)?.at).not.toBe(last);
      last = (await lockSessions(a)).find((s) => s.pid === trying.pid)!.at;
      expect([leads(leader), leads(follower)]).toEqual([true, false]);
    }
    expect(await lockHolder(a)).toBe(pid);
  });

  it('moves to the other server when the leader\'s lock session is killed, and the old leader stops it', async () => {
    const [a, b] = [await server(), await server()];
    await expect.poll(() => [a, b].filter(leads).length).toBe(1);
    const [leader, follower] = leads(a) ? [a, b] : [b, a];
    const pid = (await lockHolder(a))!;
    await a.core.deps.db.get('SELECT pg_terminate_backend(?)', pid);
    await expect.poll(() => leads(follower)).toBe(true);
    await expect.poll(() => leads(leader)).toBe(false);
    expect(await lockHolder(a)).not.toBe(pid);
    // The old leader keeps trying and never runs it beside the new one.
    await expect.poll(async () => (await lockSessions(a)).length).toBe(2);
    expect(leads(leader)).toBe(false);
  });

  it('moves to the other server when the leader closes', async () => {
    const [a, b] = [await server(), await server()];
    await expect.poll(() => [a, b].filter(leads).length).toBe(1);
    const [leader, follower] = leads(a) ? [a, b] : [b, a];
    await leader.close();
    await expect.poll(() => leads(follower)).toBe(true);
  });
});
