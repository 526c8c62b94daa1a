/**
 * What only PostgreSQL's units do (db/engine/postgres-engine.ts, postgres-errors.ts): a unit that lost
 * a race (40001, 40P01, 23505, 23P01) is run again from the start, a bounded number of times, with
 * nothing of the failed attempt kept (rows, afterCommit callbacks); the retry sees the winner and
 * refuses with the domain's own error; other errors are not retried; a connection lost mid-unit or
 * mid-query answers 503 UNAVAILABLE with Retry-After, and the pool carries on with a new connection.
 * A unit inside a unit takes no savepoint until one is needed (db/engine/postgres-units.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { Database } from '../../../db/database';
import { AppError } from '../../../shared/errors';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase('postgres'));
});
afterEach(() => close());

const put = (key: string) => db.run('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
const keys = async () => (await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);
const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

describe('PostgreSQL units that lose a race', () => {
  it.each(['40001', '40P01', '23505', '23P01'])('are run again from the start after %s, keeping nothing of the failed attempts', async (code) => {
    let attempts = 0;
    const published: number[] = [];
    const value = await db.unit(async () => {
      attempts++;
      const attempt = attempts;
      await put(`attempt ${attempt}`);
      db.afterCommit(() => published.push(attempt));
      if (attempt < 3) throw failure(code);
      return 'won';
    });
    expect({ value, attempts, published }).toEqual({ value: 'won', attempts: 3, published: [3] });
    expect(await keys()).toEqual(['attempt 3']);
  });

  it('are retried a bounded number of times: a conflict that keeps coming back ends as 409, another failure as itself', async () => {
    let attempts = 0;
    const conflict = await db.unit(async () => {
      attempts++;
      throw failure('23P01');
    }, { retries: 2 }).catch((e: unknown) => e);
    expect(attempts).toBe(3);
    expect(conflict).toBeInstanceOf(AppError);
    expect(conflict).toMatchObject({ code: 'CONFLICT', status: 409, reason: 'database.conflict' });

    attempts = 0;
    await expect(db.unit(async () => {
      attempts++;
      throw failure('40001');
    }, { retries: 1 })).rejects.toMatchObject({ code: '40001' });
    expect(attempts).toBe(2);
  });

  it('are not retried for other failures: a CHECK refused once is refused once', async () => {
    let attempts = 0;
    await expect(
      db.unit(async () => {
        attempts++;
        await db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 'x', 0, 0, 1, 0, 0)`);
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(attempts).toBe(1);
  });

  it('of two units that both pass their check, the loser hits the exclusion constraint, runs again, sees the winner and refuses with its own error', async () => {
    const room = await db.insert(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    let checked = 0;
    let bothChecked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothChecked = resolve));
    const attempts = { a: 0, b: 0 };
    const book = (who: 'a' | 'b') =>
      db.unit(async () => {
        attempts[who]++;
        const taken = await db.get('SELECT id FROM stays WHERE room_id = ? AND checkin_ms < ? AND checkout_ms > ?', room, 2_000, 1_000);
        if (taken) throw new AppError('ROOM_UNAVAILABLE', 'Room 101 is not available');
        if (++checked === 2) bothChecked();
        await barrier;
        await db.insert(
          `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
           VALUES (?, 'x', ?, 'a', 'b', 1000, 2000, 1, 0, 't', 0, 0)`,
          room, who,
        );
        return who;
      });
    const results = await Promise.allSettled([book('a'), book('b')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'ROOM_UNAVAILABLE', message: 'Room 101 is not available' });
    expect(attempts.a + attempts.b).toBe(3);
    expect(await db.all('SELECT guest_name AS who FROM stays')).toEqual([{ who: (won[0] as PromiseFulfilledResult<string>).value }]);
  });
});

describe('PostgreSQL connections lost', () => {
  it('in a unit: 503 UNAVAILABLE with Retry-After, nothing kept, and the next unit runs on a new connection', async () => {
    const lost = await db
      .unit(async () => {
        await put('lost');
        await db.get('SELECT pg_terminate_backend(pg_backend_pid())');
      })
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(AppError);
    expect(lost).toMatchObject({ code: 'UNAVAILABLE', status: 503, retryAfterSeconds: 5, message: 'The database cannot be reached right now; try again in a moment' });
    await db.unit(async () => put('next'));
    expect(await keys()).toEqual(['next']);
  });

  it('in a lone query: 503 UNAVAILABLE too, and the pool carries on', async () => {
    await expect(db.get('SELECT pg_terminate_backend(pg_backend_pid())')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });
});

describe('PostgreSQL units inside units', () => {
  /** The statements the pool's connections are sent while `fn` runs. */
  async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
    const pool = (db as Database & { pool: pg.Pool }).pool;
    const sent: string[] = [];
    const spied = new WeakSet<pg.PoolClient>();
    const spy = (client: pg.PoolClient) => {
      if (spied.has(client)) return;
      spied.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
        const q = args[0];
        sent.push(typeof q === 'string' ? q : (q as { text: string }).text);
        return query(...args);
      };
    };
    pool.on('acquire', spy);
    try {
      await fn();
    } finally {
      pool.off('acquire', spy);
    }
    return sent;
  }

  it('take no savepoint when nobody carries on after an inner failure: the write commits as one transaction', async () => {
    const sent = await statementsOf(() => db.unit(async () => {
      await put('outer');
      await db.unit(async () => put('inner'));
    }));
    expect(sent.filter((q) => /SAVEPOINT/.test(q))).toEqual([]);
    expect(await keys()).toEqual(['inner', 'outer']);
  });

  it('when an inner failure reaches the outer unit, fail it with that failure, once, keeping nothing', async () => {
    let attempts = 0;
    await expect(db.unit(async () => {
      attempts++;
      await put('outer');
      await db.unit(async () => {
        await put('inner');
        throw new AppError('ROOM_UNAVAILABLE', 'Room 101 is not available');
      });
    })).rejects.toMatchObject({ code: 'ROOM_UNAVAILABLE' });
    expect(attempts).toBe(1);
    expect(await keys()).toEqual([]);
  });

  it('when the caller of a failed inner unit carries on, run the transaction again with savepoints: only the inner unit is undone', async () => {
    let attempts = 0;
    const sent = await statementsOf(() => db.unit(async () => {
      attempts++;
      await put(`outer ${attempts}`);
      await db.unit(async () => {
        await put(`inner ${attempts}`);
        throw new AppError('ROOM_UNAVAILABLE', 'Room 101 is not available');
      }).catch(() => undefined);
      await put(`after ${attempts}`);
    }));
    expect(attempts).toBe(2);
    expect(await keys()).toEqual(['after 2', 'outer 2']);
    expect(sent.filter((q) => /SAVEPOINT/.test(q))).toEqual(['SAVEPOINT sp1', 'ROLLBACK TO SAVEPOINT sp1']);
  });

  it('when a flat inner unit was refused by the database and its caller carries on, the same: the retry undoes only it', async () => {
    await db.unit(async () => {
      await put('outer');
      await db.unit(() => put('outer')).catch(() => undefined); // 23505: the key is taken
      await put('after');
    });
    expect(await keys()).toEqual(['after', 'outer']);
  });

  it('an inner unit given retries is a savepoint at once (an import row): a flat unit failing inside it is undone with it, and the outer unit runs once', async () => {
    let attempts = 0;
    const sent = await statementsOf(() => db.unit(async () => {
      attempts++;
      await put('outer');
      await db.unit(async () => {
        await put('row');
        await db.unit(async () => {
          await put('row detail');
          throw new AppError('ROOM_UNAVAILABLE', 'Room 101 is not available');
        });
      }, { retries: 2 }).catch(() => undefined);
      await put('after');
    }, { retries: 0 }));
    expect(attempts).toBe(1);
    expect(await keys()).toEqual(['after', 'outer']);
    expect(sent.filter((q) => /SAVEPOINT/.test(q))).toEqual(['SAVEPOINT sp1', 'ROLLBACK TO SAVEPOINT sp1']);
  });
});
