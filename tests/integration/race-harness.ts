/**
 * The double-booking harness: N HTTP clients, each on its own keep-alive TCP connection, fire M
 * booking attempts each at a running server, all starting at the same moment; then the database
 * itself is searched for two occupying stays (or a stay and a block) of one room that overlap.
 * The same harness runs against the real server and against one with a deliberately broken
 * booking handler, so the check is known to catch what it looks for.
 */
import { openReadConnection } from '../../db/open-database';
import { createHttpClient } from '../support/socket-client';

export interface RaceOptions {
  baseUrl: string;
  dbFile: string;
  clients: number;
  attempts: number;
  path: string;
  body: unknown;
  /** The bearer token every client sends (the booking routes need a signed-in caller). */
  token: string;
}

export interface Overlap {
  roomId: number;
  first: string;
  second: string;
}

export interface RaceResult {
  requests: number;
  /** How many responses had each status. */
  statuses: Record<number, number>;
  /** Ids of the bookings that answered 201. */
  created: number[];
  /** Bodies of answers other than 201 / 409, for the failure message. */
  unexpected: string[];
  overlaps: Overlap[];
  stays: number;
  ms: number;
}

/** Every pair of occupying stays, or an occupying stay and a block, of one room that overlap. */
const OVERLAPS_SQL = `
  SELECT a.room_id AS "roomId", 'stay ' || a.id AS first, 'stay ' || b.id AS second
  FROM stays a JOIN stays b ON b.room_id = a.room_id AND b.id > a.id
  WHERE a.status IN ('booked', 'checked_in', 'checked_out') AND b.status IN ('booked', 'checked_in', 'checked_out')
    AND a.checkin_ms < b.checkout_ms AND b.checkin_ms < a.checkout_ms
  UNION ALL
  SELECT s.room_id, 'stay ' || s.id, 'block ' || k.id
  FROM stays s JOIN room_blocks k ON k.room_id = s.room_id
  WHERE s.status IN ('booked', 'checked_in', 'checked_out') AND s.checkin_ms < k.ends_ms AND k.starts_ms < s.checkout_ms`;

/** Reads the file through its own connection: what any other reader of the database would see. */
export function findOverlaps(dbFile: string): { overlaps: Overlap[]; stays: number } {
  const db = openReadConnection(dbFile);
  try {
    return {
      overlaps: db.prepare(OVERLAPS_SQL).all() as Overlap[],
      stays: (db.prepare('SELECT count(*) AS n FROM stays').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

export async function raceBookings(o: RaceOptions): Promise<RaceResult> {
  const clients = Array.from({ length: o.clients }, () => createHttpClient(o.baseUrl, { token: o.token }));
  const statuses: Record<number, number> = {};
  const created: number[] = [];
  const unexpected: string[] = [];
  try {
    // Open every connection first, so the race starts with N sockets already established.
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let i = 0; i < o.attempts; i++) {
          const res = await client.send({ method: 'POST', path: o.path, body: o.body });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 201) created.push((JSON.parse(res.body) as { id: number }).id);
          else if (res.status !== 409) unexpected.push(`${res.status} ${res.body}`);
        }
      }),
    );
    const ms = performance.now() - started;
    return { requests: o.clients * o.attempts, statuses, created, unexpected, ms, ...findOverlaps(o.dbFile) };
  } finally {
    for (const c of clients) c.close();
  }
}
