/**
 * PostgreSQL 0005: the parking tables (generated) and the hand-written exclusion constraint that refuses
 * two booked bookings of one space that overlap, whichever transactions write them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import { connect, refusal } from './postgres-rows';

let step: PostgresMigrationStep;
beforeEach(async () => {
  step = await postgresMigrationStep('0005_parking');
});
afterEach(async () => await step.dispose());

describe('PostgreSQL migration 0005_parking', () => {
  it('applies over a database holding rows and keeps them', async () => {
    const before = await step.before();
    await before.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    const migrated = await step.migrate();
    expect(await migrated.all(`SELECT number FROM guest_rooms`)).toEqual([{ number: 101 }]);
    expect(await migrated.get<{ n: number }>(`SELECT count(*) AS n FROM parking_bookings`)).toEqual({ n: 0 });
  });

  it('refuses an overlapping booking of the same space; a cancelled one, another space or the next day are fine', async () => {
    await step.migrate();
    const c = await connect(step.url);
    await c.query(`INSERT INTO parking_spaces (label, created_at) VALUES ('P1', 'x'), ('P2', 'x')`);
    const book = (spaceId: number, from: string, to: string, status = 'booked') =>
      c.query(`INSERT INTO parking_bookings (space_id, plate, guest_name, from_date, to_date, status, created_by, created_at) VALUES ($1, 'AB', 'Mette', $2, $3, $4, 'desk', 'x')`, [spaceId, from, to, status]);
    await book(1, '2026-06-01', '2026-06-04');
    expect(await refusal(book(1, '2026-06-03', '2026-06-05'))).toMatchObject({ code: '23P01', constraint: 'parking_bookings_no_overlap' });
    await book(1, '2026-06-03', '2026-06-05', 'cancelled');
    await book(2, '2026-06-03', '2026-06-05');
    await book(1, '2026-06-04', '2026-06-06');
    await c.end();
  });
});
