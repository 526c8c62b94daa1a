/**
 * PostgreSQL can serve the hot paths from an index, once the shared SQL is rewritten for it
 * (db/engine/postgres-sql.ts): the session and user lookups that SQLite writes with `+?` and
 * `lower(?)` must still compare a text key with text, under the column's own collation ("C"), or
 * no index applies. The planner chooses by the table's size, so these plans are asked for with
 * sequential scans priced out (`enable_seqscan = off`): what is checked is that an index *can* serve.
 * SQLite's plans: query-plans.sqlite.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { BLOCK_CONFLICT_SQL, OCCUPANCY_CONFLICT_SQL, STAY_CONFLICT_SQL } from '../../db/queries/stay-queries';
import { openTestDatabase } from '../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase('postgres'));
});
afterEach(() => close());

const plan = (sql: string, ...params: unknown[]) =>
  db.unit(async () => {
    await db.run('SET LOCAL enable_seqscan = off');
    return (await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, ...params)).map((r) => r['QUERY PLAN']).join('\n');
  });

describe('PostgreSQL plans of the hot paths', () => {
  it('checks a room’s stays through an index on the room', async () => {
    const text = await plan(STAY_CONFLICT_SQL, 1, 2, 3, 4, 0);
    expect(text).toMatch(/Index (Only )?Scan using \w+ on stays/);
    expect(text).toMatch(/Index Cond: \(room_id = /);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('checks a room’s blocks through room_blocks_room_idx, bounded on the room and the start', async () => {
    const text = await plan(BLOCK_CONFLICT_SQL, 1, 2, 3, 0);
    expect(text).toMatch(/Index (Only )?Scan using room_blocks_room_idx on room_blocks/);
    expect(text).toMatch(/Index Cond: \(\(room_id = .*starts_ms < /);
  });

  it('checks a room in one statement: the stays first, the blocks only if no stay answered, each through its index', async () => {
    const text = await plan(OCCUPANCY_CONFLICT_SQL, 1, 2, 3, 4, 0, 1, 2, 4, 0);
    // Empty tables: the planner may take the room's exclusion index for the stays, as for STAY_CONFLICT_SQL above.
    expect(text).toMatch(/^Limit[\s\S]*Append[\s\S]*Index (Only )?Scan using \w+ on stays[\s\S]*Index (Only )?Scan using room_blocks_room_idx on room_blocks/);
    expect(text).toMatch(/Index Cond: \(room_id = /);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('looks a session up by its text key (SQLite’s `+?` dropped, not read as a number)', async () => {
    const text = await plan('SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = +?', 's1');
    expect(text).toMatch(/Index Scan using sessions_pkey on sessions s /);
    expect(text).toContain(`Index Cond: (id = 's1'::text)`);
  });

  it('finds a sign-in user through the lower() unique index, the parameter folded under "C"', async () => {
    const text = await plan('SELECT id FROM users WHERE lower(username) = lower(?)', 'Eva');
    expect(text).toMatch(/Index Scan using users_username_uq on users/);
    expect(text).toContain(`Index Cond: (lower(username) = 'eva'::text COLLATE "C")`);
  });
});
