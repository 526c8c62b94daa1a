/**
 * The rooms report's SQL (issue 17 §1): aggregated in the database, one SQL text for both engines.
 * A stay's hotel-local day is integer arithmetic on its instant, `(ms + offset) / 86 400 000`, with
 * the zone's offset picked by a CASE over the span's DST segments (core/reports/zone-offsets.ts), so
 * no row's text is parsed and no date function differs between the engines.
 *
 * One query per period returns, per category and day, the changes of rooms sold and revenue (a
 * stay adds +1 and its nightly share on its first night in the period, −1 the day after its last),
 * its arrival (with its nights and lead time) and its departure; the service adds them up. So a year
 * of 100 000 stays comes back as ~1 500 rows, never as the stays.
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
  /** The same as day numbers: first day, and the day after the last. */
  fromDay: number;
  endDay: number;
  /** The longest a stay can be (its arrival is later than `startMs - maxStayMs`). */
  maxStayMs: number;
  segments: readonly OffsetSegment[];
}

/** One row per category and day: the changes and counts of that day (see the module's comment). */
export interface RoomsDayDelta {
  category: string;
  day: number;
  sold: number;
  revenue: number;
  arrivals: number;
  departures: number;
  /** Nights and lead time (ms from booking to arrival) of that day's arrivals, summed. */
  arrivalNights: number;
  leadMs: number;
}

export async function roomsDayDeltas(db: Db, q: RoomsPeriodQuery): Promise<RoomsDayDelta[]> {
  const params: Record<string, number> = {
    startMs: q.startMs, endMs: q.endMs, lowMs: q.startMs - q.maxStayMs, fromDay: q.fromDay, endDay: q.endDay,
  };
  const ci = localDay('s.checkin_ms', q.segments, params);
  const co = localDay('s.checkout_ms', q.segments, params);
  return await db.all<RoomsDayDelta>(
    `WITH y AS MATERIALIZED (
       SELECT category, price * 1.0 / nights AS rate, nights, lead, ci, co,
              CASE WHEN ci > @fromDay THEN ci ELSE @fromDay END AS a,
              CASE WHEN co < @endDay THEN co ELSE @endDay END AS b
       FROM (SELECT s.category AS category, s.price AS price, s.nights AS nights, s.checkin_ms - s.created_at AS lead,
                    ${ci} AS ci, ${co} AS co
             FROM stays s
             WHERE s.status IN ('booked', 'checked_in', 'checked_out')
               AND s.checkin_ms > @lowMs AND s.checkin_ms < @endMs AND s.checkout_ms > @startMs) x
     )
     SELECT category, day, sum(sold) AS sold, sum(revenue) AS revenue, sum(arrivals) AS arrivals,
            sum(departures) AS departures, sum(nights) AS "arrivalNights", sum(lead) AS "leadMs"
     FROM (SELECT category, a AS day, 1 AS sold, rate AS revenue, 0 AS arrivals, 0 AS departures, 0 AS nights, 0 AS lead FROM y WHERE b > a
           UNION ALL SELECT category, b, -1, -rate, 0, 0, 0, 0 FROM y WHERE b > a AND b < @endDay
           UNION ALL SELECT category, ci, 0, 0, 1, 0, nights, lead FROM y WHERE ci >= @fromDay
           UNION ALL SELECT category, co, 0, 0, 0, 1, 0, 0 FROM y WHERE co < @endDay) e
     GROUP BY category, day`,
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
