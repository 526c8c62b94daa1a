/** 0001: users, sessions, the sign-in back-off and the audit log, on a database that already has stays. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, sqliteNames, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0001_auth');
});
afterEach(() => step.dispose());

const addUser = (db: MigrationStep['before'], username: string, email: string) =>
  db
    .prepare(`INSERT INTO users (username, email, password_hash, role, created_at, updated_at) VALUES (?, ?, 'h', 'staff', 0, 0)`)
    .run(username, email);

describe('migration 0001_auth', () => {
  it('keeps the stays of a release before sign-in, with no owner', () => {
    step.before.prepare(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`).run();
    step.before
      .prepare(
        `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
         VALUES (1, 'x', 'Jens Olsen', 'a', 'b', 1, 2, 1, 0, 't', 0, 0)`,
      )
      .run();
    const db = step.migrate();
    expect(db.prepare('SELECT guest_name AS guest, owner_id AS "ownerId" FROM stays').all()).toEqual([{ guest: 'Jens Olsen', ownerId: null }]);
  });

  it('creates users, sessions, login_throttle and audit_log', () => {
    const db = step.migrate();
    expect(sqliteNames(db, 'table')).toEqual(expect.arrayContaining(['audit_log', 'login_throttle', 'sessions', 'users']));
  });

  it('makes usernames and e-mails unique regardless of case', () => {
    const db = step.migrate();
    addUser(db, 'Eva', 'eva@hotel.test');
    expect(() => addUser(db, 'eva', 'other@hotel.test')).toThrow(/UNIQUE/);
    expect(() => addUser(db, 'other', 'EVA@hotel.test')).toThrow(/UNIQUE/);
  });

  it("refuses a stay owned by a user that does not exist", () => {
    const db = step.migrate();
    db.prepare(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`).run();
    const insert = db.prepare(
      `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at, owner_id)
       VALUES (1, 'x', 'g', 'a', 'b', 1, 2, 1, 0, 't', 0, 0, ?)`,
    );
    expect(() => insert.run(42)).toThrow(/FOREIGN KEY/);
  });
});
