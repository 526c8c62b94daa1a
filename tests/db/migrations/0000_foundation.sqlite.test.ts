/** 0000: the stays slice on an empty file — rooms, stays, blocks, settings, the outbox, and their rules. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../db/open-database';
import { migrationStep, sqliteNames, type MigrationStep } from './migration-steps';

let step: MigrationStep;
let db: Sqlite;
beforeEach(() => {
  step = migrationStep('0000_foundation');
  db = step.migrate();
});
afterEach(() => step.dispose());

const addRoom = (db: Sqlite) =>
  db.prepare(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`).run();
const addStay = (db: Sqlite, roomId: number, checkinMs: number, checkoutMs: number) =>
  db
    .prepare(
      `INSERT INTO stays (room_id, category, guest_name, checkin, checkout, checkin_ms, checkout_ms, nights, price, created_by, created_at, updated_at)
       VALUES (?, 'x', 'g', 'a', 'b', ?, ?, 1, 0, 't', 0, 0)`,
    )
    .run(roomId, checkinMs, checkoutMs);

describe('migration 0000_foundation', () => {
  it('creates the rooms, stays, blocks, settings and outbox tables', () => {
    expect(sqliteNames(db, 'table')).toEqual(expect.arrayContaining(['guest_rooms', 'outbox', 'room_blocks', 'settings', 'stays']));
  });

  it('keeps room numbers unique', () => {
    addRoom(db);
    expect(() => addRoom(db)).toThrow(/UNIQUE/);
  });

  it('refuses a stay in a room that does not exist, and one whose checkout is not after its checkin', () => {
    expect(() => addStay(db, 999, 1, 2)).toThrow(/FOREIGN KEY/);
    addRoom(db);
    expect(() => addStay(db, 1, 2, 2)).toThrow(/CHECK constraint/);
    expect(addStay(db, 1, 1, 2).changes).toBe(1);
  });

  it('makes stays_occupancy_idx partial over exactly the occupying statuses (the availability check reads it)', () => {
    const { sql } = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'stays_occupancy_idx'`).get() as { sql: string };
    expect(sql).toContain("WHERE status IN ('booked', 'checked_in', 'checked_out')");
  });

  it('keeps idempotency keys unique in the outbox', () => {
    const insert = db.prepare(
      `INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
       VALUES ('billing', 't', 'stay:1', '/x', '{}', 'same-key', 'pending', 0, 0, 0)`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
