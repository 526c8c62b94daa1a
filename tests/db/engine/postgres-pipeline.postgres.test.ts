/**
 * A PostgreSQL unit's pipeline (db/engine/postgres-pipeline.ts): BEGIN, SAVEPOINT, RELEASE and
 * `db.send`'s writes go out without waiting for their answers, and those answers are checked with the
 * unit's next statement or its COMMIT. A write sent that way and refused fails the unit with its own
 * error and nothing of the unit is committed, even when it was sent in a savepoint that was then
 * released; a savepoint refused at a statement it waited for still rolls back only itself; and what
 * a unit sends in one turn leaves in one write to the socket.
 */
import type pg from 'pg';
import type { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase('postgres'));
});
afterEach(() => close());

const put = (key: string) => db.send('INSERT INTO settings (key, value) VALUES (?, ?)', key, '1');
/** A write the database refuses (a CHECK: a room sleeps at least one guest). */
const refused = () => db.send(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 'x', 0, 0, 1, 0, 0)`);
const keys = async () => (await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);

describe('writes a PostgreSQL unit sends without waiting', () => {
  it('are in the unit: read back by its next statement, committed with it', async () => {
    const seen = await db.unit(async () => {
      await put('a');
      await put('b');
      return (await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);
    });
    expect(seen).toEqual(['a', 'b']);
    expect(await keys()).toEqual(['a', 'b']);
  });

  it('when refused, fail the unit at its next statement with their own error, keeping nothing', async () => {
    let after = 'not reached';
    await expect(
      db.unit(async () => {
        await put('a');
        await refused();
        await put('b');
        after = String((await db.get<{ one: number }>('SELECT 1 AS one'))?.one);
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(after).toBe('not reached');
    expect(await keys()).toEqual([]);
  });

  it('when refused as the last statement, fail the COMMIT: nothing is committed', async () => {
    await expect(
      db.unit(async () => {
        await put('a');
        await refused();
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await keys()).toEqual([]);
  });

  it('when refused in a savepoint that was released, fail the whole unit even if the caller catches', async () => {
    await expect(
      db.unit(async () => {
        await put('outer');
        await db.unit(async () => refused()).catch(() => undefined);
        await put('after');
        await db.get('SELECT 1 AS one');
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await keys()).toEqual([]);
  });

  it('sent in a savepoint refused at a statement it waited for, are rolled back with it alone', async () => {
    await db.unit(async () => {
      await put('outer');
      const inner = db.unit(async () => {
        await put('inner');
        await db.get('SELECT 1 / 0 AS never');
      });
      await expect(inner).rejects.toMatchObject({ code: '22012' });
      await put('after');
    });
    expect(await keys()).toEqual(['after', 'outer']);
  });

  it('leave with the statement the unit waits for, in one write to the socket', async () => {
    const pool = (db as Database & { pool: pg.Pool }).pool;
    let writes = 0;
    const count = (client: pg.PoolClient) => {
      const socket = (client as unknown as { connection: { stream: Writable & { _write: Writable['_write']; _writev?: Writable['_writev'] } } }).connection.stream;
      const write = socket._write.bind(socket);
      const writev = socket._writev!.bind(socket);
      socket._write = (...args) => (writes++, write(...args));
      socket._writev = (...args) => (writes++, writev(...args));
    };
    pool.on('acquire', count);
    try {
      // BEGIN, three writes and the read: one write; the COMMIT: another. One at a time this was six.
      await db.unit(async () => {
        await put('a');
        await put('b');
        await put('c');
        await db.get('SELECT count(*) AS n FROM settings');
      });
    } finally {
      pool.off('acquire', count);
    }
    expect(writes).toBe(2);
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });
});
