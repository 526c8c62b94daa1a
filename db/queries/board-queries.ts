/**
 * The front-desk board: one window of rooms × days. **Hot path** (300 rooms × 90 days on years of
 * history): the SQL names its output columns as the API does and cuts the local dates out of the
 * stored timestamps, so rows need no per-row parsing or Intl call.
 */
import type { BoardBlock, BoardStay } from '../../shared/contract/schemas';
import type { Sqlite } from '../open-database';
import { prepared } from './prepared';

/** One stay row as the board query shapes it (the contract's BoardStay); the service lays the rows out as columns. */
export type BoardStayRow = BoardStay;

/**
 * Stays overlapping `[startMs, endMs)`, cancelled ones left out; a no-show stays on the board so the
 * desk sees it. `checkin_ms > start - maxStayMs` bounds the scan of `stays_checkin_idx` to the window
 * plus one maximum stay (no stay is longer, so none that overlaps starts earlier).
 */
export function boardStays(db: Sqlite, startMs: number, endMs: number, maxStayMs: number): BoardStayRow[] {
  return prepared<BoardStayRow>(
    db,
    `SELECT id, room_id AS roomId, guest_name AS guestName, guests, substr(checkin, 1, 10) AS checkinDate,
            substr(checkout, 1, 10) AS checkoutDate, status
     FROM stays INDEXED BY stays_checkin_idx
     WHERE checkin_ms < ? AND checkin_ms > ? AND checkout_ms > ? AND status <> 'cancelled'`,
  ).all(endMs, startMs - maxStayMs, startMs);
}

export function boardBlocks(db: Sqlite, startMs: number, endMs: number): BoardBlock[] {
  return prepared<BoardBlock>(
    db,
    `SELECT id, room_id AS roomId, substr(starts_at, 1, 10) AS fromDate, substr(ends_at, 1, 10) AS toDate, reason, kind
     FROM room_blocks WHERE starts_ms < ? AND ends_ms > ?`,
  ).all(endMs, startMs);
}

export interface DayCounts {
  arrivals: number;
  departures: number;
  inHouse: number;
}

/**
 * Today at the desk, from the live stays (booked, in house or checked out) that overlap the day
 * `[dayStartMs, dayEndMs)`: arriving today, departing today (already gone or not), and checked in.
 * Each room is a short range scan of `stays_occupancy_idx`; only the few stays that overlap today
 * are read from the table. A guest still checked in after the checkout day has passed is overdue,
 * not in house: the desk sees that stay on the board, ending in the past.
 */
export function dayCounts(db: Sqlite, dayStartMs: number, dayEndMs: number, maxStayMs: number): DayCounts {
  return prepared<DayCounts>(
    db,
    `SELECT coalesce(sum(s.checkin_ms >= @dayStart), 0) AS arrivals,
            coalesce(sum(s.checkout_ms < @dayEnd), 0) AS departures,
            coalesce(sum(s.status = 'checked_in'), 0) AS inHouse
     FROM guest_rooms r CROSS JOIN stays s INDEXED BY stays_occupancy_idx
     WHERE s.room_id = r.id AND s.status IN ('booked', 'checked_in', 'checked_out')
       AND s.checkin_ms < @dayEnd AND s.checkin_ms > @lowest AND s.checkout_ms >= @dayStart`,
  ).get({ dayStart: dayStartMs, dayEnd: dayEndMs, lowest: dayStartMs - maxStayMs }) as DayCounts;
}
