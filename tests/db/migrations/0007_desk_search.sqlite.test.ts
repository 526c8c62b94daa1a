/**
 * 0007: the desk's search index over the stays already booked, kept by triggers from then on; the
 * in-house index. Since 0011 the triggers note the stays and the engine indexes them before each
 * COMMIT: on this raw connection `indexNoted` does it where the engine would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAY_SEARCH_FLUSH_SQL } from '../../../db/queries/stay-search-index';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0007_desk_search');
});
afterEach(() => step.dispose());

const addStay = (db: MigrationStep['before'], id: number, name: string, email: string | null, phone: string | null, status = 'booked') =>
  db
    .prepare(
      `INSERT INTO stays (id, room_id, category, guest_name, guest_email, guest_phone, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (?, 1, 'Standard', ?, ?, ?, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1, 2, 2, ?, 100, 'desk', 0, 0)`,
    )
    .run(id, name, email, phone, status);
const indexNoted = (db: MigrationStep['before']) => {
  for (const sql of STAY_SEARCH_FLUSH_SQL) db.prepare(sql).run();
};
const found = (db: MigrationStep['before'], match: string) =>
  (db.prepare('SELECT rowid AS id FROM stay_search WHERE stay_search MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);

describe('migration 0007_desk_search', () => {
  it('indexes the stays booked before it (name, e-mail, phone digits) and keeps the index in step after it', () => {
    step.before.prepare(`INSERT INTO guest_rooms (id, number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 101, 'Standard', 2, 100, 1, 0, 0)`).run();
    addStay(step.before, 1, 'Mette Hansen', 'mette@example.dk', '+45 20 12 34 56');
    addStay(step.before, 2, 'Jens Olsen', null, null, 'checked_in');
    const db = step.migrate();
    expect(found(db, '"hansen"')).toEqual([1]);
    expect(found(db, '"20123456"')).toEqual([1]);
    expect(found(db, '"example"')).toEqual([1]);
    expect(found(db, '"olsen"')).toEqual([2]);

    addStay(db, 3, 'Ida Holm', null, '(+45) 31-31-31-31');
    indexNoted(db);
    expect(found(db, '"31313131"')).toEqual([3]);
    db.prepare(`UPDATE stays SET guest_name = 'Ida Dahl' WHERE id = 3`).run();
    indexNoted(db);
    expect(found(db, '"holm"')).toEqual([]);
    expect(found(db, '"dahl"')).toEqual([3]);
    db.prepare('DELETE FROM stays WHERE id = 3').run();
    expect(found(db, '"dahl"')).toEqual([]);

    expect(db.prepare(`SELECT count(*) AS n FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in'`).get()).toEqual({ n: 1 });
  });
});
