/**
 * The rooms report's SQL (issue 17 §1): aggregated in the database, one SQL text for both engines.
 * A stay's hotel-local day is integer arithmetic on its instant, `(ms + offset) / 86 400 000`, with
 * the zone's offset picked by a CASE over the span's DST segments (core/reports/zone-offsets.ts), so
 * no row's text is parsed and no date function differs between the engines.
 *
 * One query per period returns the sold stays grouped by category, first day and check-out day;
 * the service spreads the groups over the days. So a year of ~75 000 stays comes back as a few
 * thousand rows, never as the stays.
 */
import type { Db } from '../database';

/** A span of time with one UTC offset: from `fromMs` (the first segment: from any earlier time) to the next segment. */
export interface OffsetSegment {
  fromMs: number;
  offsetMs: number;
}

/** `col`'s hotel-local day number (days since 1970-01-01), as SQL; its parameters go into `params`. */
function localDay(col: string, segments: readonly OffsetSegment[], params: Record<string, number>): string {
  segments.forEach((s, i) => {
    params[`o${i}`] = s.offsetMs;
    if (i > 0) params[`z${i}`] = s.fromMs;
  });
  const last = segments.length - 1;
  const whens = segments.slice(0, last).map((_, i) => `WHEN ${col} < @z${i + 1} THEN CAST(@o${i} AS BIGINT)`).join(' ');
  const offset = last === 0 ? 'CAST(@o0 AS BIGINT)' : `CASE ${whens} ELSE CAST(@o${last} AS BIGINT) END`;
  return `((${col} + ${offset}) / 86400000)`;
}

export interface RoomsPeriodQuery {
  /** The period's first instant (00:00 of its first day) and the instant after it (00:00 of the day after its last). */
  startMs: number;
  endMs: number;
  /** The longest a stay can be (its arrival is later than `startMs - maxStayMs`). */
  maxStayMs: number;
  segments: readonly OffsetSegment[];
}

/**
 * Sold stays that overlap the period, grouped by category, first day (`ci`) and check-out day
 * (`co`): how many, and their nightly revenue, nights and lead time (ms from booking to arrival)
 * summed. A year of ~75 000 stays is a few thousand groups; the service spreads them over the days.
 */
export interface RoomsStayGroup {
  category: string;
  ci: number;
  co: number;
  stays: number;
  /** Σ price ÷ nights: the group's revenue per night. */
  rate: number;
  nights: number;
  leadMs: number;
}

export async function roomsStayGroups(db: Db, q: RoomsPeriodQuery): Promise<RoomsStayGroup[]> {
  const params: Record<string, number> = { startMs: q.startMs, endMs: q.endMs, lowMs: q.startMs - q.maxStayMs };
  const ci = localDay('s.checkin_ms', q.segments, params);
  const co = localDay('s.checkout_ms', q.segments, params);
  return await db.all<RoomsStayGroup>(
    `SELECT category, ci, co, count(*) AS stays, sum(price * 1.0 / nights) AS rate, sum(nights) AS nights, sum(lead) AS "leadMs"
     FROM (SELECT s.category AS category, s.price AS price, s.nights AS nights, s.checkin_ms - s.created_at AS lead,
                  ${ci} AS ci, ${co} AS co
           FROM stays s
           WHERE s.status IN ('booked', 'checked_in', 'checked_out')
             AND s.checkin_ms > @lowMs AND s.checkin_ms < @endMs AND s.checkout_ms > @startMs) x
     GROUP BY category, ci, co`,
    params,
  );
}

/** Cancelled stays and no-shows that were due to arrive in the period, by status. */
export async function lostArrivals(db: Db, startMs: number, endMs: number): Promise<{ status: string; n: number }[]> {
  return await db.all<{ status: string; n: number }>(
    `SELECT s.status AS status, count(*) AS n FROM stays s
     WHERE s.status IN ('cancelled', 'no_show') AND s.checkin_ms >= ? AND s.checkin_ms < ?
     GROUP BY s.status`,
    startMs, endMs,
  );
}

/** The rooms in use, counted by category. */
export async function roomsByCategory(db: Db): Promise<{ category: string; rooms: number }[]> {
  return await db.all<{ category: string; rooms: number }>(
    'SELECT category, count(*) AS rooms FROM guest_rooms WHERE active = 1 GROUP BY category ORDER BY category',
  );
}

/** Out-of-order blocks of rooms in use that overlap [startMs, endMs). */
export async function outOfOrderBlocks(db: Db, startMs: number, endMs: number): Promise<{ category: string; startsMs: number; endsMs: number }[]> {
  return await db.all<{ category: string; startsMs: number; endsMs: number }>(
    `SELECT r.category AS category, b.starts_ms AS "startsMs", b.ends_ms AS "endsMs"
     FROM room_blocks b JOIN guest_rooms r ON r.id = b.room_id
     WHERE r.active = 1 AND b.kind = 'out_of_order' AND b.starts_ms < ? AND b.ends_ms > ?`,
    endMs, startMs,
  );
}
