/**
 * PostgreSQL can serve the hot paths from an index, once the shared SQL is rewritten for it
 * (db/engine/postgres-sql.ts): the session and user lookups that SQLite writes with `+?` and
 * `lower(?)` must still compare a text key with text, under the column's own collation ("C"), or
 * no index applies. The planner chooses by the table's size, so these plans are asked for with
 * sequential scans priced out (`enable_seqscan = off`): what is checked is that an index *can* serve.
 * SQLite's plans: query-plans.sqlite.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { FREE_ROOMS_SQL } from '../../../db/queries/room-queries';
import { BLOCK_CONFLICT_SQL, INSERT_STAY_IF_FREE_SQL, OCCUPANCY_CONFLICT_SQL, STAY_CONFLICT_SQL } from '../../../db/queries/stay-queries';
import { openTestDatabase } from '../../support/test-database';

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

/**
 * A hotel's stays, spread over its rooms and analysed: on an empty table the planner could as well
 * pick the rooms report's index (stays_report_idx: the same statuses, by arrival, no room).
 */
async function seedStays(): Promise<void> {
  for (let room = 1; room <= 20; room++) {
    await db.run(`INSERT INTO guest_rooms (id, number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (?, ?, 'Single', 1, 100, 1, 0, 0)`, room, 100 + room);
    for (let night = 0; night < 10; night++) {
      await db.run(
        `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
         VALUES (?, 'Single', 'Ann', 'a', 'b', ?, ?, 1, 'booked', 100, 't', 0, 0)`,
        room, night * 100, night * 100 + 90,
      );
    }
  }
  await db.run('ANALYZE stays');
}

describe('PostgreSQL plans of the hot paths', () => {
  it('checks a room’s stays through an index on the room', async () => {
    await seedStays();
    const text = await plan(STAY_CONFLICT_SQL, 1, 500, 200, 300, 0);
    expect(text).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) stays_(occupancy|room)_idx/);
    expect(text).toMatch(/Index Cond: \(\(?room_id = /);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('checks a room’s blocks through room_blocks_room_idx, bounded on the room and the start', async () => {
    const text = await plan(BLOCK_CONFLICT_SQL, 1, 2, 3, 0);
    expect(text).toMatch(/Index (Only )?Scan using room_blocks_room_idx on room_blocks/);
    expect(text).toMatch(/Index Cond: \(\(room_id = .*starts_ms < /);
  });

  it('checks a room in one statement: the stays first, the blocks only if no stay answered, each through its index', async () => {
    await seedStays();
    const text = await plan(OCCUPANCY_CONFLICT_SQL, 1, 500, 200, 300, 0, 1, 500, 300, 0);
    expect(text).toMatch(/^Limit[\s\S]*Append[\s\S]*(Index (Only )?Scan using|Bitmap Index Scan on) stays_(occupancy|room)_idx[\s\S]*Index (Only )?Scan using room_blocks_room_idx on room_blocks/);
    expect(text).toMatch(/Index Cond: \(\(?room_id = /);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('books with the check inside the INSERT: the stays and the blocks each through their index on the room', async () => {
    await seedStays();
    const row = {
      roomId: 1, category: 'Single', guestName: 'Ann', guestEmail: null, guestPhone: null, guests: 1, checkin: 'a', checkout: 'b', checkinMs: 300, checkoutMs: 500,
      nights: 1, status: 'booked', price: 100, notes: '', createdBy: 't', ownerId: null, createdAt: 0, updatedAt: 0, earliestMs: 200,
    };
    const text = await plan(INSERT_STAY_IF_FREE_SQL, row);
    expect(text).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) stays_(occupancy|room)_idx/);
    expect(text).toMatch(/Index (Only )?Scan using room_blocks_room_idx on room_blocks/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('lists free rooms stepping back from the period\'s end through an index on the room, and each room\'s blocks through one', async () => {
    await seedStays();
    const text = await plan(FREE_ROOMS_SQL, 1, 500, 300, 500, 300);
    expect(text).toMatch(/Limit[\s\S]*Index (Only )?Scan Backward using stays_(occupancy|room)_idx on stays s/);
    expect(text).toMatch(/Index Cond: \(\(room_id = r\.id\) AND \(checkin_ms < /);
    expect(text).toMatch(/Index (Only )?Scan using room_blocks_(room_idx|no_overlap) on room_blocks b/);
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
