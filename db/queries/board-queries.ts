/**
 * The front-desk board: one window of rooms × days. **Hot path** (300 rooms × 90 days on years of
 * history): the SQL names its output columns as the API does and cuts the local dates out of the
 * stored timestamps, so rows need no per-row parsing or Intl call.
 */
import type { BoardBlock, BoardStay } from '../../shared/contract/board';
import type { Db } from '../database';

/**
 * One stay row as the board query answers it: the contract's `BoardStay` fields, in the SELECT's
 * order, as an array (`db.tuples`: no object per row; the service lays the rows out as columns).
 */
export type BoardStayRow = readonly [
  id: BoardStay['id'],
  roomId: BoardStay['roomId'],
  guestName: BoardStay['guestName'],
  guests: BoardStay['guests'],
  checkinDate: BoardStay['checkinDate'],
  checkoutDate: BoardStay['checkoutDate'],
  status: BoardStay['status'],
];

/**
 * Stays overlapping `[startMs, endMs)`, cancelled ones left out; a no-show stays on the board so the
 * desk sees it. `checkin_ms > start - maxStayMs` bounds the scan of `stays_checkin_idx` to the window
 * plus one maximum stay (no stay is longer, so none that overlaps starts earlier). In the index's
 * order, written out so both engines answer in the same order: SQLite's index ends with the rowid
 * (no sort), PostgreSQL reads its own `stays_board_idx` in that order (an index-only scan,
 * db/migrations/postgres/0005_board_index.sql); without it PostgreSQL orders ties of
 * (checkin_ms, checkout_ms) by where the rows lie, which moves when a row is updated.
 *
 * `checkout_ms - ? > 0`, not `checkout_ms > ?`: PostgreSQL's planner takes two ranges on two
 * columns as independent, and checkout follows checkin, so it expected 1 700 rows of 19 000 and
 * chose stays_checkin_idx with a sort (fetching every row, 52 ms) over the board index (29 ms); an
 * expression gets a default share (13 000 expected). SQLite's plan is the same either way (its
 * bytecode tests checkout_ms on the index entry before it reads the row), and needs no sort
 * (tests/db/engine/sqlite-engine.query-plans.sqlite.test.ts).
 */
export async function boardStays(db: Db, startMs: number, endMs: number, maxStayMs: number): Promise<BoardStayRow[]> {
  return await db.tuples<BoardStayRow>(BOARD_STAYS_SQL, endMs, startMs - maxStayMs, startMs);
}

/** Parameters: end, start − maxStay, start. Columns in `BoardStayRow`'s order. Exported for the board benchmark's raw anchor. */
export const BOARD_STAYS_SQL = `SELECT id, room_id AS "roomId", guest_name AS "guestName", guests, substr(checkin, 1, 10) AS "checkinDate",
            substr(checkout, 1, 10) AS "checkoutDate", status
     FROM stays INDEXED BY stays_checkin_idx
     WHERE checkin_ms < ? AND checkin_ms > ? AND checkout_ms - ? > 0 AND status <> 'cancelled'
     ORDER BY checkin_ms, checkout_ms, id`;

export async function boardBlocks(db: Db, startMs: number, endMs: number): Promise<BoardBlock[]> {
  return await db.all<BoardBlock>(BOARD_BLOCKS_SQL, endMs, startMs);
}

/** Parameters: end, start. */
export const BOARD_BLOCKS_SQL = `SELECT id, room_id AS "roomId", substr(starts_at, 1, 10) AS "fromDate", substr(ends_at, 1, 10) AS "toDate", reason, kind
     FROM room_blocks WHERE starts_ms < ? AND ends_ms > ?`;

export interface DayCounts {
  arrivals: number;
  departures: number;
  inHouse: number;
}

/**
 * Today at the desk, as the worklists count it (db/queries/desk-queries.ts, the same definitions):
 * booked stays arriving in `[dayStartMs, dayEndMs)` and not yet checked in, checked-in guests due
 * out before `dayEndMs` (an overdue one too) and not yet checked out, and every guest checked in. So
 * each count goes down as the desk checks guests in and out. Arrivals are a range of
 * `stays_checkin_idx`; the other two read only the small partial index `stays_in_house_idx`.
 */
export async function dayCounts(db: Db, dayStartMs: number, dayEndMs: number): Promise<DayCounts> {
  return (await db.get<DayCounts>(DAY_COUNTS_SQL, { dayStart: dayStartMs, dayEnd: dayEndMs }))!;
}

/** Parameters: `{ dayStart, dayEnd }`. */
export const DAY_COUNTS_SQL = `SELECT (SELECT count(*) FROM stays INDEXED BY stays_checkin_idx
               WHERE checkin_ms >= @dayStart AND checkin_ms < @dayEnd AND status = 'booked') AS arrivals,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in' AND checkout_ms < @dayEnd) AS departures,
            (SELECT count(*) FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in') AS "inHouse"`;
