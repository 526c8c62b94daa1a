/**
 * Where a booking's SQLite time goes, statement by statement: benchmark 1's bookings (seed 000's
 * `stays:seedCreate`, a free night each) through the core's dispatcher in process, as the REST routes
 * and IPC call it (authorized, audited, group commit on), with `--inflight` of them at once so their
 * writes share COMMITs as the HTTP host's do. Every better-sqlite3 statement run and every `exec` is
 * timed around its call (savepoint names folded into one line), so the table is the time spent inside
 * SQLite a booking, per statement, beside the process's CPU a booking (what is not SQL is the core's
 * JavaScript; the HTTP host adds Fastify, the token and the socket on top).
 *
 *   npx tsx bench/ab/booking-sql-cost.ts [--seconds 4] [--inflight 50]
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createEventBus, type CallContext } from '../../core/context';
import { createCore } from '../../core/create-core';
import { DB_FILE_NAME, openDatabase } from '../../db/open-database';
import { addDays } from '../../shared/time';
import { createEmptyHotel, hotelRooms, NOW_MS, scratchDir, TIME_ZONE, TODAY } from '../support/hotel-dataset';
import { fmt } from '../support/stats';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '4' }, inflight: { type: 'string', default: '50' } } });
const seconds = Number(values.seconds);
const inflight = Number(values.inflight);

const spent = new Map<string, { calls: number; ns: bigint }>();
let timing = false;

type Method = (this: { source?: string }, ...args: unknown[]) => unknown;
/** Wraps `proto[name]` to add its calls' time under `label(this, args)` while `timing` is on. */
function timed(proto: Record<string, Method>, name: string, label: (self: { source?: string }, args: unknown[]) => string): void {
  const original = proto[name]!;
  proto[name] = function (this: { source?: string }, ...args: unknown[]) {
    if (!timing) return original.apply(this, args);
    const t0 = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      const key = `${name} ${label(this, args).replace(/\s+/g, ' ').replace(/\bsp\d+\b/g, 'sp…').slice(0, 100)}`;
      const entry = spent.get(key) ?? { calls: 0, ns: 0n };
      entry.calls++;
      entry.ns += process.hrtime.bigint() - t0;
      spent.set(key, entry);
    }
  };
}
const probe = new Database(':memory:');
const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, Method>;
probe.close();
for (const name of ['run', 'get', 'all', 'iterate']) timed(statementProto, name, (self) => String(self.source));
for (const name of ['exec', 'pragma']) timed(Database.prototype as unknown as Record<string, Method>, name, (_, args) => String(args[0]));

const file = join(scratchDir('booking-sql-cost'), DB_FILE_NAME);
await createEmptyHotel(file);
const db = await openDatabase({ engine: 'sqlite', file });
const started = Date.now();
const core = await createCore({ db, clock: () => NOW_MS + (Date.now() - started), events: createEventBus() }, { settings: { timeZone: TIME_ZONE } });
const rooms = hotelRooms();
const ctx: CallContext = { actor: { userId: null, username: 'bench', role: 'admin' }, via: 'http', address: '127.0.0.1' };
const firstNight = addDays(TODAY, 31);
let next = 0;

/** `inflight` bookings at a time for `ms`; returns how many were made. */
async function book(ms: number): Promise<number> {
  let made = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (performance.now() - t0 < ms) {
        const k = next++;
        const room = rooms[k % rooms.length]!;
        const night = Math.floor(k / rooms.length);
        await core.call('stays:seedCreate', { roomnumber: room.number, category: room.category, checkin: `${addDays(firstNight, night)}T14:00:00`, checkout: `${addDays(firstNight, night + 1)}T12:00:00` }, ctx);
        made++;
      }
    }),
  );
  return made;
}

await book(1500); // warm-up
const load = loadavg()[0]!;
timing = true;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const made = await book(seconds * 1000);
const elapsed = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
timing = false;
await db.close();

const perBooking = (ns: bigint) => Number(ns) / 1e3 / made;
const rows = [...spent.entries()].sort((a, b) => Number(b[1].ns - a[1].ns));
const sqlNs = rows.reduce((sum, [, e]) => sum + e.ns, 0n);
console.log(`${made} bookings, ${inflight} at a time, in ${fmt(elapsed)} ms: ${fmt((made * 1000) / elapsed)}/s (load average ${load.toFixed(1)})`);
console.log(`process CPU ${fmt((cpu.user + cpu.system) / made)} µs a booking; inside SQLite ${fmt(perBooking(sqlNs))} µs a booking`);
console.log('µs a booking | calls a booking | µs a call | statement');
for (const [key, e] of rows.filter(([, e]) => perBooking(e.ns) >= 0.5)) {
  console.log(`${perBooking(e.ns).toFixed(1).padStart(8)} | ${(e.calls / made).toFixed(2).padStart(6)} | ${(Number(e.ns) / 1e3 / e.calls).toFixed(1).padStart(8)} | ${key}`);
}
process.exit(0);
