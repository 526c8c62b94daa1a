/**
 * The reads: benchmark 3's board (rooms, stays, blocks, today's counts: four queries, run one after
 * the other) and benchmark 2's availability check (one query), per candidate.
 *
 * A is db/queries (board-queries.ts, room-queries.ts) as it is. B is the same SQL with two changes
 * every query of today needs for PostgreSQL: camelCase aliases double-quoted (PostgreSQL folds
 * `AS roomId` to `roomid`), and named parameters (`@dayStart`) made positional. C is Kysely.
 */
import { sql } from 'kysely';
import type { Sqlite } from '../../db/open-database';
import { boardBlocks, boardStays, dayCounts } from '../../db/queries/board-queries';
import { prepared } from '../../db/queries/prepared';
import { ROOM_COLUMNS } from '../../db/queries/room-queries';
import { STAY_CONFLICT_SQL } from '../../db/queries/stay-queries';
import type { AsyncDb } from './b-sqlite';
import type { KDb } from './c-kysely';
import { MAX_STAY_MS } from './write-input';

export interface BoardWindow {
  startMs: number;
  endMs: number;
  dayStart: number;
  dayEnd: number;
  maxStayMs: number;
}

export interface BoardRows {
  rooms: unknown[];
  stays: unknown[];
  blocks: unknown[];
  counts: unknown;
}

export function boardA(db: Sqlite, w: BoardWindow): BoardRows {
  return {
    rooms: prepared(db, `SELECT ${ROOM_COLUMNS} FROM guest_rooms ORDER BY floor, number`).all(),
    stays: boardStays(db, w.startMs, w.endMs, w.maxStayMs),
    blocks: boardBlocks(db, w.startMs, w.endMs),
    counts: dayCounts(db, w.dayStart, w.dayEnd),
  };
}

export const BOARD_SQL = {
  rooms: `SELECT id, number, category, capacity, nightly_rate AS "nightlyRate", floor, housekeeping, active FROM guest_rooms ORDER BY floor, number`,
  stays: `SELECT id, room_id AS "roomId", guest_name AS "guestName", guests, substr(checkin, 1, 10) AS "checkinDate",
            substr(checkout, 1, 10) AS "checkoutDate", status
     FROM stays INDEXED BY stays_checkin_idx
     WHERE checkin_ms < ? AND checkin_ms > ? AND checkout_ms > ? AND status <> 'cancelled'`,
  blocks: `SELECT id, room_id AS "roomId", substr(starts_at, 1, 10) AS "fromDate", substr(ends_at, 1, 10) AS "toDate", reason, kind
     FROM room_blocks WHERE starts_ms < ? AND ends_ms > ?`,
  counts: `SELECT (SELECT count(*) FROM stays INDEXED BY stays_checkin_idx
               WHERE checkin_ms >= ? AND checkin_ms < ? AND status = 'booked') AS arrivals,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in' AND checkout_ms < ?) AS departures,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in') AS "inHouse"`,
};

export async function boardB(db: AsyncDb, w: BoardWindow): Promise<BoardRows> {
  return {
    rooms: await db.all(BOARD_SQL.rooms),
    stays: await db.all(BOARD_SQL.stays, w.endMs, w.startMs - w.maxStayMs, w.startMs),
    blocks: await db.all(BOARD_SQL.blocks, w.endMs, w.startMs),
    counts: await db.get(BOARD_SQL.counts, w.dayStart, w.dayEnd, w.dayEnd),
  };
}

export async function boardK(db: KDb, w: BoardWindow): Promise<BoardRows> {
  const rooms = await db.selectFrom('guestRooms')
    .select(['id', 'number', 'category', 'capacity', 'nightlyRate', 'floor', 'housekeeping', 'active'])
    .orderBy('floor').orderBy('number').execute();
  const stays = await db.selectFrom('stays')
    .select(['id', 'roomId', 'guestName', 'guests', sql<string>`substr(checkin, 1, 10)`.as('checkinDate'),
      sql<string>`substr(checkout, 1, 10)`.as('checkoutDate'), 'status'])
    .where('checkinMs', '<', w.endMs).where('checkinMs', '>', w.startMs - w.maxStayMs).where('checkoutMs', '>', w.startMs)
    .where('status', '<>', sql.lit('cancelled')).execute();
  const blocks = await db.selectFrom('roomBlocks')
    .select(['id', 'roomId', sql<string>`substr(starts_at, 1, 10)`.as('fromDate'), sql<string>`substr(ends_at, 1, 10)`.as('toDate'), 'reason', 'kind'])
    .where('startsMs', '<', w.endMs).where('endsMs', '>', w.startMs).execute();
  const counts = await db.selectNoFrom((eb) => [
    eb.selectFrom('stays').select(eb.fn.countAll<number>().as('n'))
      .where('checkinMs', '>=', w.dayStart).where('checkinMs', '<', w.dayEnd).where('status', '=', sql.lit('booked')).as('arrivals'),
    eb.selectFrom('stays').select(eb.fn.countAll<number>().as('n'))
      .where('status', '=', sql.lit('checked_in')).where('checkoutMs', '<', w.dayEnd).as('departures'),
    eb.selectFrom('stays').select(eb.fn.countAll<number>().as('n')).where('status', '=', sql.lit('checked_in')).as('inHouse'),
  ]).executeTakeFirstOrThrow();
  return { rooms, stays, blocks, counts };
}

/** Benchmark 2's availability check, the stay half: one indexed range probe. */
export function availabilityA(db: Sqlite, roomId: number, startMs: number, endMs: number): unknown {
  return prepared(db, STAY_CONFLICT_SQL).get(roomId, endMs, startMs - MAX_STAY_MS, startMs, 0);
}

export function availabilityB(db: AsyncDb, roomId: number, startMs: number, endMs: number): Promise<unknown> {
  return db.get(STAY_CONFLICT_SQL, roomId, endMs, startMs - MAX_STAY_MS, startMs, 0);
}
