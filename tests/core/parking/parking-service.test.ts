import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamCsvExport } from '../../../core/composition/csv-export';
import type { Handlers } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
beforeEach(async () => {
  t = await createTestCore();
  h = t.core.handlers;
});
afterEach(async () => await t.close());

const booking = (spaceId: number, from: string, to: string, guestName = 'Mette Hansen') => ({ spaceId, plate: 'AB 12 345', guestName, from, to });

describe('parking spaces', () => {
  it('books a space, refuses an overlapping booking of it (409), lets a cancelled one go, and says each change live', async () => {
    const p1 = await h['parking:createSpace']({ label: 'P1' }, deskCtx);
    await expectAppError(async () => await h['parking:createSpace']({ label: 'p1' }, deskCtx), 'CONFLICT', /already a parking space p1/);
    const first = await h['parking:book'](booking(p1.id, '2026-06-01', '2026-06-04'), deskCtx);
    expect(first).toMatchObject({ spaceLabel: 'P1', from: '2026-06-01', to: '2026-06-04', status: 'booked', createdAt: '2026-05-01T10:00:00+02:00' });
    await expectAppError(async () => await h['parking:book'](booking(p1.id, '2026-06-03', '2026-06-05', 'Ann Berg'), deskCtx), 'CONFLICT', 'Parking space P1 is already booked from 2026-06-01 to 2026-06-04');
    expect(await h['parking:book'](booking(p1.id, '2026-06-04', '2026-06-05', 'Ann Berg'), deskCtx)).toMatchObject({ status: 'booked' });
    expect(await h['parking:cancel']({ id: first.id }, deskCtx)).toMatchObject({ status: 'cancelled' });
    await expectAppError(async () => await h['parking:cancel']({ id: first.id }, deskCtx), 'ILLEGAL_TRANSITION');
    expect(await h['parking:book'](booking(p1.id, '2026-06-02', '2026-06-04', 'Per Lund'), deskCtx)).toMatchObject({ status: 'booked' });
    expect(t.events.filter((e) => e.type === 'parking.changed').map((e) => (e as { action: string }).action)).toEqual(['space_added', 'booked', 'booked', 'cancelled', 'booked']);
  });

  it('refuses a booking longer than the parkingMaxDays setting, and an unknown space', async () => {
    const p1 = await h['parking:createSpace']({ label: 'P1' }, deskCtx);
    await expectAppError(async () => await h['parking:book'](booking(p1.id, '2026-06-01', '2026-06-21'), deskCtx), 'VALIDATION', 'A parking booking lasts at most 14 days, not 20');
    await h['settings:update']({ parkingMaxDays: 30 }, adminCtx);
    expect(await h['parking:book'](booking(p1.id, '2026-06-01', '2026-06-21'), deskCtx)).toMatchObject({ status: 'booked' });
    await expectAppError(async () => await h['parking:book'](booking(99, '2026-06-01', '2026-06-02'), deskCtx), 'NOT_FOUND');
  });

  it('lets exactly one of two racing bookings of a space through, on either engine', async () => {
    const p1 = await h['parking:createSpace']({ label: 'P1' }, deskCtx);
    const tries = await Promise.allSettled([
      t.core.call('parking:book', booking(p1.id, '2026-06-01', '2026-06-04'), deskCtx),
      t.core.call('parking:book', booking(p1.id, '2026-06-02', '2026-06-05', 'Ann Berg'), deskCtx),
    ]);
    expect(tries.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((tries.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Parking space P1 is already booked/) });
    expect(await h['parking:bookings']({ spaceId: p1.id }, deskCtx)).toHaveLength(1);
  });

  it('exports the bookings as CSV, filtered like the list', async () => {
    const p1 = await h['parking:createSpace']({ label: 'P1' }, deskCtx);
    const p2 = await h['parking:createSpace']({ label: 'P2' }, deskCtx);
    await h['parking:book'](booking(p1.id, '2026-06-01', '2026-06-04'), deskCtx);
    await h['parking:book'](booking(p2.id, '2026-07-01', '2026-07-02', 'Ann Berg'), deskCtx);
    let csv = '';
    for await (const piece of streamCsvExport(t.db.exportSource, 'parking', { spaceId: p1.id }, { timeZone: 'Europe/Copenhagen' })) csv += piece;
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['booking_id', 'space_id', 'space', 'plate', 'guest_name', 'from', 'to', 'status', 'created_at']);
    expect(rows.slice(1).map((r) => [r[2], r[4], r[5], r[6]])).toEqual([['P1', 'Mette Hansen', '2026-06-01', '2026-06-04']]);
  });
});
