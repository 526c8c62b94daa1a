/**
 * Property (issue 10, docs/stays-rules.md): after any sequence of bookings, check-ins, early
 * departures, no-shows, undos, moves and changes of dates on random stays, with the clock moving
 * forward, no room is ever occupied twice (no two occupying stays or blocks overlap in a room, at
 * most one guest checked in per room) and every night freed by an early departure or a no-show is
 * bookable at once (offered by rooms:free and booked by stays:create). Refusals (AppError) are part
 * of the game; anything else fails the property.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext, Handlers } from '../../../core/context';
import { AppError } from '../../../shared/errors';
import { addDays } from '../../../shared/time';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, DEFAULT_NOW, deskCtx, type TestCore } from '../../support/test-core';

const ROOMS = 3;
const FIRST_DAY = '2026-05-01';

type Op =
  | { kind: 'book'; room: number; day: number; nights: number }
  | { kind: 'checkIn' | 'checkOut' | 'noShow' | 'cancel'; stay: number }
  | { kind: 'undo'; stay: number; admin: boolean }
  | { kind: 'move'; stay: number; room: number }
  | { kind: 'dates'; stay: number; day: number; nights: number }
  | { kind: 'block'; room: number; day: number; nights: number }
  | { kind: 'wait'; hours: number };

const stayIndex = fc.nat(40);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('book' as const), room: fc.nat(ROOMS - 1), day: fc.nat(4), nights: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('checkIn' as const), stay: stayIndex }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('checkOut' as const, 'noShow' as const), stay: stayIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), stay: stayIndex }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('undo' as const), stay: stayIndex, admin: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), stay: stayIndex, room: fc.nat(ROOMS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dates' as const), stay: stayIndex, day: fc.nat(5), nights: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), room: fc.nat(ROOMS - 1), day: fc.nat(6), nights: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 20 }) }) },
);

const FOUND_2026_11_23: Op[] = [
  { kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'wait', hours: 5 }, { kind: 'noShow', stay: 0 }, { kind: 'checkIn', stay: 21 },
  { kind: 'dates', stay: 3, day: 1, nights: 1 }, { kind: 'undo', stay: 0, admin: false }, { kind: 'checkOut', stay: 3 }, { kind: 'checkIn', stay: 0 },
  { kind: 'checkOut', stay: 0 }, { kind: 'undo', stay: 0, admin: false }, { kind: 'checkIn', stay: 0 }, { kind: 'move', stay: 0, room: 0 },
  { kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'checkIn', stay: 0 }, { kind: 'undo', stay: 0, admin: false },
];

/**
 * More sequences this property found on 2026-11-23, kept as examples: a guest checked in early (08:00,
 * inside the window) was invisible before the booked 14:00 to a block ending at noon and to a move
 * into the room; a checked-in guest was moved beside one still in the room past the departure time.
 */
const FOUND_EARLY_CHECK_IN: Op[][] = [
  [{ kind: 'wait', hours: 17 }, { kind: 'block', room: 1, day: 1, nights: 1 }, { kind: 'wait', hours: 10 },
    { kind: 'wait', hours: 16 }, { kind: 'checkIn', stay: 0 }, { kind: 'wait', hours: 3 },
    { kind: 'undo', stay: 0, admin: false }, { kind: 'book', room: 1, day: 2, nights: 1 },
    { kind: 'checkIn', stay: 0 }, { kind: 'checkIn', stay: 0 }, { kind: 'checkIn', stay: 0 },
    { kind: 'checkOut', stay: 0 }, { kind: 'checkIn', stay: 0 }, { kind: 'book', room: 0, day: 0, nights: 1 }],
  [{ kind: 'wait', hours: 20 }, { kind: 'book', room: 0, day: 1, nights: 1 },
    { kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'book', room: 0, day: 2, nights: 1 },
    { kind: 'wait', hours: 2 }, { kind: 'checkOut', stay: 0 }, { kind: 'book', room: 1, day: 1, nights: 1 },
    { kind: 'checkOut', stay: 0 }, { kind: 'checkOut', stay: 0 }, { kind: 'checkIn', stay: 7 },
    { kind: 'move', stay: 1, room: 1 }, { kind: 'book', room: 0, day: 1, nights: 1 }, { kind: 'checkOut', stay: 0 },
    { kind: 'undo', stay: 0, admin: false }, { kind: 'checkOut', stay: 11 }],
  [{ kind: 'wait', hours: 6 }, { kind: 'wait', hours: 16 }, { kind: 'book', room: 0, day: 1, nights: 1 },
    { kind: 'block', room: 0, day: 0, nights: 1 }, { kind: 'checkIn', stay: 0 },
    { kind: 'dates', stay: 0, day: 0, nights: 1 }, { kind: 'checkOut', stay: 0 }, { kind: 'checkIn', stay: 0 },
    { kind: 'checkIn', stay: 0 }, { kind: 'checkIn', stay: 0 }, { kind: 'checkIn', stay: 0 },
    { kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'book', room: 0, day: 0, nights: 1 },
    { kind: 'checkOut', stay: 0 }],
  [{ kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'book', room: 2, day: 1, nights: 1 },
    { kind: 'book', room: 1, day: 0, nights: 1 }, { kind: 'wait', hours: 8 }, { kind: 'checkIn', stay: 0 },
    { kind: 'wait', hours: 18 }, { kind: 'book', room: 0, day: 0, nights: 1 },
    { kind: 'block', room: 0, day: 0, nights: 1 }, { kind: 'checkIn', stay: 0 }, { kind: 'checkIn', stay: 16 },
    { kind: 'checkOut', stay: 0 }, { kind: 'undo', stay: 0, admin: false },
    { kind: 'book', room: 0, day: 0, nights: 1 }, { kind: 'move', stay: 0, room: 2 },
    { kind: 'block', room: 0, day: 0, nights: 1 }, { kind: 'undo', stay: 0, admin: false }],
];

interface Row {
  id: number;
  roomId: number;
  s: number;
  e: number;
  status: string;
}

/** Over the rooms of one run (`rooms`: the run's room ids). */
async function assertNoRoomOccupiedTwice(t: TestCore, rooms: number[]): Promise<void> {
  const inRooms = `room_id IN (${rooms.join(', ')})`;
  const stays = await t.db.all<Row>(`SELECT id, room_id AS "roomId", checkin_ms AS s, checkout_ms AS e, status FROM stays WHERE status IN ('booked', 'checked_in', 'checked_out') AND ${inRooms}`);
  const blocks = await t.db.all<Row>(`SELECT id, room_id AS "roomId", starts_ms AS s, ends_ms AS e, 'block' AS status FROM room_blocks WHERE ${inRooms}`);
  const all = [...stays, ...blocks];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.roomId === b.roomId && a.s < b.e && b.s < a.e) throw new Error(`room ${a.roomId} occupied twice: ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
    }
  }
  const inHouse = await t.db.all(`SELECT room_id AS "roomId", count(*) AS n FROM stays WHERE status = 'checked_in' AND ${inRooms} GROUP BY room_id HAVING count(*) > 1`);
  expect(inHouse).toEqual([]);
}

describe('stays under any sequence of desk actions (fast-check)', () => {
  let t: TestCore | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('never occupies a room twice, and every freed night is bookable at once', async () => {
    const seen = { freed: 0, undone: 0, checkedIn: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 60 }), async (ops) => {
        // One database for every run (a new one per run costs most of the run on PostgreSQL); each run
        // has rooms of its own and starts the clock again, so no run sees another's stays.
        t ??= await createTestCore();
        t.clock.set(DEFAULT_NOW); // 2026-05-01 10:00 in Copenhagen
        const h: Handlers = t.core.handlers;
        const rooms: number[] = [];
        for (let i = 0; i < ROOMS; i++) rooms.push((await h['rooms:create'](aRoom(), adminCtx)).id);
        const ids: number[] = [];
        const pick = (i: number) => ids[i % Math.max(1, ids.length)];
        const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
          try {
            return await fn();
          } catch (e) {
            // The desk's own refusals are part of the game. 'database.conflict' is not: nothing runs
            // beside this sequence, so it would mean PostgreSQL's constraints refused what the
            // service's checks allowed (or SQLite would have taken).
            if (e instanceof AppError && e.status < 500 && e.reason !== 'database.conflict') return undefined;
            throw e;
          }
        };
        for (const op of ops) {
          const ctx: CallContext = op.kind === 'undo' && op.admin ? adminCtx : deskCtx;
          if (op.kind === 'wait') {
            t.clock.advance(op.hours * 3_600_000);
          } else if (op.kind === 'book') {
            const checkin = addDays(FIRST_DAY, op.day);
            const s = await attempt(() => h['stays:create'](aStay({ roomId: rooms[op.room]!, checkin, checkout: addDays(checkin, op.nights) }), ctx));
            if (s) ids.push(s.id);
          } else if (op.kind === 'block') {
            const from = addDays(FIRST_DAY, op.day);
            await attempt(() => h['blocks:create']({ roomId: rooms[op.room]!, from, to: addDays(from, op.nights), reason: 'Paint', kind: 'out_of_order' }, ctx));
          } else {
            const id = pick(op.stay);
            if (id === undefined) continue;
            if (op.kind === 'move') await attempt(() => h['stays:move']({ id, roomId: rooms[op.room]! }, ctx));
            else if (op.kind === 'dates') {
              const checkin = addDays(FIRST_DAY, op.day);
              await attempt(() => h['stays:changeDates']({ id, checkin, checkout: addDays(checkin, op.nights) }, ctx));
            } else if (op.kind === 'undo') {
              if (await attempt(() => h['stays:undo']({ id }, ctx))) seen.undone++;
            } else if (op.kind === 'checkIn') {
              if (await attempt(() => h['stays:checkIn']({ id }, ctx))) seen.checkedIn++;
            }
            else if (op.kind === 'cancel') await attempt(() => h['stays:cancel']({ id }, ctx));
            else {
              const before = await h['stays:get']({ id }, ctx);
              const after = await attempt(() => (op.kind === 'checkOut' ? h['stays:checkOut']({ id }, ctx) : h['stays:noShow']({ id }, ctx)));
              // Nights freed (a departure before the booked departure date): bookable at once.
              if (after && after.checkoutDate < before.checkoutDate) {
                // The nights from the new end to the booked one are free: offered, and bookable now.
                const offered = (await h['rooms:free']({ checkin: after.checkout, checkout: before.checkout }, ctx)).map((r) => r.id);
                expect(offered).toContain(before.roomId);
                const taker = await h['stays:create'](aStay({ roomId: before.roomId, checkin: after.checkout, checkout: before.checkout, guestName: 'Freed night' }), ctx);
                ids.push(taker.id);
                seen.freed++;
              }
            }
          }
          await assertNoRoomOccupiedTwice(t, rooms);
        }
      }),
      {
        numRuns: 100,
        // Found by this property on 2026-11-23: new dates moved a checked-in guest's arrival to the next
        // day, so the guest's early departure "freed" a night the undone no-show held again.
        examples: [[FOUND_2026_11_23], ...FOUND_EARLY_CHECK_IN.map((ops) => [ops] as [Op[]])],
      },
    );
    console.info(`stay rules property: ${seen.checkedIn} check-ins, ${seen.freed} releases of nights re-booked, ${seen.undone} undos`);
    // The sequences reach the cases the property is about.
    expect(seen.freed).toBeGreaterThan(0);
    expect(seen.undone).toBeGreaterThan(0);
  }, 240_000);
});
