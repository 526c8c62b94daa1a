/**
 * 0011: the stays' triggers note each stay they add or change in `stay_search_queue` instead of
 * writing the search index themselves; the index is brought up to date from the notes before each
 * COMMIT (db/queries/stay-search-index.ts, run by the SQLite engine: its own test is
 * tests/db/engine/sqlite-commit-hooks.sqlite.test.ts). Here, on the raw connection, the statements
 * are run by hand where the engine runs them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAY_SEARCH_FLUSH_SQL, STAY_SEARCH_PENDING_SQL } from '../../../db/queries/stay-search-index';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0011_stay_search_queue');
});
afterEach(() => step.dispose());

type Db = MigrationStep['before'];
const addStay = (db: Db, id: number, name: string, phone: string | null = null) =>
  db
    .prepare(
      `INSERT INTO stays (id, room_id, category, guest_name, guest_phone, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, created_by, created_at, updated_at)
       VALUES (?, 1, 'Standard', ?, ?, '2026-05-01T14:00:00+02:00', '2026-05-03T12:00:00+02:00', 1, 2, 2, 'booked', 100, 'desk', 0, 0)`,
    )
    .run(id, name, phone);
const found = (db: Db, match: string) =>
  (db.prepare('SELECT rowid AS id FROM stay_search WHERE stay_search MATCH ? ORDER BY rowid').all(match) as { id: number }[]).map((r) => r.id);
const noted = (db: Db) => (db.prepare('SELECT id FROM stay_search_queue ORDER BY id').all() as { id: number }[]).map((r) => r.id);
const pending = (db: Db) => Boolean(db.prepare(STAY_SEARCH_PENDING_SQL).pluck().get());
/** What the engine does before a COMMIT. */
const indexNoted = (db: Db) => {
  for (const sql of STAY_SEARCH_FLUSH_SQL) db.prepare(sql).run();
};

describe('migration 0011_stay_search_queue', () => {
  it('keeps the index it found, and from then on the triggers note stays for the index instead of writing it', () => {
    step.before.prepare(`INSERT INTO guest_rooms (id, number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (1, 101, 'Standard', 2, 100, 1, 0, 0)`).run();
    addStay(step.before, 1, 'Mette Hansen');
    const db = step.migrate();
    expect(found(db, '"hansen"')).toEqual([1]);
    expect(noted(db)).toEqual([]);
    expect(pending(db)).toBe(false);

    addStay(db, 2, 'Ida Holm', '(+45) 31-31-31-31');
    expect(found(db, '"holm"')).toEqual([]);
    expect(noted(db)).toEqual([2]);
    expect(pending(db)).toBe(true);
    indexNoted(db);
    expect(found(db, '"holm"')).toEqual([2]);
    expect(found(db, '"31313131"')).toEqual([2]);
    expect(noted(db)).toEqual([]);

    // A changed name: noted, and its old entry replaced when indexed.
    db.prepare(`UPDATE stays SET guest_name = 'Ida Dahl' WHERE id = 2`).run();
    db.prepare(`UPDATE stays SET guest_name = 'Mette Jensen' WHERE id = 1`).run();
    expect(noted(db)).toEqual([1, 2]);
    indexNoted(db);
    expect(found(db, '"holm"')).toEqual([]);
    expect(found(db, '"dahl"')).toEqual([2]);
    expect(found(db, '"hansen"')).toEqual([]);
    expect(found(db, '"jensen"')).toEqual([1]);
    // Any other change notes nothing.
    db.prepare(`UPDATE stays SET status = 'checked_in' WHERE id = 2`).run();
    expect(noted(db)).toEqual([]);

    // A deleted stay leaves the index at once, and its note with it.
    db.prepare(`UPDATE stays SET guest_name = 'Ida Berg' WHERE id = 2`).run();
    db.prepare('DELETE FROM stays WHERE id = 2').run();
    expect(noted(db)).toEqual([]);
    expect(found(db, '"dahl"')).toEqual([]);
    indexNoted(db);
    expect(found(db, '"berg"')).toEqual([]);
  });
});
