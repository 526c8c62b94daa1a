/**
 * PostgreSQL 0001 (hand-written): what PostgreSQL itself refuses, whatever runs concurrently — each
 * constraint is shown refusing what it must, with PostgreSQL's own error: exclusion constraints
 * (23P01) for stays, blocks, rentals, timeslots and a provider's time; the per-room trigger for a stay
 * against a block and the per-timeslot trigger for its seats (23P01, under an advisory lock, shown
 * with two transactions at once); the append-only triggers (23001); the CHECKs SQLite holds by
 * triggers (23514).
 */
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdAfter, postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import {
  appointment, auditRow, block, car, connect, insertRow, provider, refusal, rental, room, serviceRoom, someoneWaitsForALock, stay, timeslot,
} from './postgres-rows';

let step: PostgresMigrationStep;
let c: pg.Client;
const others: pg.Client[] = [];
beforeEach(async () => {
  step = await postgresMigrationStep('0001_postgres_invariants');
});
afterEach(async () => {
  for (const o of others.splice(0)) await o.end();
  await c?.end();
  await step.dispose();
});

async function migrated(): Promise<pg.Client> {
  await step.migrate();
  c = await connect(step.url);
  return c;
}

/** Another connection to the same database, in a transaction of its own. */
async function transaction(): Promise<pg.Client> {
  const o = await connect(step.url);
  others.push(o);
  await o.query('BEGIN');
  return o;
}

const DAY = 86_400_000;

describe('PostgreSQL migration 0001_postgres_invariants', () => {
  it('applies over a foundation holding rows and keeps them', async () => {
    const before = await step.before();
    await before.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    await before.run(`INSERT INTO audit_log (at, actor, role, action, entity, via) VALUES (1, 'eva', 'staff', 'a:b', 'a', 'http')`);
    await before.run(`UPDATE audit_log SET actor = 'eva'`);
    await migrated();
    expect((await c.query('SELECT number FROM guest_rooms')).rows).toEqual([{ number: '101' }]);
    expect((await c.query('SELECT actor FROM audit_log')).rows).toEqual([{ actor: 'eva' }]);
    const extensions = (await c.query<{ name: string }>(`SELECT extname AS name FROM pg_extension ORDER BY 1`)).rows.map((r) => r.name);
    expect(extensions).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm']));
    // This step's exclusion constraints (those of a later migration aside: a new domain's).
    const later = createdAfter('postgres', '0001_postgres_invariants').constraints;
    const constraints = (await c.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE contype = 'x' ORDER BY 1`)).rows.map((r) => r.name).filter((n) => !later.has(n));
    expect(constraints).toEqual(['appointments_provider_no_overlap', 'car_rentals_no_overlap', 'room_blocks_no_overlap', 'stays_no_overlap', 'timeslots_no_overlap']);
    const { rows } = await c.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'stays_in_house_idx'`);
    expect(rows[0]!.def).toMatch(/\(status, checkout_ms\) WHERE \(status = 'checked_in'::text\)$/);
  });

  it('keeps the audit log and stock movements append-only: UPDATE, DELETE and TRUNCATE refused (23001), INSERT allowed', async () => {
    await migrated();
    await auditRow(c, 'eva');
    for (const sql of [`UPDATE audit_log SET actor = 'mallory'`, 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      expect(await refusal(c.query(sql))).toMatchObject({ code: '23001', message: 'audit_log is append-only' });
    }
    await auditRow(c, 'olaf');
    expect((await c.query('SELECT actor FROM audit_log ORDER BY id')).rows).toEqual([{ actor: 'eva' }, { actor: 'olaf' }]);

    const resource = await insertRow(c, 'stock_resources', { name: 'Bike', total_quantity: 4, available_quantity: 4, created_at: 0, updated_at: 0 });
    await insertRow(c, 'stock_movements', {
      resource_id: resource, kind: 'created', available_change: 4, total_change: 4, available_after: 4, total_after: 4, at: 'x', at_ms: 0, actor: 'desk',
    });
    for (const sql of [`UPDATE stock_movements SET actor = 'x'`, 'DELETE FROM stock_movements', 'TRUNCATE stock_movements CASCADE']) {
      expect(await refusal(c.query(sql))).toMatchObject({ code: '23001', message: 'stock_movements is append-only' });
    }
  });

  it('never lets a car’s mileage go down, and knows only the two kinds of block (23514)', async () => {
    await migrated();
    const id = await car(c, 12_000);
    expect(await refusal(c.query('UPDATE cars SET mileage = 11999 WHERE id = $1', [id]))).toMatchObject({ code: '23514', message: 'cars.mileage never goes down' });
    expect((await c.query('UPDATE cars SET mileage = 12001 WHERE id = $1', [id])).rowCount).toBe(1);
    const r = await room(c);
    expect(await refusal(block(c, r, 0, DAY, 'broken'))).toMatchObject({ code: '23514', constraint: 'room_blocks_kind_ck' });
    await block(c, r, 0, DAY, 'out_of_order');
  });

  it('refuses two occupying stays of a room that overlap (23P01), not touching ones, other rooms or ones that let go', async () => {
    await migrated();
    const [r1, r2] = [await room(c, 101), await room(c, 102)];
    await stay(c, r1, 10 * DAY, 12 * DAY);
    expect(await refusal(stay(c, r1, 11 * DAY, 13 * DAY))).toMatchObject({ code: '23P01', constraint: 'stays_no_overlap' });
    expect(await refusal(stay(c, r1, 9 * DAY, 14 * DAY, 'checked_in'))).toMatchObject({ code: '23P01', constraint: 'stays_no_overlap' });
    await stay(c, r1, 12 * DAY, 13 * DAY); // [10, 12) and [12, 13) touch
    await stay(c, r2, 10 * DAY, 12 * DAY);
    const cancelled = await stay(c, r1, 11 * DAY, 12 * DAY, 'cancelled');
    await stay(c, r1, 11 * DAY, 12 * DAY, 'no_show');
    expect(await refusal(c.query(`UPDATE stays SET status = 'booked' WHERE id = $1`, [cancelled]))).toMatchObject({ code: '23P01', constraint: 'stays_no_overlap' });
  });

  it('refuses two blocks of a room that overlap (23P01)', async () => {
    await migrated();
    const r = await room(c);
    await block(c, r, 0, 2 * DAY);
    expect(await refusal(block(c, r, DAY, 3 * DAY))).toMatchObject({ code: '23P01', constraint: 'room_blocks_no_overlap' });
    await block(c, r, 2 * DAY, 3 * DAY);
  });

  it('refuses a block over an occupying stay and a stay over a block, either way round (23P01)', async () => {
    await migrated();
    const r = await room(c);
    await stay(c, r, 10 * DAY, 12 * DAY);
    expect(await refusal(block(c, r, 11 * DAY, 13 * DAY))).toMatchObject({ code: '23P01', constraint: 'room_occupancy_no_overlap' });
    await block(c, r, 20 * DAY, 22 * DAY);
    expect(await refusal(stay(c, r, 21 * DAY, 23 * DAY))).toMatchObject({ code: '23P01', constraint: 'room_occupancy_no_overlap' });
    const moved = await stay(c, r, 30 * DAY, 31 * DAY);
    expect(await refusal(c.query('UPDATE stays SET checkin_ms = $1 WHERE id = $2', [21 * DAY, moved]))).toMatchObject({ code: '23P01' });
    await stay(c, r, 21 * DAY, 23 * DAY, 'cancelled');
    await block(c, r, 12 * DAY, 13 * DAY); // touching the stay
  });

  it('holds a stay and a block written at once by two transactions apart: the second waits for the room, then is refused', async () => {
    await migrated();
    const r = await room(c);
    const first = await transaction();
    const second = await transaction();
    await stay(first, r, 10 * DAY, 12 * DAY);
    const blocked = refusal(block(second, r, 11 * DAY, 13 * DAY));
    await someoneWaitsForALock(c);
    await first.query('COMMIT');
    expect(await blocked).toMatchObject({ code: '23P01', constraint: 'room_occupancy_no_overlap' });
    await second.query('ROLLBACK');
    expect((await c.query('SELECT count(*)::int AS n FROM room_blocks')).rows).toEqual([{ n: 0 }]);
  });

  it('refuses two rentals that hold a car on overlapping days (23P01), not touching ones or ones returned or cancelled', async () => {
    await migrated();
    const [a, b] = [await car(c, 100, 'A 1'), await car(c, 100, 'B 1')];
    await rental(c, a, '2026-06-01', '2026-06-05');
    expect(await refusal(rental(c, a, '2026-06-04', '2026-06-08'))).toMatchObject({ code: '23P01', constraint: 'car_rentals_no_overlap' });
    expect(await refusal(rental(c, a, '2026-05-30', '2026-06-02', 'out'))).toMatchObject({ code: '23P01', constraint: 'car_rentals_no_overlap' });
    await rental(c, a, '2026-06-05', '2026-06-07');
    await rental(c, a, '2026-06-02', '2026-06-03', 'returned');
    await rental(c, a, '2026-06-02', '2026-06-03', 'cancelled');
    await rental(c, b, '2026-06-01', '2026-06-05');
  });

  it('refuses two timeslots of a service room that overlap (23P01)', async () => {
    await migrated();
    const s = await serviceRoom(c);
    await timeslot(c, s, 0, 1_800_000);
    await timeslot(c, s, 1_800_000, 3_600_000);
    expect(await refusal(timeslot(c, s, 900_000, 2_700_000))).toMatchObject({ code: '23P01', constraint: 'timeslots_no_overlap' });
    await timeslot(c, await serviceRoom(c, 'Spa 2'), 900_000, 2_700_000);
  });

  it('refuses two appointments of a provider that overlap, buffer included (23P01); a held booking is left to the provider’s lock', async () => {
    await migrated();
    const p = await provider(c);
    const at = (startMs: number, status: string, holdUntilMs: number | null = null) =>
      appointment(c, { kind: 'provider', providerId: p, startMs, endMs: startMs + 1_800_000, occupiedUntilMs: startMs + 2_400_000, status, holdUntilMs });
    await at(0, 'confirmed');
    // 30 min + 10 min buffer: 35 min later is still inside, 40 min later is free.
    expect(await refusal(at(2_100_000, 'confirmed'))).toMatchObject({ code: '23P01', constraint: 'appointments_provider_no_overlap' });
    expect(await refusal(at(2_100_000, 'pending'))).toMatchObject({ code: '23P01', constraint: 'appointments_provider_no_overlap' });
    await at(2_400_000, 'confirmed');
    await at(600_000, 'cancelled');
    await at(600_000, 'pending', 5_000);
    const other = await provider(c, 'b@x.dk');
    await appointment(c, { kind: 'provider', providerId: other, startMs: 0, endMs: 1_800_000, status: 'confirmed' });
  });

  it('never seats more than a timeslot holds (23P01), counting the bookings that hold a seat whatever the clock', async () => {
    await migrated();
    const s = await serviceRoom(c, 'Spa', 2);
    const slot = await timeslot(c, s, 0, 1_800_000, 2);
    const seat = (status: string, holdUntilMs: number | null = null) =>
      appointment(c, { kind: 'timeslot', roomId: s, timeslotId: slot, startMs: 0, endMs: 1_800_000, status, holdUntilMs });
    await seat('confirmed');
    const held = await seat('pending', 5_000); // a hold: the booking's unit locks the timeslot instead
    await seat('pending');
    expect(await refusal(seat('confirmed'))).toMatchObject({ code: '23P01', constraint: 'timeslot_capacity' });
    expect(await refusal(seat('pending'))).toMatchObject({ code: '23P01', constraint: 'timeslot_capacity' });
    await seat('cancelled');
    expect(await refusal(c.query(`UPDATE appointments SET status = 'confirmed', hold_until_ms = NULL WHERE id = $1`, [held]))).toMatchObject({
      code: '23P01', constraint: 'timeslot_capacity',
    });
  });

  it('holds the last seat taken by two transactions at once: the second waits for the timeslot, then is refused', async () => {
    await migrated();
    const s = await serviceRoom(c);
    const slot = await timeslot(c, s, 0, 1_800_000, 1);
    const seat = (on: pg.ClientBase) => appointment(on, { kind: 'timeslot', roomId: s, timeslotId: slot, startMs: 0, endMs: 1_800_000, status: 'confirmed' });
    const first = await transaction();
    const second = await transaction();
    await seat(first);
    const refused = refusal(seat(second));
    await someoneWaitsForALock(c);
    await first.query('COMMIT');
    expect(await refused).toMatchObject({ code: '23P01', constraint: 'timeslot_capacity' });
  });
});
