/**
 * `insertTimeslots` writes a generation's slots several rows to a statement (64, 16, 4, then one):
 * every slot is written once, with its own values, whatever the count's split, on the engine of the
 * run; the database's no-overlap rule still holds between the rows of one statement; and inside a
 * unit that fails, none of them stands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { insertServiceRoom, insertTimeslots, type TimeslotWrite } from '../../../db/queries/service-room-queries';
import { openTestDatabase, testEngine } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
let roomId: number;

beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
  roomId = await insertServiceRoom(db, { name: 'Spa 1', description: null, capacity: 2, roomType: 'treatment', hourlyRate: 0, active: true, metadata: null }, 0);
});
afterEach(() => close());

const HALF_HOUR = 1_800_000;
const T0 = Date.parse('2026-06-01T07:00:00Z');

function slots(n: number, from = 0): TimeslotWrite[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      roomId, startMs: T0 + k * HALF_HOUR, endMs: T0 + (k + 1) * HALF_HOUR, startAt: `start ${k}`, endAt: `end ${k}`,
      localDate: `2026-06-${String(1 + (k % 28)).padStart(2, '0')}`, capacity: 1 + (k % 3),
    };
  });
}

async function written(): Promise<(TimeslotWrite & { createdAt: number })[]> {
  return await db.all(`SELECT room_id AS "roomId", start_ms AS "startMs", end_ms AS "endMs", start_at AS "startAt", end_at AS "endAt",
    local_date AS "localDate", capacity, created_at AS "createdAt" FROM timeslots ORDER BY start_ms`);
}

describe('insertTimeslots', () => {
  // 0; under each size; each size; sums that use every size (64 + 16 + 4 + 1 = 85); a year for one room.
  it.each([0, 1, 3, 4, 15, 16, 63, 64, 85, 150, 5_840])('writes %i slots, each once, with its own values', async (n) => {
    const want = slots(n);
    await db.unit(async () => await insertTimeslots(db, want, 42));
    const got = await written();
    expect(got).toHaveLength(n);
    expect(got).toEqual(want.map((s) => ({ ...s, createdAt: 42 })));
  });

  it('two overlapping slots in one statement are refused by the database, and none of the statement stands', async () => {
    const many = slots(64);
    many[40] = { ...many[40]!, startMs: many[39]!.startMs + 60_000, endMs: many[39]!.endMs + 60_000 };
    // SQLite: the trigger's RAISE; PostgreSQL: the exclusion constraint (23P01), which the unit tries again, then refuses as a conflict.
    await expect(db.unit(async () => await insertTimeslots(db, many, 1))).rejects.toThrow(testEngine === 'sqlite' ? /overlaps another timeslot/ : /same record was saved at the same moment/);
    expect(await written()).toHaveLength(0);
  });

  it('inside a unit that fails, writes nothing', async () => {
    await insertTimeslots(db, slots(2), 1);
    const refused = db.unit(async () => {
      await insertTimeslots(db, slots(100, 10), 1);
      throw new Error('refused after the slots');
    });
    await expect(refused).rejects.toThrow('refused after the slots');
    expect(await written()).toHaveLength(2);
  });
});
