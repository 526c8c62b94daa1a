import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { boardStayList } from '../../../shared/contract/board-stays';
import { BoardSchema } from '../../../shared/contract/board';
import { barsMarkup, type BarsText } from '../../../renderer/src/board/bar-markup';
import { boardLanes } from '../../../renderer/src/board/board-lanes';
import { occupantOfNight } from '../../../renderer/src/board/board-layout';
import { aBlock, aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let r101: number;
let r102: number;
let r201: number;

beforeEach(async () => {
  t = await createTestCore(); // today is 2026-05-01 in Copenhagen
  h = t.core.handlers;
  r201 = (await h['rooms:create'](aRoom({ number: 201, floor: 2 }), adminCtx)).id;
  r102 = (await h['rooms:create'](aRoom({ number: 102, floor: 1 }), adminCtx)).id;
  r101 = (await h['rooms:create'](aRoom({ number: 101, floor: 1 }), adminCtx)).id;
});
afterEach(async () => await t.close());

const stay = (roomId: number, checkin: string, checkout: string, guestName = 'Guest') =>
  h['stays:create'](aStay({ roomId, checkin, checkout, guestName }), deskCtx);
const board = (from = '2026-05-01', days = 7) => h['board:get']({ from, days }, deskCtx);

describe('board:get', () => {
  it('gives the window, today, and active rooms by floor and number', async () => {
    const b = await board();
    expect([b.from, b.to, b.today]).toEqual(['2026-05-01', '2026-05-08', '2026-05-01']);
    expect(b.rooms.map((r) => r.number)).toEqual([101, 102, 201]);
    await h['rooms:deactivate']({ id: r102 }, adminCtx);
    expect((await board()).rooms.map((r) => r.number)).toEqual([101, 201]);
  });

  it('shows stays overlapping the window with their local dates, a no-show but not a cancellation', async () => {
    const before = await stay(r101, '2026-04-28', '2026-05-02', 'Started before');
    const departing = await stay(r102, '2026-04-29', '2026-05-01', 'Leaves on day one');
    const inside = await stay(r201, '2026-05-03', '2026-05-05', 'Inside');
    // Due yesterday, marked a no-show this morning: its bar keeps only the night held for the guest.
    const noShow = await stay(r201, '2026-04-30', '2026-05-02', 'Never came');
    await h['stays:noShow']({ id: noShow.id }, deskCtx);
    const cancelled = await stay(r102, '2026-05-04', '2026-05-06', 'Cancelled');
    await h['stays:cancel']({ id: cancelled.id }, deskCtx);
    await stay(r201, '2026-05-08', '2026-05-10', 'After the window');
    await h['stays:create'](aStay({ roomId: r201, checkin: '2026-04-20', checkout: '2026-04-30', guestName: 'Before the window', lateEntry: true }), adminCtx);

    const b = await board();
    expect(boardStayList(b).sort((x, y) => x.id - y.id)).toEqual([
      { id: before.id, roomId: r101, guestName: 'Started before', guests: 1, checkinDate: '2026-04-28', checkoutDate: '2026-05-02', status: 'booked' },
      { id: departing.id, roomId: r102, guestName: 'Leaves on day one', guests: 1, checkinDate: '2026-04-29', checkoutDate: '2026-05-01', status: 'booked' },
      { id: inside.id, roomId: r201, guestName: 'Inside', guests: 1, checkinDate: '2026-05-03', checkoutDate: '2026-05-05', status: 'booked' },
      { id: noShow.id, roomId: r201, guestName: 'Never came', guests: 1, checkinDate: '2026-04-30', checkoutDate: '2026-05-01', status: 'no_show' },
    ]);
  });

  it('lists stays in arrival order, ties by id, whatever order the rows lie in (the same on both engines)', async () => {
    // Rows written in another order than their ids (as a copied hotel's, or rows PostgreSQL moved
    // when they changed): same arrival and departure, so only the id can order them.
    const row = (id: number, roomId: number) =>
      t.db.run(`INSERT INTO stays (id, room_id, category, guest_name, guests, checkin, checkout, checkin_ms, checkout_ms, nights, status, price, notes, created_by, created_at, updated_at)
        SELECT ?, ?, 'Standard double room', ?, 1, checkin, checkout, checkin_ms, checkout_ms, nights, 'booked', 0, '', 'test', 0, 0 FROM stays WHERE id = ?`, id, roomId, `Guest ${id}`, template.id);
    const template = await stay(r101, '2026-05-02', '2026-05-04', 'Template');
    await h['stays:cancel']({ id: template.id }, deskCtx);
    await row(90, r201);
    await row(70, r102);
    await row(80, r101);
    expect((await board()).stays.id).toEqual([70, 80, 90]);
  });

  it('sends stays as columns: dates as day offsets from the first day, status as an index', async () => {
    const before = await stay(r101, '2026-04-28', '2026-05-02', 'Started before');
    const inside = await stay(r201, '2026-05-03', '2026-05-05', 'Inside');
    t.clock.set(Date.parse('2026-05-03T10:00:00Z')); // check-in opens on the arrival day
    await h['stays:checkIn']({ id: inside.id }, deskCtx);
    const b = await board();
    expect(BoardSchema.parse(b)).toEqual(b);
    const order = b.stays.id[0] === before.id ? [0, 1] : [1, 0];
    const col = <T>(xs: T[]) => order.map((i) => xs[i]);
    expect(col(b.stays.id)).toEqual([before.id, inside.id]);
    expect(col(b.stays.roomId)).toEqual([r101, r201]);
    expect(col(b.stays.guestName)).toEqual(['Started before', 'Inside']);
    expect(col(b.stays.guests)).toEqual([1, 1]);
    expect(col(b.stays.checkin)).toEqual([-3, 2]);
    expect(col(b.stays.nights)).toEqual([4, 2]);
    expect(col(b.stays.status)).toEqual([0, 1]); // booked, checked_in
  });

  it('finds a stay of the maximum length that began long before the window', async () => {
    const long = await stay(r101, '2026-02-15', '2026-05-02');
    expect((await board()).stays.id).toEqual([long.id]);
  });

  it('shows blocks in the window, and leaves out rooms not in use', async () => {
    const block = await h['blocks:create'](aBlock({ roomId: r201, from: '2026-05-06', to: '2026-05-09', reason: 'Paint' }), deskCtx);
    // A room with stays to honour cannot be taken out of use: this one's stay is over (entered late).
    await h['stays:create'](aStay({ roomId: r102, checkin: '2026-04-28', checkout: '2026-04-30', guestName: 'Guest', lateEntry: true }), adminCtx);
    await h['blocks:create'](aBlock({ roomId: r102, from: '2026-05-05', to: '2026-05-06' }), deskCtx);
    await h['rooms:deactivate']({ id: r102 }, adminCtx);
    const b = await board('2026-04-28', 14);
    expect(b.blocks).toEqual([{ id: block.id, roomId: r201, fromDate: '2026-05-06', toDate: '2026-05-09', reason: 'Paint', kind: 'blocked' }]);
    expect(b.stays.id).toEqual([]);
  });

  it("counts what is left to do today: arrivals not yet checked in, departures not yet checked out, guests in house", async () => {
    const leaving = await stay(r101, '2026-04-28', '2026-05-01');
    await h['stays:checkIn']({ id: leaving.id }, deskCtx);
    const staying = await stay(r102, '2026-04-30', '2026-05-03');
    await h['stays:checkIn']({ id: staying.id }, deskCtx);
    const arriving = await stay(r101, '2026-05-01', '2026-05-02'); // arriving today, after a same-day turnover
    const gone = await stay(r201, '2026-04-29', '2026-05-01');
    await h['stays:checkIn']({ id: gone.id }, deskCtx);
    await h['stays:checkOut']({ id: gone.id }, deskCtx); // already processed: no longer a departure to do
    const cancelled = await stay(r201, '2026-05-01', '2026-05-03');
    await h['stays:cancel']({ id: cancelled.id }, deskCtx);

    const counts = { arrivals: 1, departures: 1, inHouse: 2 };
    expect((await board()).counts).toEqual(counts);
    expect((await board('2026-06-01', 14)).counts).toEqual(counts);
    expect((await board('2026-06-01', 14)).stays.id).toEqual([]);

    // The next day the guest who should have left on the 1st is overdue: still a departure to do, still in house.
    t.clock.set(Date.parse('2026-05-02T08:00:00Z'));
    expect((await board()).counts).toEqual({ arrivals: 0, departures: 1, inHouse: 2 });

    // Back to the 1st: the counts go down as the desk works through them.
    t.clock.set(Date.parse('2026-05-01T10:00:00Z'));
    await h['stays:checkOut']({ id: leaving.id }, deskCtx);
    expect((await board()).counts).toEqual({ arrivals: 1, departures: 0, inHouse: 1 });
    await h['stays:checkIn']({ id: arriving.id }, deskCtx);
    expect((await board()).counts).toEqual({ arrivals: 0, departures: 0, inHouse: 2 });
  });

  it('keeps a stay that ended on its arrival day (no nights) on the board as a marker, and its night free', async () => {
    // Checked in early on the arrival day and gone two hours later: the stay ends then, with 0 nights.
    const gone = await stay(r101, '2026-05-01', '2026-05-04', 'Day Guest');
    await h['stays:checkIn']({ id: gone.id }, deskCtx);
    t.clock.advance(2 * 3_600_000);
    await h['stays:checkOut']({ id: gone.id }, deskCtx);
    // Marked a no-show on the arrival evening: every night is free (0 nights).
    const never = await stay(r102, '2026-05-01', '2026-05-03', 'No Show');
    t.clock.set(Date.parse('2026-05-01T18:00:00Z'));
    await h['stays:noShow']({ id: never.id }, deskCtx);

    const b = await board();
    expect(boardStayList(b).sort((x, y) => x.id - y.id)).toMatchObject([
      { id: gone.id, checkinDate: '2026-05-01', checkoutDate: '2026-05-01', status: 'checked_out' },
      { id: never.id, checkinDate: '2026-05-01', checkoutDate: '2026-05-01', status: 'no_show' },
    ]);
    expect(b.stays.nights).toEqual([0, 0]);

    // The night is free: the board's click finds no one in it, and New stay's list offers the room.
    const lanes = boardLanes(b);
    expect(occupantOfNight(lanes.get(r101), '2026-05-01')).toBeNull();
    expect((await h['rooms:free']({ checkin: '2026-05-01', checkout: '2026-05-02' }, deskCtx)).map((r) => r.number)).toEqual([101, 102, 201]);

    // Yet the desk sees each stay on its arrival day: a marker where its night would begin (40 px
    // per day: from 20 px, 16 px less the 2 px gaps), styled by status, opening the stay.
    const text: BarsText = { stayTitle: (s) => s.guestName, blockTitle: (x) => x.reason, fit: (label) => label };
    const view = { from: b.from, days: 7, dayWidth: 40, drawnStart: 0, drawnEnd: 7 };
    expect(barsMarkup(lanes.get(r101), view, text)).toContain(
      `class="bar bar-checked_out bar-no-nights" style="left:22px;width:12px" data-stay="${gone.id}"`,
    );
    expect(barsMarkup(lanes.get(r102), view, text)).toContain(`class="bar bar-no_show bar-no-nights"`);

    // A walk-in takes the night: its bar is drawn, and the marker on top of it stays in reach.
    const walkIn = await stay(r101, '2026-05-01', '2026-05-02', 'Walk-in');
    const html = barsMarkup(boardLanes(await board()).get(r101), view, text);
    expect(html.indexOf(`data-stay="${walkIn.id}"`)).toBeGreaterThan(-1);
    expect(html.indexOf(`data-stay="${gone.id}"`)).toBeGreaterThan(html.indexOf(`data-stay="${walkIn.id}"`));
  });

  it("starts on the hotel's today when no first day is given, by the hotel's clock, not UTC's", async () => {
    const b = await h['board:get']({ days: 3 }, deskCtx);
    expect([b.from, b.to, b.today]).toEqual(['2026-05-01', '2026-05-04', '2026-05-01']);
    const s = await stay(r101, '2026-05-02', '2026-05-03');
    // 22:30 UTC is already 00:30 on the 2nd in Copenhagen.
    t.clock.set(Date.parse('2026-05-01T22:30:00Z'));
    const next = await h['board:get']({ days: 1 }, deskCtx);
    expect([next.from, next.to, next.today]).toEqual(['2026-05-02', '2026-05-03', '2026-05-02']);
    expect(next.stays.id).toEqual([s.id]);
  });

  it('spans a DST change without losing or doubling a day', async () => {
    t.clock.set(Date.parse('2026-03-01T09:00:00Z')); // before the stay (one in the past is refused)
    const b = await h['board:get']({ from: '2026-03-27', days: 5 }, deskCtx);
    expect(b.to).toBe('2026-04-01');
    const s = await stay(r101, '2026-03-28', '2026-03-30');
    expect((await h['board:get']({ from: '2026-03-30', days: 1 }, deskCtx)).stays.id).toEqual([s.id]);
    expect((await h['board:get']({ from: '2026-03-31', days: 1 }, deskCtx)).stays.id).toEqual([]);
  });

  it("answers a board asked again unchanged only while nothing changed: a stay, the hotel's day, a room", async () => {
    const first = await board();
    const again = await board();
    // SQLite keeps the answer (core/read-memo.ts); PostgreSQL builds it each time. Either way it is the same board.
    expect(again).toEqual(first);
    const s = await stay(r102, '2026-05-02', '2026-05-04');
    expect((await board()).stays.id).toEqual([s.id]);
    // The same window on the next day: its "today" and today's counts move with the clock.
    t.clock.set(Date.parse('2026-05-02T08:00:00Z'));
    const nextDay = await board();
    expect([nextDay.today, nextDay.counts]).toEqual(['2026-05-02', expect.objectContaining({ arrivals: 1 })]);
    await h['rooms:update']({ id: r102, category: 'Garden suite' }, adminCtx);
    expect((await board()).rooms.find((r) => r.id === r102)!.category).toBe('Garden suite');
  });
});
