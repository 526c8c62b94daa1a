import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport } from '../../../core/composition/csv-export';
import type { CallContext, Handlers } from '../../../core/context';
import { aRoom, aStay } from '../../support/builders';
import { expectAppError } from '../../support/app-error';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
const clientCtx: CallContext = { actor: { userId: 77, username: 'kiosk', role: 'client' }, via: 'http' };
const HOUR = 3_600_000;

beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
  await t.db.run(`INSERT INTO users (id, username, email, password_hash, role, created_at, updated_at) VALUES (77, 'kiosk', 'k@x.test', 'x', 'client', 0, 0)`);
  await h['rooms:create'](aRoom({ number: 204, category: 'Standard double room' }), adminCtx);
});
afterEach(async () => await t.close());

const bed = () => h['stock:create']({ name: 'Extra bed', description: 'Folding bed', totalQuantity: 4 }, deskCtx);
const available = async (id: number) => (await h['stock:list']({ includeInactive: true }, deskCtx)).find((r) => r.id === id)!.availableQuantity;

describe('stock resources', () => {
  it('creates, edits, restocks (never below what is out) and deactivates, each a movement and a live event', async () => {
    const r = await bed();
    expect(r).toMatchObject({ name: 'Extra bed', totalQuantity: 4, availableQuantity: 4, outQuantity: 0, active: true, createdAt: '2026-05-01T10:00:00+02:00' });
    const loan = await h['stock:book']({ resourceId: r.id, quantity: 3, guestName: 'Mette Hansen' }, deskCtx);
    expect(await h['stock:update']({ id: r.id, description: 'Folding bed, linen' }, deskCtx)).toMatchObject({ description: 'Folding bed, linen', outQuantity: 3 });
    await expectAppError(async () => await h['stock:restock']({ id: r.id, totalQuantity: 2 }, deskCtx), 'CONFLICT', /3 lent out/);
    expect(await h['stock:restock']({ id: r.id, totalQuantity: 6, note: 'Two more' }, deskCtx)).toMatchObject({ totalQuantity: 6, availableQuantity: 3, outQuantity: 3 });
    expect(await h['stock:restock']({ id: r.id, totalQuantity: 3 }, deskCtx)).toMatchObject({ totalQuantity: 3, availableQuantity: 0 });
    expect(await h['stock:deactivate']({ id: r.id }, deskCtx)).toMatchObject({ active: false });
    await expectAppError(async () => await h['stock:book']({ resourceId: r.id, quantity: 1 }, deskCtx), 'CONFLICT', /no longer in use/);
    // what is out still comes back after deactivation
    expect(await h['stock:return']({ id: loan.id }, deskCtx)).toMatchObject({ status: 'returned', closedBy: 'desk' });
    expect(await available(r.id)).toBe(3);
    expect(await h['stock:list']({}, deskCtx)).toEqual([]);
    expect(await h['stock:seedList']({}, deskCtx)).toEqual({ message: 'Resources fetched successfully', resources: [], 'out of stock resources': [] });

    const moves = await h['stock:movements']({ id: r.id, limit: 50 }, deskCtx);
    expect(moves.map((m) => [m.kind, m.availableChange, m.totalChange, m.availableAfter, m.totalAfter])).toEqual([
      ['returned', 3, 0, 3, 3],
      ['deactivated', 0, 0, 0, 3],
      ['restocked', -3, -3, 0, 3],
      ['restocked', 2, 2, 3, 6],
      ['edited', 0, 0, 1, 4],
      ['booked', -3, 0, 1, 4],
      ['created', 4, 4, 4, 4],
    ]);
    expect(moves[3]).toMatchObject({ note: 'Two more', actor: 'desk' });
    expect(t.events.filter((e) => e.type === 'stock.changed').map((e) => (e as { action: string }).action)).toEqual([
      'created', 'booked', 'updated', 'restocked', 'restocked', 'deactivated', 'returned',
    ]);
    await expectAppError(async () => await h['stock:movements']({ id: 99, limit: 5 }, deskCtx), 'NOT_FOUND');
  });

  it('refuses a name taken in another case, on create and on rename', async () => {
    const r = await bed();
    const cot = await h['stock:create']({ name: 'Baby cot', description: '', totalQuantity: 2 }, deskCtx);
    await expectAppError(async () => await h['stock:create']({ name: 'EXTRA BED', description: '', totalQuantity: 1 }, deskCtx), 'CONFLICT', 'A resource named "EXTRA BED" already exists');
    await expectAppError(async () => await h['stock:update']({ id: cot.id, name: 'extra bed' }, deskCtx), 'CONFLICT');
    expect((await h['stock:update']({ id: r.id, name: 'Extra Bed' }, deskCtx)).name).toBe('Extra Bed');
  });
});

describe('stock bookings', () => {
  it('never takes more than is left; return and cancel give back exactly what was taken; a closed booking cannot close again', async () => {
    const r = await bed();
    const a = await h['stock:book']({ resourceId: r.id, quantity: 3 }, deskCtx);
    await expectAppError(async () => await h['stock:book']({ resourceId: r.id, quantity: 2 }, deskCtx), 'CONFLICT', 'Not enough "Extra bed" in stock: only 1 left, 2 requested');
    const b = await h['stock:book']({ resourceId: r.id, quantity: 1 }, deskCtx);
    expect(await available(r.id)).toBe(0);
    await h['stock:cancel']({ id: b.id }, deskCtx);
    expect(await available(r.id)).toBe(1);
    await h['stock:return']({ id: a.id }, deskCtx);
    expect(await available(r.id)).toBe(4);
    await expectAppError(async () => await h['stock:return']({ id: a.id }, deskCtx), 'ILLEGAL_TRANSITION', 'Stock booking 1 was already returned');
    await expectAppError(async () => await h['stock:cancel']({ id: b.id }, deskCtx), 'ILLEGAL_TRANSITION', /already cancelled/);
    await expectAppError(async () => await h['stock:return']({ id: 99 }, deskCtx), 'NOT_FOUND');
    await expectAppError(async () => await h['stock:book']({ resourceId: 99, quantity: 1 }, deskCtx), 'NOT_FOUND');
  });

  it("a stay's extras go back when it checks out, and when it is cancelled; an ended stay gets none", async () => {
    const r = await bed();
    const stay = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Mette Hansen' }), deskCtx);
    const extra = await h['stock:book']({ resourceId: r.id, quantity: 2, stayId: stay.id }, deskCtx);
    expect(extra).toMatchObject({ stayId: stay.id, roomNumber: 204, guestName: 'Mette Hansen', status: 'out' });
    expect((await h['stock:bookings']({ stayId: stay.id, limit: 10, offset: 0 }, deskCtx)).items.map((b) => b.id)).toEqual([extra.id]);
    await h['stays:checkIn']({ id: stay.id }, deskCtx);
    expect(await available(r.id)).toBe(2);
    t.events.length = 0;
    await h['stays:checkOut']({ id: stay.id }, deskCtx);
    expect(await available(r.id)).toBe(4);
    const back = (await h['stock:bookings']({ stayId: stay.id, limit: 10, offset: 0 }, deskCtx)).items[0]!;
    expect(back).toMatchObject({ status: 'returned', closedBy: `stay ${stay.id}` });
    expect((await h['stock:movements']({ id: r.id, limit: 1 }, deskCtx))[0]).toMatchObject({ kind: 'returned', note: `Stay ${stay.id} checked out`, availableChange: 2 });
    expect(t.events.map((e) => e.type)).toEqual(expect.arrayContaining(['stay.changed', 'stock.changed']));
    await expectAppError(async () => await h['stock:book']({ resourceId: r.id, quantity: 1, stayId: stay.id }, deskCtx), 'ILLEGAL_TRANSITION', /has ended/);

    const later = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-10', checkout: '2026-05-12' }), deskCtx);
    await h['stock:book']({ resourceId: r.id, quantity: 1, stayId: later.id }, deskCtx);
    await h['stock:book']({ resourceId: r.id, quantity: 1, guestName: 'Someone else' }, deskCtx);
    await h['stays:cancel']({ id: later.id }, deskCtx);
    expect(await available(r.id)).toBe(3);

    // A no-show (marked once its arrival has passed) ends the stay too.
    const absent = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-20', checkout: '2026-05-22' }), deskCtx);
    await h['stock:book']({ resourceId: r.id, quantity: 1, stayId: absent.id }, deskCtx);
    t.clock.set(Date.parse('2026-05-21T08:00:00Z'));
    await h['stays:noShow']({ id: absent.id }, deskCtx);
    expect(await available(r.id)).toBe(3);
    expect((await h['stock:movements']({ id: r.id, limit: 1 }, deskCtx))[0]).toMatchObject({ kind: 'returned', note: `Stay ${absent.id} a no-show` });
    await expectAppError(async () => await h['stock:book']({ resourceId: r.id, quantity: 1, stayId: 999 }, deskCtx), 'NOT_FOUND');
  });

  it('lists loans past their "return by" time as overdue', async () => {
    const bikes = await h['stock:create']({ name: 'Bike', description: '', totalQuantity: 5 }, deskCtx);
    const due = await h['stock:book']({ resourceId: bikes.id, quantity: 1, guestName: 'Jens Olsen', returnBy: '2026-05-01T18:00:00' }, deskCtx);
    expect(due).toMatchObject({ returnBy: '2026-05-01T18:00:00+02:00', overdue: false });
    await h['stock:book']({ resourceId: bikes.id, quantity: 1, guestName: 'Ann Berg', returnBy: '2026-05-02' }, deskCtx);
    await expectAppError(async () => await h['stock:book']({ resourceId: bikes.id, quantity: 1, returnBy: '2026-05-01T09:00:00' }, deskCtx), 'VALIDATION', /future/);
    t.clock.advance(9 * HOUR);
    const overdue = await h['stock:bookings']({ overdue: true, limit: 10, offset: 0 }, deskCtx);
    expect(overdue).toMatchObject({ total: 1, items: [{ id: due.id, guestName: 'Jens Olsen', overdue: true }] });
    await h['stock:return']({ id: due.id }, deskCtx);
    expect((await h['stock:bookings']({ overdue: true, limit: 10, offset: 0 }, deskCtx)).total).toBe(0);
    expect((await h['stock:bookings']({ guest: 'ann', limit: 10, offset: 0 }, deskCtx)).items.map((b) => b.guestName)).toEqual(['Ann Berg']);
    expect((await h['stock:bookings']({ from: '2026-05-01', to: '2026-05-01', limit: 10, offset: 0 }, deskCtx)).total).toBe(2);
    expect((await h['stock:bookings']({ from: '2026-05-02', limit: 10, offset: 0 }, deskCtx)).total).toBe(0);
  });

  it("seed 002: a client's booking is its own (list, live event's audience); the desk sees all", async () => {
    const r = await bed();
    await h['stock:seedBook']({ resource: 'extra bed', purchase_quantity: 1 }, clientCtx);
    await h['stock:seedBook']({ resource: 'Extra bed', purchase_quantity: 2 }, deskCtx);
    expect(await h['stock:seedBookings']({}, clientCtx)).toEqual([{ resource: r.id, purchase_quantity: 1, booking_date: '2026-05-01T10:00:00+02:00' }]);
    expect(await h['stock:seedBookings']({}, deskCtx)).toHaveLength(2);
    const booked = t.events.filter((e) => e.type === 'stock.changed' && e.action === 'booked') as { booking: { ownerId: number | null } }[];
    expect(booked.map((e) => e.booking.ownerId)).toEqual([77, null]);
    await expectAppError(async () => await h['stock:seedBook']({ resource: 'Extra bed', purchase_quantity: 2 }, clientCtx), 'CONFLICT', 'Not enough "Extra bed" in stock: only 1 left, 2 requested');
    await expectAppError(async () => await h['stock:seedBook']({ resource: 'Unicorn', purchase_quantity: 1 }, clientCtx), 'NOT_FOUND', 'Resource "Unicorn" not found');
  });

  it('exports stock bookings as CSV, seed 002\'s fields first, filtered', async () => {
    const r = await bed();
    const stay = await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03', guestName: '=cmd()' }), deskCtx);
    await h['stock:book']({ resourceId: r.id, quantity: 2, stayId: stay.id }, deskCtx);
    const b = await h['stock:book']({ resourceId: r.id, quantity: 1, guestName: 'Jens Olsen' }, deskCtx);
    await h['stock:return']({ id: b.id }, deskCtx);
    let csv = '';
    for await (const piece of streamCsvExport(t.db.exportSource, 'stockBookings', { status: 'out' }, { timeZone: 'Europe/Copenhagen' })) csv += piece;
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['id', 'resource', 'purchase_quantity', 'booking_date', 'resource_name', 'status', 'guest_name', 'stay_id', 'roomnumber', 'return_by', 'closed_at', 'created_by', 'notes']);
    expect(rows.slice(1)).toEqual([['1', String(r.id), '2', '2026-05-01T10:00:00+02:00', 'Extra bed', 'out', "'=cmd()", String(stay.id), '204', '', '', 'desk', '']]);
  });
});
