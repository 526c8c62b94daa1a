/**
 * PostgreSQL 0005 (hand-written, a custom drizzle-kit migration): `stays_board_idx`, the board's
 * partial covering index (issue 16 item 8). It applies over a database holding stays and keeps them;
 * the board's stay query is then an index-only scan of it, in the board's order (no sort), with the
 * cancelled stays not even in it; the columns PostgreSQL builds of it are aggregated straight off it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_STAY_COLUMNS_SQL, BOARD_STAYS_SQL_POSTGRES } from '../../../db/queries/board-queries';
import { postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';

let step: PostgresMigrationStep;
beforeEach(async () => {
  step = await postgresMigrationStep('0005_board_index');
});
afterEach(() => step.dispose());

const STAY = `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
  VALUES (1, 'x', ?, ?, ?, ?, ?, 1, ?, 0, 't', 0, 0)`;

describe('PostgreSQL migration 0005_board_index', () => {
  it('applies over a database holding stays, and keeps them', async () => {
    const before = await step.before();
    await before.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    await before.run(STAY, 'Ida', '2026-05-01T14:00:00+02:00', '2026-05-02T12:00:00+02:00', 1_000, 2_000, 'booked');
    const migrated = await step.migrate();
    expect(await migrated.all(`SELECT guest_name AS "name" FROM stays`)).toEqual([{ name: 'Ida' }]);
    expect(await migrated.get(`SELECT indexdef AS "def" FROM pg_indexes WHERE indexname = 'stays_board_idx'`)).toEqual({
      def: expect.stringContaining("WHERE (status <> 'cancelled'::text)"),
    });
  });

  it("serves the board's stay query alone: an index-only scan in the board's order, no sort, no cancelled row", async () => {
    const db = await step.migrate();
    await db.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    for (let day = 0; day < 40; day++) {
      const at = day * 86_400_000;
      await db.run(STAY, `Guest ${day}`, '2026-05-01T14:00:00+02:00', '2026-05-02T12:00:00+02:00', at + 1_000, at + 2_000, day % 4 === 0 ? 'cancelled' : 'booked');
    }
    await db.run('VACUUM ANALYZE stays');
    const plan = await db.unit(async () => {
      // Priced out, so the plan shows what the index can do whatever the table's size.
      await db.run('SET LOCAL enable_seqscan = off');
      await db.run('SET LOCAL enable_bitmapscan = off');
      const explain = async (sql: string) => (await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, 30 * 86_400_000, 0, 5 * 86_400_000)).map((r) => r['QUERY PLAN']).join('\n');
      return { rows: await explain(BOARD_STAYS_SQL_POSTGRES), columns: await explain(BOARD_STAY_COLUMNS_SQL) };
    });
    expect(plan.rows).toMatch(/^Index Only Scan using stays_board_idx on stays/);
    expect(plan.rows).not.toMatch(/Sort|status/);
    // What the board sends: the columns aggregated straight off the same scan, in its order (no sort).
    expect(plan.columns).toMatch(/^Aggregate[^\n]*\n\s*->\s+Index Only Scan using stays_board_idx on stays/);
    expect(plan.columns).not.toMatch(/Sort|status/);
    const rows = await db.all<{ guestName: string }>(BOARD_STAYS_SQL_POSTGRES, 30 * 86_400_000, 0, 5 * 86_400_000);
    expect(rows.map((r) => r.guestName)).toEqual(Array.from({ length: 25 }, (_, i) => i + 5).filter((d) => d % 4 !== 0).map((d) => `Guest ${d}`));
  });
});
