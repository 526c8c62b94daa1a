/**
 * The double-booking harness: N HTTP clients, each on its own keep-alive TCP connection, race in
 * rounds: in each round every client sends one booking attempt for that round's target at the same
 * moment, and the next round starts when all have answered. Then the database itself is searched for
 * two occupying stays (or a stay and a block) of one room that overlap, through the database handle
 * (outside any unit of work: committed rows only, on either engine).
 * The same harness runs against the real server and against one with a deliberately broken
 * booking handler, so the check is known to catch what it looks for.
 */
import type { Db } from '../../db/database';
import { createHttpClient } from '../support/socket-client';

export interface RaceOptions {
  baseUrl: string;
  /** The database the server writes to, searched for overlaps afterwards. */
  db: Db;
  clients: number;
  rounds: number;
  path: string;
  /** The request body of round `round` (every client sends the same one in a round). */
  body: (round: number) => unknown;
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
  /** How many attempts won (201) in each round. */
  winnersPerRound: number[];
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

export async function findOverlaps(db: Db): Promise<{ overlaps: Overlap[]; stays: number }> {
  return {
    overlaps: await db.all<Overlap>(OVERLAPS_SQL),
    stays: (await db.get<{ n: number }>('SELECT count(*) AS n FROM stays'))!.n,
  };
}

export async function raceBookings(o: RaceOptions): Promise<RaceResult> {
  const clients = Array.from({ length: o.clients }, () => createHttpClient(o.baseUrl, { token: o.token }));
  const statuses: Record<number, number> = {};
  const created: number[] = [];
  const winnersPerRound: number[] = [];
  const unexpected: string[] = [];
  try {
    // Open every connection first, so the race starts with N sockets already established.
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    const started = performance.now();
    for (let round = 0; round < o.rounds; round++) {
      const body = o.body(round);
      let winners = 0;
      await Promise.all(
        clients.map(async (client) => {
          const res = await client.send({ method: 'POST', path: o.path, body });
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 201) {
            winners++;
            created.push((JSON.parse(res.body) as { id: number }).id);
          } else if (res.status !== 409) unexpected.push(`${res.status} ${res.body}`);
        }),
      );
      winnersPerRound.push(winners);
    }
    const ms = performance.now() - started;
    return { requests: o.clients * o.rounds, statuses, created, winnersPerRound, unexpected, ms, ...(await findOverlaps(o.db)) };
  } finally {
    for (const c of clients) c.close();
  }
}
