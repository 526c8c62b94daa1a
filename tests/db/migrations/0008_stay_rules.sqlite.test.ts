/** 0008: room blocks get a kind (existing ones are `blocked`), and the stays' status history table. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0008_stay_rules');
});
afterEach(() => step.dispose());

describe('migration 0008_stay_rules', () => {
  it('keeps existing blocks as kind blocked, refuses an unknown kind, and records status changes of stays', () => {
    const before = step.before;
    before.prepare(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'Single', 1, 100, 1, 0, 0)`).run();
    before
      .prepare(`INSERT INTO room_blocks (room_id, starts_at, ends_at, starts_ms, ends_ms, reason, created_by, created_at) VALUES (1, 'a', 'b', 1, 2, 'Paint', 't', 0)`)
      .run();
    before
      .prepare(
        `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
         VALUES (1, 'Single', 'Ann', 'x', 'y', 10, 20, 1, 100, 't', 0, 0)`,
      )
      .run();

    const db = step.migrate();
    expect(db.prepare('SELECT reason, kind FROM room_blocks').all()).toEqual([{ reason: 'Paint', kind: 'blocked' }]);
    expect(() => db.prepare(`UPDATE room_blocks SET kind = 'broken'`).run()).toThrow(/blocked or out_of_order/);
    db.prepare(`UPDATE room_blocks SET kind = 'out_of_order'`).run();
    db.prepare(
      `INSERT INTO stay_status_changes (stay_id, from_status, to_status, at_ms, actor, prev_checkin, prev_checkin_ms, prev_checkout, prev_checkout_ms, prev_nights, prev_price)
       VALUES (1, 'booked', 'checked_in', 5, 'desk', 'x', 10, 'y', 20, 1, 100)`,
    ).run();
    expect(db.prepare('SELECT stay_id AS "stayId", undone_at_ms AS undone FROM stay_status_changes').all()).toEqual([{ stayId: 1, undone: null }]);
    expect(() => db.prepare(`INSERT INTO stay_status_changes (stay_id, from_status, to_status, at_ms, actor, prev_checkin, prev_checkin_ms, prev_checkout, prev_checkout_ms, prev_nights, prev_price)
       VALUES (99, 'booked', 'checked_in', 5, 'desk', 'x', 10, 'y', 20, 1, 100)`).run()).toThrow(/FOREIGN KEY/);
  });
});
