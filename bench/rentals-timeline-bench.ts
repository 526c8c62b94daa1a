/**
 * Benchmark 6: the rentals timeline (`rentals:timeline`) for 50 cars × 90 days, on two years of
 * rentals (each car rented most days: returned in the past, out now, reserved ahead), called in
 * process as IPC calls it, and over HTTP (`GET /api/v1/rentals/timeline`, Fastify inject: token
 * check + JSON), what a browser on the LAN waits for. Anchor: the same two SELECTs with raw
 * better-sqlite3 prepared statements on the same connection. Target (issue 9 §4): server p50 ≤ 10 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../core/api/build-server';
import { anonymousContext, createEventBus, type CallContext } from '../core/context';
import { createCore } from '../core/create-core';
import Database from 'better-sqlite3';
import { openDatabase, type Sqlite } from '../db/open-database';
import { insertCar, insertRental } from '../db/queries/car-queries';
import { MAX_RENTAL_DAYS } from '../shared/contract/rentals';
import { addDays, formatInstant } from '../shared/time';
import type { BenchOptions } from './support/bench-options';
import { NOW_MS, TIME_ZONE, TODAY } from './support/hotel-dataset';
import type { BenchResult } from './support/report';
import { fmt, fmtMs, median, percentile, seededRandom, timeAgainstAsync } from './support/stats';

export const CARS = 50;
export const TIMELINE_DAYS = 90;
const HISTORY_DAYS = 730;
const CTX: CallContext = { actor: { userId: null, username: 'desk', role: 'staff' }, via: 'ipc' };

/** Copies of the SQL in db/queries/car-queries.ts `rentalTimeline` (the row counts are cross-checked). */
const RAW_SQL = {
  cars: `SELECT id, brand || ' ' || model || CASE WHEN plate IS NULL THEN '' ELSE ' (' || plate || ')' END AS label, fuel_type AS "fuelType",
       is_rented AS "isRented", has_damage AS "hasDamage"
     FROM cars WHERE deleted_at IS NULL ORDER BY brand, model, id`,
  rentals: `SELECT id, car_id AS "carId", guest_name AS "guestName", from_date AS "from", to_date AS "to", status
     FROM car_rentals WHERE from_date < ? AND from_date >= ? AND to_date > ? AND status <> 'cancelled' ORDER BY car_id, from_date`,
};

// eslint-disable-next-line max-lines-per-function -- one benchmark's steps in the order its report prints them
export async function runRentalsTimelineBench(o: BenchOptions): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-rentals-'));
  const file = join(dir, 'frontdesk.db');
  const db = await openDatabase({ engine: 'sqlite', file });
  let sqlite: Sqlite | undefined;
  try {
    const deps = { db, clock: () => NOW_MS, events: createEventBus() };
    const core = await createCore(deps, { settings: { timeZone: TIME_ZONE } });

    // 50 cars; each rented back to back from two years ago to a month ahead, 1–7 days a rental, 0–3 days between.
    const random = seededRandom(42);
    const fuels = ['Petrol', 'Diesel', 'Electric', 'Hybrid'];
    let rentals = 0;
    await db.unit(async () => {
      for (let c = 0; c < CARS; c++) {
        const carId = await insertCar(
          db,
          {
            brand: ['Toyota', 'Volkswagen', 'Skoda', 'Tesla', 'Volvo'][c % 5]!, model: `Model ${c}`, fuelType: fuels[c % 4]!, mileage: 10_000,
            isRented: false, hasDamage: false, damageNote: null, plate: `BE ${10_000 + c}`, seats: 5, dailyRate: 50_000, notes: '',
          },
          'bench',
          NOW_MS,
        );
        let day = addDays(TODAY, -HISTORY_DAYS + Math.floor(random() * 5));
        const end = addDays(TODAY, 30);
        while (day < end) {
          const days = 1 + Math.floor(random() * 7);
          const to = addDays(day, days);
          const id = await insertRental(
            db,
            {
              carId, guestName: `Guest ${rentals}`, stayId: null, from: day, to, days, dailyRate: 50_000, price: days * 50_000, notes: '',
              createdBy: 'bench', createdAt: formatInstant(NOW_MS, TIME_ZONE), createdMs: NOW_MS,
            },
            NOW_MS,
          );
          const status = to <= TODAY ? 'returned' : day <= TODAY ? 'out' : 'reserved';
          if (status !== 'reserved') await db.run('UPDATE car_rentals SET status = ?, mileage_out = 10000, mileage_in = ? WHERE id = ?', status, status === 'returned' ? 10_100 : null, id);
          rentals++;
          day = addDays(to, Math.floor(random() * 4));
        }
      }
    });
    await db.run('ANALYZE');
    // The anchor: raw better-sqlite3 on the same file with the production pragmas.
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');

    const from = addDays(TODAY, -30);
    const to = addDays(from, TIMELINE_DAYS);
    const earliest = addDays(from, -MAX_RENTAL_DAYS);
    const stmt = { cars: sqlite.prepare(RAW_SQL.cars), rentals: sqlite.prepare(RAW_SQL.rentals) };
    const raw = () => ({ cars: stmt.cars.all(), rentals: stmt.rentals.all(to, earliest, from) });
    const ours = () => core.handlers['rentals:timeline']({ from, days: TIMELINE_DAYS }, CTX);
    const a = raw();
    const b = await ours();
    if (a.cars.length !== b.cars.length || a.rentals.length !== b.rentals.length) {
      throw new Error(`raw and rentals:timeline disagree: ${a.cars.length}/${b.cars.length} cars, ${a.rentals.length}/${b.rentals.length} rentals`);
    }

    const calls = o.quick ? 20 : 50;
    const { ours: oursRuns, anchor: rawRuns } = await timeAgainstAsync(o.runs, calls, ours, raw);
    const oursP50 = median(oursRuns.map((x) => median(x)));
    const rawP50 = median(rawRuns.map((x) => median(x)));
    const oursP99 = median(oursRuns.map((x) => percentile(x, 99)));
    const ratio = rawP50 / oursP50;

    const app = await buildServer(core, {});
    const url = `/api/v1/rentals/timeline?from=${from}&days=${TIMELINE_DAYS}`;
    const httpRuns: number[] = [];
    let bytes = 0;
    try {
      const password = 'Rentals-Bench-Desk-2026';
      await core.users.create({ username: 'rentals.bench', email: 'rentals.bench@example.test', password, role: 'staff' }, CTX);
      await db.run(`UPDATE users SET must_change_password = 0 WHERE username = 'rentals.bench'`);
      const { access_token: token } = await core.auth.login({ username: 'rentals.bench', password }, anonymousContext('http', '127.0.0.1'));
      const get = () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      const first = await get();
      if (first.statusCode !== 200) throw new Error(`GET ${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      bytes = first.rawPayload.length;
      for (let i = 0; i < (o.quick ? 20 : 50); i++) {
        const t0 = performance.now();
        await get();
        httpRuns.push(performance.now() - t0);
      }
    } finally {
      await app.close();
    }
    const httpP50 = median(httpRuns);
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${RAW_SQL.rentals}`).all(to, earliest, from) as { detail: string }[]).map((x) => x.detail).join('; ');

    return {
      id: 6,
      title: 'Rentals timeline, 50 cars × 90 days',
      checks: [
        { label: 'rentals:timeline over HTTP p50', ours: fmtMs(httpP50), target: '≤ 10 ms', pass: httpP50 <= 10 },
        { label: 'rentals:timeline in process p50', ours: fmtMs(oursP50), target: '≤ 10 ms', pass: oursP50 <= 10 },
        { label: 'vs the raw SELECTs', ours: fmtMs(oursP50), anchor: fmtMs(rawP50), ratio: fmt(ratio), target: '≥ 0.7', pass: ratio >= 0.7 },
      ],
      figures: [
        `${CARS} cars, ${rentals.toLocaleString('en')} rentals over ${HISTORY_DAYS} days + 30 ahead; timeline ${from} + ${TIMELINE_DAYS} days: ${b.cars.length} cars, ${b.rentals.length} rentals.`,
        `${o.runs} runs × ${calls} calls; p50 = median of the runs' medians. In process p50 ${fmtMs(oursP50)} (p99 ${fmtMs(oursP99)}), raw SELECTs p50 ${fmtMs(rawP50)}; ratio raw ÷ ours ${fmt(ratio)}.`,
        `Over HTTP (inject, signed in, ${(bytes / 1024).toFixed(1)} KB of JSON): p50 ${fmtMs(httpP50)} (p99 ${fmtMs(percentile(httpRuns, 99))}).`,
        `Plan of the rentals query: \`${plan}\`.`,
      ],
    };
  } finally {
    sqlite?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
