import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database';
import { insertBlock } from '../../../db/queries/block-queries';
import { insertRoom } from '../../../db/queries/room-queries';
import { findOccupancyConflict, getStayRecord, insertStay, insertStayIfFree, listStayRecords, stayRecordOf, type StayRow } from '../../../db/queries/stay-queries';
import type { StayStatus } from '../../../shared/rules/stay-rules';
import { resolveTime } from '../../../shared/time';
import { openTestDatabase } from '../../support/test-database';

const CPH = 'Europe/Copenhagen';
const DAY = 86_400_000;
const MAX_STAY = 92 * DAY;
const at = (text: string) => resolveTime(text, CPH, '14:00').ms;

let db: Database;
let close: () => Promise<void>;
let room: number;
let otherRoom: number;

function stayRow(ci: { iso: string; ms: number }, co: { iso: string; ms: number }, status: StayStatus = 'booked', roomId = room): StayRow {
  return {
    roomId, category: 'Standard double room', guestName: 'Lars Nielsen', guestEmail: null, guestPhone: null, guests: 1,
    checkin: ci.iso, checkout: co.iso, checkinMs: ci.ms, checkoutMs: co.ms, nights: 2, status, price: 0, notes: '',
    createdBy: 'test', createdAt: 0, updatedAt: 0,
    ownerId: null,
  };
}

async function stay(checkin: string, checkout: string, status: StayStatus = 'booked', roomId = room): Promise<number> {
  return await insertStay(db, stayRow(resolveTime(checkin, CPH, '14:00'), resolveTime(checkout, CPH, '12:00'), status, roomId));
}

beforeEach(async () => {
  ({ db, close } = await openTestDatabase());
  const r = { category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 1, housekeeping: 'clean' as const, active: true };
  room = await insertRoom(db, { ...r, number: 101 }, 0);
  otherRoom = await insertRoom(db, { ...r, number: 102 }, 0);
});

afterEach(() => close());

describe('findOccupancyConflict', () => {
  let existing: number;
  beforeEach(async () => {
    // 2026-05-01 14:00 → 2026-05-03 12:00
    existing = await stay('2026-05-01', '2026-05-03');
  });
  const conflict = (start: string, end: string, exclude?: number, roomId = room) =>
    findOccupancyConflict(db, roomId, at(start), at(end), MAX_STAY, exclude);

  it('finds an overlap at either end, inside or around', async () => {
    expect(await conflict('2026-05-02T14:00', '2026-05-04T12:00')).toEqual({ kind: 'stay', id: existing });
    expect(await conflict('2026-04-29T14:00', '2026-05-01T14:01')).toEqual({ kind: 'stay', id: existing });
    expect(await conflict('2026-05-03T11:59', '2026-05-05T12:00')).toEqual({ kind: 'stay', id: existing });
    expect(await conflict('2026-05-01T20:00', '2026-05-02T08:00')).toEqual({ kind: 'stay', id: existing });
    expect(await conflict('2026-04-20T14:00', '2026-05-20T12:00')).toEqual({ kind: 'stay', id: existing });
  });

  it('lets a same-day turnover through: out at 12:00, in at 14:00 the same day', async () => {
    expect(await conflict('2026-05-03T14:00', '2026-05-05T12:00')).toBeUndefined();
    expect(await conflict('2026-04-29T14:00', '2026-05-01T12:00')).toBeUndefined();
  });

  it('lets exactly touching intervals through', async () => {
    expect(await conflict('2026-05-03T12:00', '2026-05-04T12:00')).toBeUndefined();
    expect(await conflict('2026-04-30T14:00', '2026-05-01T14:00')).toBeUndefined();
  });

  it('looks only at the room asked about', async () => {
    expect(await conflict('2026-05-01T14:00', '2026-05-03T12:00', undefined, otherRoom)).toBeUndefined();
  });

  it('leaves out the stay being moved or changed', async () => {
    expect(await conflict('2026-05-02T14:00', '2026-05-06T12:00', existing)).toBeUndefined();
    const second = await stay('2026-05-05', '2026-05-07');
    expect(await conflict('2026-05-02T14:00', '2026-05-06T12:00', existing)).toEqual({ kind: 'stay', id: second });
  });

  it('counts checked-in and checked-out stays, not cancelled ones or no-shows', async () => {
    const period = ['2026-06-01T14:00', '2026-06-03T12:00'] as const;
    await stay('2026-06-01', '2026-06-03', 'cancelled');
    await stay('2026-06-01', '2026-06-03', 'no_show');
    expect(await conflict(...period)).toBeUndefined();
    const out = await stay('2026-06-01', '2026-06-03', 'checked_out');
    expect(await conflict(...period)).toEqual({ kind: 'stay', id: out });
    await db.run(`UPDATE stays SET status = 'checked_in' WHERE id = ?`, out);
    expect(await conflict(...period)).toEqual({ kind: 'stay', id: out });
  });

  it('finds the end of a maximum-length stay that began long before', async () => {
    const long = await stay('2026-07-01', '2026-09-29');
    expect(await conflict('2026-09-28T14:00', '2026-09-30T12:00')).toEqual({ kind: 'stay', id: long });
  });

  it('finds a block, and lets a turnover next to it through', async () => {
    const from = resolveTime('2026-05-10', CPH, '14:00');
    const to = resolveTime('2026-05-12', CPH, '12:00');
    const block = await insertBlock(db, {
      roomId: room, startsAt: from.iso, endsAt: to.iso, startsMs: from.ms, endsMs: to.ms, reason: 'Paint', kind: 'blocked', createdBy: 'test', createdAt: 0,
    });
    expect(await conflict('2026-05-11T14:00', '2026-05-13T12:00')).toEqual({ kind: 'block', id: block });
    expect(await conflict('2026-05-12T14:00', '2026-05-13T12:00')).toBeUndefined();
    expect(await conflict('2026-05-09T14:00', '2026-05-10T12:00')).toBeUndefined();
  });
});

describe('insertStayIfFree', () => {
  const ROLLED_BACK = new Error('rolled back');
  /** What insertStayIfFree answers for a new stay from `start` to `end`, in a unit then rolled back. */
  async function written(start: string, end: string, roomId = room): Promise<number | undefined> {
    let id: number | undefined;
    await db
      .unit(async () => {
        id = await insertStayIfFree(db, stayRow(resolveTime(start, CPH, '14:00'), resolveTime(end, CPH, '12:00'), 'booked', roomId), MAX_STAY);
        throw ROLLED_BACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLED_BACK) throw e;
      });
    return id;
  }

  it('writes the stay exactly when findOccupancyConflict finds nothing in the way', async () => {
    await stay('2026-05-01', '2026-05-03');
    await stay('2026-06-01', '2026-06-03', 'cancelled');
    await stay('2026-06-01', '2026-06-03', 'no_show');
    await stay('2026-06-10', '2026-06-12', 'checked_out');
    await stay('2026-06-20', '2026-06-22', 'checked_in');
    await stay('2026-07-01', '2026-09-29');
    const from = resolveTime('2026-05-10', CPH, '14:00');
    const to = resolveTime('2026-05-12', CPH, '12:00');
    await insertBlock(db, { roomId: room, startsAt: from.iso, endsAt: to.iso, startsMs: from.ms, endsMs: to.ms, reason: 'Paint', kind: 'blocked', createdBy: 'test', createdAt: 0 });
    const cases: [string, string, number?][] = [
      ['2026-05-02', '2026-05-04'], ['2026-04-29', '2026-05-02'], ['2026-04-20', '2026-05-20'], // around and across a booked stay
      ['2026-05-03', '2026-05-05'], ['2026-04-29', '2026-05-01'], // same-day turnovers
      ['2026-05-02', '2026-05-04', otherRoom],
      ['2026-06-01', '2026-06-03'], // only cancelled and no-show stays there
      ['2026-06-11', '2026-06-13'], ['2026-06-21', '2026-06-23'], // checked out, checked in
      ['2026-09-28', '2026-09-30'], // the end of a long stay that began long before
      ['2026-05-11', '2026-05-13'], ['2026-05-12', '2026-05-13'], ['2026-05-09', '2026-05-10'], // a block, and turnovers next to it
    ];
    for (const [start, end, roomId = room] of cases) {
      const conflict = await findOccupancyConflict(db, roomId, resolveTime(start, CPH, '14:00').ms, resolveTime(end, CPH, '12:00').ms, MAX_STAY);
      const id = await written(start, end, roomId);
      expect({ start, end, roomId, written: id !== undefined }).toEqual({ start, end, roomId, written: conflict === undefined });
    }
  });

  it('writes the row as insertStay does', async () => {
    const row = stayRow(resolveTime('2026-08-01', CPH, '14:00'), resolveTime('2026-08-03', CPH, '12:00'));
    const id = await db.unit(() => insertStayIfFree(db, row, MAX_STAY));
    expect(id).toBeGreaterThan(0);
    expect(await getStayRecord(db, id!)).toEqual(stayRecordOf(id!, row, 101));
  });
});

describe('stay reads', () => {
  it('reads a stay back with its room number and local dates', async () => {
    const id = await stay('2026-03-28', '2026-03-30');
    expect(await getStayRecord(db, id)).toMatchObject({
      id, roomId: room, roomNumber: 101, checkin: '2026-03-28T14:00:00+01:00', checkout: '2026-03-30T12:00:00+02:00',
      checkinDate: '2026-03-28', checkoutDate: '2026-03-30', guestEmail: null, status: 'booked',
    });
  });

  it('lists a page by arrival with the total, filtering by overlap and by guest name with LIKE wildcards taken literally', async () => {
    const a = await stay('2026-05-01', '2026-05-03');
    const b = await stay('2026-05-05', '2026-05-07');
    await stay('2026-05-09', '2026-05-11', 'booked', otherRoom);
    await db.run(`UPDATE stays SET guest_name = '100% Søren' WHERE id = ?`, b);
    const base = { limit: 10, offset: 0, maxStayMs: MAX_STAY };
    const page = await listStayRecords(db, { ...base, fromMs: at('2026-05-02T00:00'), toMs: at('2026-05-06T00:00') });
    expect(page.records.map((r) => r.id)).toEqual([a, b]);
    expect(page.total).toBe(2);
    expect((await listStayRecords(db, { ...base, guest: '100%' })).records.map((r) => r.id)).toEqual([b]);
    expect((await listStayRecords(db, { ...base, guest: '1_0' })).total).toBe(0);
    const second = await listStayRecords(db, { ...base, limit: 1, offset: 1 });
    expect(second.records.map((r) => r.id)).toEqual([b]);
    expect(second.total).toBe(3);
  });
});

describe('stayRecordOf', () => {
  it('is the record getStayRecord reads back for the row just inserted, keys in the same order', async () => {
    const ci = resolveTime('2026-05-01', CPH, '14:00');
    const co = resolveTime('2026-05-04', CPH, '11:00');
    const row: StayRow = {
      roomId: otherRoom, category: 'Standard double room', guestName: 'Åse Ørsted', guestEmail: 'aase@example.test', guestPhone: '+45 12 34 56 78', guests: 2,
      checkin: ci.iso, checkout: co.iso, checkinMs: ci.ms, checkoutMs: co.ms, nights: 3, status: 'checked_out', price: 358_500, notes: 'Late entry',
      createdBy: 'desk', createdAt: 1_777_000_000_123, updatedAt: 1_777_000_000_456, ownerId: null,
    };
    const id = await insertStay(db, row);
    expect(JSON.stringify(stayRecordOf(id, row, 102))).toBe(JSON.stringify(await getStayRecord(db, id)));
  });
});
