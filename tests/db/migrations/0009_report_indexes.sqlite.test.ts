/**
 * 0009: the rooms report's covering indexes, built over the stays already booked. The report's two
 * stays queries (db/queries/report-queries.ts, word for word) then read from them alone, and the
 * sold stays are grouped in the index's order, with no sort.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOST_ARRIVALS_SQL, ROOMS_STAY_GROUPS_SQL } from '../../../db/queries/report-queries';
import { migrationStep, sqliteNames, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0009_report_indexes');
});
afterEach(() => step.dispose());

const addStay = (db: MigrationStep['before'], id: number, status: string) =>
  db
    .prepare(
      `INSERT INTO stays (id, room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (?, 1, 'Standard', 'Ann', '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1000, 2000, 2, ?, 100, 'desk', 0, 0)`,
    )
    .run(id, status);
const plan = (db: MigrationStep['before'], sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ lowMs: 0, startMs: 500, endMs: 5000 }) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0009_report_indexes', () => {
  it('indexes the stays booked before it, and the report reads them from the indexes alone', () => {
    step.before.prepare(`INSERT INTO guest_rooms (id, number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 101, 'Standard', 2, 100, 1, 0, 0)`).run();
    addStay(step.before, 1, 'checked_out');
    addStay(step.before, 2, 'cancelled');
    addStay(step.before, 3, 'no_show');
    const db = step.migrate();
    expect(sqliteNames(db, 'index')).toEqual(expect.arrayContaining(['stays_report_idx', 'stays_lost_idx']));
    expect(db.prepare(`SELECT count(*) AS n FROM stays INDEXED BY stays_report_idx WHERE status IN ('booked', 'checked_in', 'checked_out') AND checkin_ms > 0`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM stays INDEXED BY stays_lost_idx WHERE status IN ('cancelled', 'no_show') AND checkin_ms > 0`).get()).toEqual({ n: 2 });

    expect(plan(db, ROOMS_STAY_GROUPS_SQL)).toBe('SEARCH stays USING COVERING INDEX stays_report_idx (checkin_ms>? AND checkin_ms<?)');
    expect(plan(db, LOST_ARRIVALS_SQL)).toMatch(/^SEARCH stays USING COVERING INDEX stays_lost_idx \(checkin_ms>\? AND checkin_ms<\?\)/);
  });
});
