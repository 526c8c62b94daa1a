/**
 * BOARD_TABLES names every table the board reads (db/queries/board-queries.ts): the board is kept
 * while none of them is written (core/read-memo.ts), so a table it reads and does not name would
 * leave a desk a stale board. Each of the board's queries is planned by SQLite, and the tables its
 * plan reads must be among them.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_BLOCKS_SQL, BOARD_STAY_COLUMNS_SQLITE, BOARD_STAYS_SQL, BOARD_TABLES, DAY_COUNTS_SQL } from '../../../db/queries/board-queries';
import { ROOM_COLUMNS } from '../../../db/queries/room-queries';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase;
let sqlite: BetterSqlite3.Database;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  await (await database.open()).close();
  sqlite = new BetterSqlite3(database.file!, { readonly: true });
});
afterAll(async () => {
  sqlite.close();
  await database.drop();
});

/** The tables (not indexes) a query's plan reads. */
function tablesRead(sql: string, params: unknown[]): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  const tables = new Set(plan.flatMap((row) => [...row.detail.matchAll(/\b(?:SCAN|SEARCH) (?!CONSTANT ROW)(\w+)/g)].map((m) => m[1]!)));
  // A subquery run as a co-routine or materialized is scanned by its name: not a table.
  for (const row of plan) for (const m of row.detail.matchAll(/\b(?:CO-ROUTINE|MATERIALIZE) (\w+)/g)) tables.delete(m[1]!);
  return [...tables].sort();
}

describe('the tables the board reads', () => {
  it.each([
    ['stays', BOARD_STAYS_SQL, [0, 0, 0], ['stays']],
    ['stays as columns', BOARD_STAY_COLUMNS_SQLITE, [0, 0, 0], ['stays']],
    ['blocks', BOARD_BLOCKS_SQL, [0, 0], ['room_blocks']],
    ['day counts', DAY_COUNTS_SQL, [{ dayStart: 0, dayEnd: 0 }], ['stays']],
    ['rooms (listRooms)', `SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`, [], ['guest_rooms']],
  ] as const)('%s: read only tables BOARD_TABLES names', (_name, sql, params, expected) => {
    const read = tablesRead(sql, [...params]);
    expect(read).toEqual(expected);
    expect(read.filter((t) => !(BOARD_TABLES as readonly string[]).includes(t))).toEqual([]);
  });
});
