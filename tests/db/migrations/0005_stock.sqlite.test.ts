/** 0005: stock resources, bookings and movements, on a database with rooms, a stay and a user already in it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0005_stock');
});
afterEach(() => step.dispose());

describe('migration 0005_stock', () => {
  it('adds the stock tables beside what was there, and the database refuses 0 > available, available > total, quantity < 1', () => {
    step.before
      .prepare(
        `INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, housekeeping, active, created_at, updated_at)
         VALUES (101, 'Standard double room', 2, 90000, 1, 'clean', 1, 0, 0)`,
      )
      .run();
    const db = step.migrate();
    expect(db.prepare('SELECT number FROM guest_rooms').all()).toEqual([{ number: 101 }]);

    const insert = db.prepare(
      `INSERT INTO stock_resources (name, description, total_quantity, available_quantity, created_at, updated_at) VALUES (?, '', ?, ?, 0, 0)`,
    );
    insert.run('Extra bed', 4, 4);
    expect(() => insert.run('Bike', 2, 3)).toThrow(/CHECK constraint failed: stock_resources_available_ck/);
    expect(() => insert.run('Cot', 2, -1)).toThrow(/CHECK constraint failed: stock_resources_available_ck/);
    expect(() => insert.run('Pass', -1, 0)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('EXTRA BED', 1, 1)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare('UPDATE stock_resources SET available_quantity = available_quantity - 5 WHERE id = 1').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE stock_resources SET available_quantity = available_quantity + 1 WHERE id = 1').run()).toThrow(/CHECK constraint failed/);

    const book = db.prepare(
      `INSERT INTO stock_bookings (resource_id, quantity, status, created_by, booked_at, booked_ms, closed_ms) VALUES (1, ?, ?, 'desk', '2026-05-01T10:00:00+02:00', 0, ?)`,
    );
    book.run(1, 'out', null);
    expect(() => book.run(0, 'out', null)).toThrow(/CHECK constraint failed: stock_bookings_quantity_ck/);
    expect(() => book.run(1, 'returned', null)).toThrow(/CHECK constraint failed: stock_bookings_closed_ck/);
    expect(() => book.run(1, 'lost', 5)).toThrow(/CHECK constraint failed: stock_bookings_status_ck/);

    db.prepare(
      `INSERT INTO stock_movements (resource_id, kind, available_change, total_change, available_after, total_after, at, at_ms, actor)
       VALUES (1, 'created', 4, 4, 4, 4, '2026-05-01T10:00:00+02:00', 0, 'desk')`,
    ).run();
    expect(() => db.prepare(`UPDATE stock_movements SET actor = 'someone else'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stock_movements').run()).toThrow(/append-only/);
  });
});
