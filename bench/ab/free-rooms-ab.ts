/**
 * The free-rooms query (`GET /api/v1/rooms/free`, benchmark 4's paced read) on the dense hotel of
 * 1 000 000 stays, as it is (db/queries/room-queries.ts FREE_ROOMS_SQL: the latest stay arriving
 * before the period's end, one backward step into the index a room) against the availability check's
 * bounded scan it replaced (every stay of a room arriving in the longest stay before the period:
 * ~60 a room on this hotel with maxStayNights 90), taking turns in one process on one read-only
 * connection. Both must give the same rooms on every night asked; then ms per call for each.
 *
 *   npx tsx bench/ab/free-rooms-ab.ts [--nights 300] [--turns 4] [--from-today]
 *
 * `--from-today`: the nights drawn as benchmark 4's paced requests draw them, over the 150 days from the
 * benchmark's today (the index pages a host keeps asking for), not over the hotel's history.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { FREE_ROOMS_SQL, ROOM_COLUMNS } from '../../db/queries/room-queries';
import { denseHistoryHotel, TODAY } from '../support/hotel-dataset';

/** The query before 2026-11-27: the availability check's bounded range scan per room. */
const BOUNDED_SCAN_SQL = `SELECT ${ROOM_COLUMNS} FROM guest_rooms r
     WHERE r.active = 1 AND r.housekeeping <> 'out_of_order' AND r.capacity >= ?
       AND NOT EXISTS (
         SELECT 1 FROM stays s INDEXED BY stays_occupancy_idx
         WHERE s.room_id = r.id AND s.status IN ('booked', 'checked_in', 'checked_out')
           AND s.checkin_ms < ? AND s.checkin_ms > ? AND s.checkout_ms > ?)
       AND NOT EXISTS (
         SELECT 1 FROM room_blocks b WHERE b.room_id = r.id AND b.starts_ms < ? AND b.ends_ms > ?)
     ORDER BY r.floor, r.number`;

const { values } = parseArgs({
  options: { nights: { type: 'string', default: '300' }, turns: { type: 'string', default: '4' }, 'from-today': { type: 'boolean', default: false } },
});
const DAY = 86_400_000;
const data = await denseHistoryHotel((line) => console.log(line));
const db = new Database(data.file, { readonly: true });
const maxStayMs = Number((db.prepare(`SELECT value FROM settings WHERE key = 'maxStayNights'`).get() as { value: string }).value) * DAY;
const { lo, hi } = db.prepare('SELECT min(checkin_ms) AS lo, max(checkin_ms) AS hi FROM stays').get() as { lo: number; hi: number };
// Nights at 14:00 → 12:00 the next day, drawn over the hotel's history (away from its two ends), or over
// the 150 days from the benchmark's today.
const [firstDay, span] = values['from-today'] ? [Math.floor((Date.parse(TODAY) - lo) / DAY) + 1, 150] : [100, Math.floor((hi - lo) / DAY) - 200];
const nights = Array.from({ length: Number(values.nights) }, () => lo + (firstDay + Math.floor(Math.random() * span)) * DAY);
const bounded = db.prepare(BOUNDED_SCAN_SQL);
const latest = db.prepare(FREE_ROOMS_SQL);
/** The period's end: 12:00 the next day. */
const endOf = (n: number) => n + DAY - 2 * 3_600_000;
const before = (n: number) => bounded.all(1, endOf(n), n - maxStayMs, n, endOf(n), n) as { id: number }[];
const now = (n: number) => latest.all(1, endOf(n), n, endOf(n), n) as { id: number }[];

let differ = 0;
let free = 0;
for (const n of nights) {
  const [a, b] = [before(n).map((r) => r.id).join(), now(n).map((r) => r.id).join()];
  if (a !== b) differ++;
  free += now(n).length;
}
console.log(`${nights.length} nights, ${(free / nights.length).toFixed(1)} free rooms a night on average; answers that differ: ${differ}`);
if (differ > 0) process.exitCode = 1;

const perCall = (f: (n: number) => unknown) => {
  const t0 = performance.now();
  for (const n of nights) f(n);
  return (performance.now() - t0) / nights.length;
};
for (let turn = 1; turn <= Number(values.turns); turn++) {
  const [a, b] = [perCall(before), perCall(now)];
  console.log(`turn ${turn}: bounded scan ${a.toFixed(3)} ms a call, latest stay before the end ${b.toFixed(3)} ms a call: ${(a / b).toFixed(2)} × faster`);
}
console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
