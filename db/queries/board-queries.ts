/**
 * The front-desk board: one window of rooms × days. **Hot path** (300 rooms × 90 days on years of
 * history): the SQL names its output columns as the API does and cuts the local dates out of the
 * stored timestamps, so rows need no per-row parsing or Intl call.
 */
import type { BoardBlock, BoardStay } from '../../shared/contract/board';
import type { Db } from '../database';

/** One stay row as the board query shapes it (the contract's BoardStay); the service lays the rows out as columns. */
export type BoardStayRow = BoardStay;

/**
 * Stays overlapping `[startMs, endMs)`, cancelled ones left out; a no-show stays on the board so the
 * desk sees it. `checkin_ms > start - maxStayMs` bounds the scan of `stays_checkin_idx` to the window
 * plus one maximum stay (no stay is longer, so none that overlaps starts earlier).
 */
export async function boardStays(db: Db, startMs: number, endMs: number, maxStayMs: number): Promise<BoardStayRow[]> {
  return await db.all<BoardStayRow>(BOARD_STAYS_SQL, endMs, startMs - maxStayMs, startMs);
}

/** Parameters: end, start − maxStay, start. Exported for the board benchmark's raw anchor. */
export const BOARD_STAYS_SQL = `SELECT id, room_id AS "roomId", guest_name AS "guestName", guests, substr(checkin, 1, 10) AS "checkinDate",
            substr(checkout, 1, 10) AS "checkoutDate", status
     FROM stays INDEXED BY stays_checkin_idx
     WHERE checkin_ms < ? AND checkin_ms > ? AND checkout_ms > ? AND status <> 'cancelled'`;

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
