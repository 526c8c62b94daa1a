/**
 * PostgreSQL's statements outside any unit (db/engine/postgres-lone.ts): each takes a connection of
 * its own while the pool has one to spare, and they share the next free one when it has none, each
 * still its own transaction and its own failure.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { postgresWithPool } from '../../support/postgres-pool';

const open = postgresWithPool();

/** A unit that holds a connection until `release()` is called. */
function holdConnection(d: Database) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const unit = d.unit(async () => {
    await d.get('SELECT 1 AS one');
    held();
    await released;
  });
  return { holding, release, unit };
}

describe('lone PostgreSQL statements', () => {
  it('asked together while the pool has connections to spare, run on connections of their own', async () => {
    const d = await open(4);
    const pids = await Promise.all([1, 2, 3].map(() => d.get<{ pid: number }>('SELECT pg_backend_pid() AS pid')));
    expect(new Set(pids.map((p) => p!.pid)).size).toBe(3);
  });

  it('arriving while every connection is taken, share the next free one, each its own transaction that fails alone', async () => {
    const d = await open(1);
    const hold = holdConnection(d);
    await hold.holding;
    let acquired = 0;
    d.pool.on('acquire', () => acquired++);
    const pid = () => d.get<{ pid: number; tx: number }>('SELECT pg_backend_pid() AS pid, txid_current() AS tx');
    const asked = Promise.allSettled([pid(), pid(), d.get('SELECT 1 / 0 AS never'), pid()]);
    hold.release();
    await hold.unit;
    const [a, b, failed, c] = await asked;
    expect(failed).toMatchObject({ status: 'rejected', reason: { code: '22012' } });
    const answers = [a, b, c].map((r) => (r as PromiseFulfilledResult<{ pid: number; tx: number }>).value);
    expect(new Set(answers.map((r) => r.pid)).size).toBe(1);
    expect(new Set(answers.map((r) => r.tx)).size).toBe(3);
    expect(acquired).toBe(1);
    expect(await d.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('sharing a connection that is lost, each answer 503 UNAVAILABLE, and the pool carries on', async () => {
    const d = await open(1);
    const hold = holdConnection(d);
    await hold.holding;
    const asked = Promise.allSettled([d.get('SELECT pg_terminate_backend(pg_backend_pid())'), d.get('SELECT 1 AS one')]);
    hold.release();
    await hold.unit;
    for (const r of await asked) expect(r).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE', status: 503 } });
    expect(await d.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });
});
