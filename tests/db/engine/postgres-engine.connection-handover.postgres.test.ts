/**
 * A PostgreSQL unit that another waits for hands its connection on as soon as its COMMIT or ROLLBACK
 * is sent (db/engine/postgres-units.ts): the next holder's statements queue behind it on the same
 * connection, unharmed by how that COMMIT ends, while the unit itself returns, and runs its
 * after-commit callbacks, only once its COMMIT is answered. With nobody waiting, the connection goes
 * back to the pool only once the COMMIT is answered: it never lies idle with a COMMIT in flight.
 */
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { postgresWithPool } from '../../support/postgres-pool';

const openPool = postgresWithPool();
/** A database whose pool has one connection: every unit after the first waits for it. */
const open = () => openPool(1);

/** Every query text the pool's connections are sent, and when each answer of `watch` arrives, in order. */
function journal(d: Database & { pool: pg.Pool }, watch: RegExp) {
  const events: string[] = [];
  const spied = new WeakSet<pg.PoolClient>();
  const spy = (client: pg.PoolClient) => {
    if (spied.has(client)) return;
    spied.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const q = args[0];
      const text = typeof q === 'string' ? q : (q as { text: string }).text;
      events.push(`sent ${text}`);
      const answer = query(...args);
      if (watch.test(text)) void answer.then(() => events.push(`answered ${text}`), () => events.push(`failed ${text}`));
      return answer;
    };
  };
  d.pool.on('acquire', spy);
  return events;
}

describe('a PostgreSQL unit ending', () => {
  const put = (d: Database, key: string) => d.send('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
  const keys = async (d: Database) => (await d.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);

  it('hands its connection on once its COMMIT is sent; it returns, and runs its after-commit callbacks, once the COMMIT is answered', async () => {
    const d = await open();
    const events = journal(d, /^COMMIT$/);
    const first = d.unit(async () => {
      await put(d, 'first');
      d.afterCommit(() => events.push('first: after commit'));
    });
    const second = d.unit(async () => put(d, 'second'));
    await first;
    events.push('first: returned');
    await second;
    const firstCommit = events.indexOf('sent COMMIT');
    const secondBegin = events.indexOf('sent BEGIN', firstCommit);
    const firstAnswer = events.indexOf('answered COMMIT');
    expect(firstCommit).toBeGreaterThan(-1);
    expect(secondBegin).toBeGreaterThan(firstCommit);
    expect(secondBegin).toBeLessThan(firstAnswer);
    expect(events.indexOf('first: after commit')).toBeGreaterThan(firstAnswer);
    expect(events.indexOf('first: returned')).toBeGreaterThan(events.indexOf('first: after commit'));
    expect(await keys(d)).toEqual(['first', 'second']);
  });

  it('that nobody waits for gives its connection back only once its COMMIT is answered', async () => {
    const d = await open();
    const events = journal(d, /^COMMIT$/);
    d.pool.on('release', () => events.push('released'));
    await d.unit(async () => put(d, 'alone'));
    expect(events.indexOf('released')).toBeGreaterThan(events.indexOf('answered COMMIT'));
    expect(events.indexOf('answered COMMIT')).toBeGreaterThan(-1);
  });

  it('whose COMMIT fails leaves the unit queued behind it on the same connection unharmed', async () => {
    const d = await open();
    // A write the database refuses (a CHECK: a room sleeps at least one guest), sent last: the COMMIT fails.
    const refused = d.unit(async () => {
      await put(d, 'refused');
      await d.send(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 'x', 0, 0, 1, 0, 0)`);
    });
    const next = d.unit(async () => put(d, 'next'));
    await expect(refused).rejects.toMatchObject({ code: '23514' });
    await next;
    expect(await keys(d)).toEqual(['next']);
  });

  it('that is refused before its COMMIT (a rule of ours) rolls back, and the next unit on the connection commits', async () => {
    const d = await open();
    const refused = d.unit(async () => {
      await put(d, 'refused');
      await d.get('SELECT 1 AS one');
      throw new Error('refused by a rule');
    });
    const next = d.unit(async () => put(d, 'next'));
    await expect(refused).rejects.toThrow('refused by a rule');
    await next;
    expect(await keys(d)).toEqual(['next']);
  });
});
