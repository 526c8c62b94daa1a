/**
 * The free-rooms query against the booking's own check. listFreeRooms reads one stay a room (the
 * latest arriving before the period ends) where the availability check reads every stay that could
 * overlap; on a hotel whose occupying stays never overlap, as both engines keep them, the two must
 * agree on every period. Runs on both engines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { insertBlock } from '../../../db/queries/block-queries';
import { insertRoom, listFreeRooms } from '../../../db/queries/room-queries';
import { findOccupancyConflict, insertStay } from '../../../db/queries/stay-queries';
import type { StayStatus } from '../../../shared/rules/stay-rules';
import { formatInstant } from '../../../shared/time';
import { openTestDatabase } from '../../support/test-database';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Day 0 at midnight UTC; arrivals at 14:00 and departures at 12:00 of their days. */
const BASE = Date.UTC(2026, 4, 1);
const arrival = (day: number) => BASE + day * DAY + 14 * HOUR;
const departure = (day: number) => BASE + day * DAY + 12 * HOUR;
const LONGEST = 40;
const MAX_STAY = (LONGEST + 1) * DAY;

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
});
afterEach(() => close());

/** A small deterministic generator (mulberry32), so a failure names a hotel that can be made again. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

async function room(number: number, over: { capacity?: number; active?: boolean; housekeeping?: 'clean' | 'out_of_order' } = {}): Promise<number> {
  return await insertRoom(db, { number, category: 'Standard double room', capacity: over.capacity ?? 2, nightlyRate: 100, floor: Math.floor(number / 100), housekeeping: over.housekeeping ?? 'clean', active: over.active ?? true }, 0);
}

async function stay(roomId: number, fromDay: number, toDay: number, status: StayStatus): Promise<void> {
  const [ci, co] = [arrival(fromDay), departure(toDay)];
  await insertStay(db, {
    roomId, category: 'Standard double room', guestName: 'Ann', guestEmail: null, guestPhone: null, guests: 1,
    checkin: formatInstant(ci, 'UTC'), checkout: formatInstant(co, 'UTC'), checkinMs: ci, checkoutMs: co, nights: toDay - fromDay,
    status, price: 0, notes: '', createdBy: 'test', ownerId: null, createdAt: 0, updatedAt: 0,
  });
}

/**
 * Per room: occupying stays one after another with gaps (some of them long, up to LONGEST nights, so a
 * stay arriving well before a period can cover it), cancelled stays and no-shows anywhere over them, and
 * a block now and then between the stays.
 */
async function aBusyHotel(seed: number, days: number): Promise<number[]> {
  const r = random(seed);
  const rooms: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = await room(101 + i, { capacity: i === 0 ? 1 : 2 });
    rooms.push(id);
    let day = r(4);
    while (day < days) {
      const nights = r(4) === 0 ? 1 + r(LONGEST) : 1 + r(3);
      const status = (['booked', 'checked_in', 'checked_out'] as const)[r(3)]!;
      if (r(6) === 0) await insertBlock(db, { roomId: id, startsAt: '', endsAt: '', startsMs: arrival(day), endsMs: departure(day + nights), reason: 'paint', kind: 'blocked', createdBy: 'test', createdAt: 0 });
      else await stay(id, day, day + nights, status);
      day += nights + r(3);
      if (r(3) === 0) {
        const from = Math.max(0, day - r(6));
        await stay(id, from, from + 1 + r(5), r(2) === 0 ? 'cancelled' : 'no_show');
      }
    }
  }
  rooms.push(await room(201, { active: false }), await room(202, { housekeeping: 'out_of_order' }));
  return rooms;
}

describe('listFreeRooms', () => {
  it('answers as the availability check does, room by room, on every period of a busy hotel', async () => {
    const days = 90;
    const rooms = await aBusyHotel(22, days);
    let periods = 0;
    let taken = 0;
    for (let from = 0; from < days; from += 2) {
      for (const nights of [1, 3, 8]) {
        const [start, end] = [arrival(from), departure(from + nights)];
        const free = (await listFreeRooms(db, start, end, 1)).map((r) => r.id);
        const expected: number[] = [];
        for (const id of rooms.slice(0, 10)) {
          if (!(await findOccupancyConflict(db, id, start, end, MAX_STAY))) expected.push(id);
        }
        expect(free, `day ${from}, ${nights} nights`).toEqual(expected);
        expect(await listFreeRooms(db, start, end, 2), `day ${from}, ${nights} nights, 2 beds`).toEqual(
          (await listFreeRooms(db, start, end, 1)).filter((r) => r.capacity >= 2),
        );
        periods++;
        taken += 10 - free.length;
      }
    }
    // The hotel is busy enough to mean something: most rooms taken on most periods, some free.
    expect(periods).toBe(135);
    expect(taken).toBeGreaterThan(periods * 5);
    expect(taken).toBeLessThan(periods * 10);
  });

  it('sees a long stay that arrived well before the period, behind a later cancelled one', async () => {
    const id = await room(101);
    await stay(id, 0, 30, 'checked_in');
    await stay(id, 20, 22, 'cancelled');
    expect(await listFreeRooms(db, arrival(21), departure(22), 1)).toEqual([]);
    expect((await listFreeRooms(db, arrival(30), departure(31), 1)).map((r) => r.id)).toEqual([id]);
  });

  it('lets a same-day turnover through: the latest stay leaves at 12:00 the day the period starts', async () => {
    const id = await room(101);
    await stay(id, 0, 5, 'booked');
    expect((await listFreeRooms(db, arrival(5), departure(6), 1)).map((r) => r.id)).toEqual([id]);
    // Half-open periods: a period that starts the instant the stay ends is free, one a minute earlier is not.
    expect((await listFreeRooms(db, departure(5), departure(6), 1)).map((r) => r.id)).toEqual([id]);
    expect(await listFreeRooms(db, departure(5) - 60_000, departure(6), 1)).toEqual([]);
    expect(await listFreeRooms(db, arrival(4), departure(6), 1)).toEqual([]);
  });
});
