/**
 * SQLite's query plans for the hot paths: each reads the index it was written for (the queries name
 * it with `INDEXED BY` where SQLite might stray, so a lost index fails loudly). PostgreSQL's planner
 * chooses for itself; its plans are checked in query-plans.postgres.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { BOARD_STAY_COLUMNS_SQLITE, BOARD_STAYS_SQL } from '../../../db/queries/board-queries';
import { FREE_ROOMS_SQL } from '../../../db/queries/room-queries';
import { BLOCK_CONFLICT_SQL, OCCUPANCY_CONFLICT_SQL, STAY_CONFLICT_SQL } from '../../../db/queries/stay-queries';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase('sqlite'));
});
afterEach(() => close());

const plan = async (sql: string, ...params: unknown[]) =>
  (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params)).map((r) => r.detail);

describe('the availability query plan', () => {
  it('is a range scan of stays_occupancy_idx bounded on both sides of checkin_ms', async () => {
    const steps = await plan(STAY_CONFLICT_SQL, 1, 2, 3, 4, 0);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^SEARCH stays USING COVERING INDEX stays_occupancy_idx \(room_id=\? AND checkin_ms>\? AND checkin_ms<\?\)$/);
  });

  it('checks blocks through room_blocks_room_idx without touching the table', async () => {
    expect(await plan(BLOCK_CONFLICT_SQL, 1, 2, 3, 0)).toEqual(['SEARCH room_blocks USING COVERING INDEX room_blocks_room_idx (room_id=? AND starts_ms<?)']);
  });

  it('asks both in one statement: the stays first, then the blocks, each through its covering index', async () => {
    expect(await plan(OCCUPANCY_CONFLICT_SQL, 1, 2, 3, 4, 0, 1, 2, 4, 0)).toEqual([
      'COMPOUND QUERY',
      'LEFT-MOST SUBQUERY',
      'CO-ROUTINE stay_in_the_way',
      'SEARCH stays USING COVERING INDEX stays_occupancy_idx (room_id=? AND checkin_ms>? AND checkin_ms<?)',
      'SCAN stay_in_the_way',
      'UNION ALL',
      'CO-ROUTINE block_in_the_way',
      'SEARCH room_blocks USING COVERING INDEX room_blocks_room_idx (room_id=? AND starts_ms<?)',
      'SCAN block_in_the_way',
    ]);
  });
});

describe('the free rooms query', () => {
  it('reads one stay a room, stepping back from the period\'s end in stays_occupancy_idx, and the blocks through their index', async () => {
    expect(await plan(FREE_ROOMS_SQL, 1, 2, 3, 2, 3)).toEqual([
      'SCAN r',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH s USING COVERING INDEX stays_occupancy_idx (room_id=? AND checkin_ms<?)',
      'CORRELATED SCALAR SUBQUERY 2',
      'SEARCH b USING COVERING INDEX room_blocks_room_idx (room_id=? AND starts_ms<?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});

describe("the board's stay query", () => {
  it('is one range scan of stays_checkin_idx, already in the order it answers in (no sort)', async () => {
    expect(await plan(BOARD_STAYS_SQL, 3, 1, 2)).toEqual(['SEARCH stays USING INDEX stays_checkin_idx (checkin_ms>? AND checkin_ms<?)']);
  });

  it('is aggregated into its columns straight off that scan, in its order (a co-routine, no sort)', async () => {
    expect(await plan(BOARD_STAY_COLUMNS_SQLITE, 3, 1, 2)).toEqual([
      'CO-ROUTINE board_stays',
      'SEARCH stays USING INDEX stays_checkin_idx (checkin_ms>? AND checkin_ms<?)',
      'SCAN board_stays',
    ]);
  });
});

describe('the sign-in paths', () => {
  it('looks the session up by primary key (the hot path)', async () => {
    const steps = await plan('SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = +?', 's1');
    expect(steps.join('\n')).toMatch(/SEARCH s USING INDEX sqlite_autoindex_sessions_1 \(id=\?\)/);
  });

  it('uses the lower() unique index to find sign-in users', async () => {
    expect((await plan('SELECT id FROM users WHERE lower(username) = lower(?)', 'x')).join()).toContain('users_username_uq');
  });
});
