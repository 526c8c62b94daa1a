/** 0006: service rooms, timeslots, providers and appointments, on a hotel that already has stays. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0006_appointments');
});
afterEach(() => step.dispose());

const names = (db: MigrationStep['before'], type: string) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ?`).all(type) as { name: string }[]).map((r) => r.name);

describe('migration 0006_appointments', () => {
  it('adds the four tables beside the existing ones, keeps the settings, and guards slots and appointments', () => {
    step.before.prepare(`INSERT INTO settings (key, value) VALUES ('hotelName', '"Kept"')`).run();
    const db = step.migrate();
    expect(names(db, 'table')).toEqual(expect.arrayContaining(['service_rooms', 'timeslots', 'providers', 'appointments', 'stays']));
    expect(names(db, 'trigger')).toContain('timeslots_no_overlap');
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'hotelName'`).get()).toEqual({ value: '"Kept"' });

    db.prepare(`INSERT INTO service_rooms (name, room_type, created_at, updated_at) VALUES ('Spa 1', 'treatment', 0, 0)`).run();
    expect(() => db.prepare(`INSERT INTO service_rooms (name, room_type, created_at, updated_at) VALUES ('X', 'kitchen', 0, 0)`).run()).toThrow(/CHECK constraint failed/);
    const slot = db.prepare(`INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, created_at) VALUES (1, ?, ?, '', '', '2026-06-01', 0)`);
    slot.run(0, 1_800_000);
    slot.run(1_800_000, 3_600_000);
    // the same start twice, and an overlap, are refused
    expect(() => slot.run(0, 1_800_000)).toThrow(/overlaps another timeslot|UNIQUE constraint failed/);
    expect(() => slot.run(900_000, 2_700_000)).toThrow(/overlaps another timeslot/);

    db.prepare(`INSERT INTO providers (name, email, working_hours, created_at, updated_at) VALUES ('A', 'a@x.dk', '{}', 0, 0)`).run();
    expect(() => db.prepare(`INSERT INTO providers (name, email, working_hours, created_at, updated_at) VALUES ('B', 'A@X.DK', '{}', 0, 0)`).run()).toThrow(/UNIQUE/);

    const appt = db.prepare(
      `INSERT INTO appointments (kind, guest_name, room_id, timeslot_id, provider_id, start_ms, end_ms, occupied_until_ms, start_at, end_at, local_date, local_time, status, created_by, created_at, updated_at)
       VALUES (?, 'G', ?, ?, ?, 0, 1800000, 1800000, '', '', '2026-06-01', '09:00:00', ?, 'desk', 0, 0)`,
    );
    appt.run('timeslot', 1, 1, null, 'pending');
    appt.run('provider', null, null, 1, 'confirmed');
    expect(() => appt.run('timeslot', 1, null, null, 'pending')).toThrow(/CHECK constraint failed/);
    expect(() => appt.run('provider', 1, 1, 1, 'pending')).toThrow(/CHECK constraint failed/);
    expect(() => appt.run('provider', null, null, 1, 'lost')).toThrow(/CHECK constraint failed/);
  });
});
