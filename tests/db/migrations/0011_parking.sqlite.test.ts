/** 0011: the parking spaces and their bookings, with the checks a row must pass whoever writes it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0011_parking');
});
afterEach(() => step.dispose());

describe('migration 0011_parking', () => {
  it('keeps what was there and adds the parking tables', () => {
    step.before.prepare(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Hotel Nordlys"')`).run();
    const db = step.migrate();
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'hotelName'`).get()).toEqual({ value: '"Hotel Nordlys"' });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'parking_%' ORDER BY name`).all()).toEqual([
      { name: 'parking_bookings' },
      { name: 'parking_spaces' },
    ]);
  });

  it('refuses a label twice (in any case), an empty period, an unknown status and an unknown space', () => {
    const db = step.migrate();
    const space = Number(db.prepare(`INSERT INTO parking_spaces (label, created_at) VALUES ('P1', 'x')`).run().lastInsertRowid);
    expect(() => db.prepare(`INSERT INTO parking_spaces (label, created_at) VALUES ('p1', 'x')`).run()).toThrow(/UNIQUE constraint failed/);
    const book = (spaceId: number, from: string, to: string, status = 'booked') =>
      db.prepare(`INSERT INTO parking_bookings (space_id, plate, guest_name, from_date, to_date, status, created_by, created_at) VALUES (?, 'AB', 'Mette', ?, ?, ?, 'desk', 'x')`).run(spaceId, from, to, status);
    expect(() => book(space, '2026-06-02', '2026-06-02')).toThrow(/parking_bookings_interval_ck/);
    expect(() => book(space, '2026-06-01', '2026-06-02', 'lost')).toThrow(/CHECK constraint failed/);
    expect(() => book(999, '2026-06-01', '2026-06-02')).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => book(space, '2026-06-01', '2026-06-02')).not.toThrow();
  });
});
