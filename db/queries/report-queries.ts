/**
 * The rooms report's SQL (issue 17 §1): aggregated in the database, one SQL text for both engines,
 * each query read from a covering partial index alone (db/schema.ts: `stays_report_idx`,
 * `stays_lost_idx`; their WHERE clauses match these word for word).
 *
 * The sold stays come back grouped by their stored instants, category and nights, in the index's
 * own order, so neither engine sorts: a year of ~75 000 stays is a few thousand groups (a desk books
 * at the hotel's usual check-in and check-out times). The service turns each group's instants into
 * hotel-local days (core/reports/zone-offsets.ts) and spreads them over the period.
 */
import type { Db } from '../database';

/** The reads a report needs: a unit of work's handle, or an export's snapshot (db/read-connection.ts). */
export type ReportDb = Pick<Db, 'all'>;

export interface RoomsPeriodQuery {
  /** The period's first instant (00:00 of its first day) and the instant after it (00:00 of the day after its last). */
  startMs: number;
  endMs: number;
  /** The longest a stay can be (its arrival is later than `startMs - maxStayMs`). */
  maxStayMs: number;
}

/**
 * Sold stays that overlap the period, grouped by arrival and departure instant, category and
 * nights: how many, their prices and their lead times (ms from booking to arrival) summed. Integer
 * sums on both engines, in the index's order (the ORDER BY costs nothing there and fixes the order
 * the service adds the groups' revenue in, so both engines give the same figures to the last bit).
 */
export interface RoomsStayGroup {
  checkinMs: number;
  checkoutMs: number;
  category: string;
  nights: number;
  stays: number;
  price: number;
  leadMs: number;
}

export const ROOMS_STAY_GROUPS_SQL = `SELECT checkin_ms AS "checkinMs", checkout_ms AS "checkoutMs", category, nights,
       count(*) AS stays, sum(price) AS price, sum(checkin_ms - created_at) AS "leadMs"
  FROM stays
  WHERE status IN ('booked', 'checked_in', 'checked_out') AND checkin_ms > @lowMs AND checkin_ms < @endMs AND checkout_ms > @startMs
  GROUP BY checkin_ms, checkout_ms, category, nights
  ORDER BY checkin_ms, checkout_ms, category, nights`;

export async function roomsStayGroups(db: ReportDb, q: RoomsPeriodQuery): Promise<RoomsStayGroup[]> {
  return await db.all<RoomsStayGroup>(ROOMS_STAY_GROUPS_SQL, { startMs: q.startMs, endMs: q.endMs, lowMs: q.startMs - q.maxStayMs });
}

export const LOST_ARRIVALS_SQL = `SELECT status, count(*) AS n FROM stays
  WHERE status IN ('cancelled', 'no_show') AND checkin_ms >= @startMs AND checkin_ms < @endMs
  GROUP BY status`;

/** Cancelled stays and no-shows that were due to arrive in the period, by status. */
export async function lostArrivals(db: ReportDb, startMs: number, endMs: number): Promise<{ status: string; n: number }[]> {
  return await db.all<{ status: string; n: number }>(LOST_ARRIVALS_SQL, { startMs, endMs });
}

/** The rooms in use, counted by category. */
export async function roomsByCategory(db: ReportDb): Promise<{ category: string; rooms: number }[]> {
  return await db.all<{ category: string; rooms: number }>(
    'SELECT category, count(*) AS rooms FROM guest_rooms WHERE active = 1 GROUP BY category ORDER BY category',
  );
}

/** Out-of-order blocks of rooms in use that overlap [startMs, endMs). */
export async function outOfOrderBlocks(db: ReportDb, startMs: number, endMs: number): Promise<{ category: string; startsMs: number; endsMs: number }[]> {
  return await db.all<{ category: string; startsMs: number; endsMs: number }>(
    `SELECT r.category AS category, b.starts_ms AS "startsMs", b.ends_ms AS "endsMs"
     FROM room_blocks b JOIN guest_rooms r ON r.id = b.room_id
     WHERE r.active = 1 AND b.kind = 'out_of_order' AND b.starts_ms < ? AND b.ends_ms > ?
     ORDER BY b.id`,
    endMs, startMs,
  );
}
