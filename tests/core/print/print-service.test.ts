/** The printed lists (`print:lists`): the worklists' stays with their paper details, and housekeeping by floor. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { aRoom, aStay } from '../../support/builders';
import { adminCtx, createTestCore, DEFAULT_NOW, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
let h: Handlers;
let r101: number;
let r102: number;
let r201: number;

beforeEach(async () => {
  t = await createTestCore(); // today is 2026-05-01 in Copenhagen, 10:00
  h = t.core.handlers;
  r101 = (await h['rooms:create'](aRoom({ number: 101, category: 'Standard', nightlyRate: 100_000, floor: 1 }), adminCtx)).id;
  r102 = (await h['rooms:create'](aRoom({ number: 102, category: 'Standard', nightlyRate: 90_000, floor: 1 }), adminCtx)).id;
  r201 = (await h['rooms:create'](aRoom({ number: 201, category: 'Suite', nightlyRate: 250_000, floor: 2 }), adminCtx)).id;
});
afterEach(async () => await t.close());

async function arrived(roomId: number, checkin: string, checkout: string, guestName: string) {
  t.clock.set(Date.parse(`${checkin}T12:00:00Z`));
  const s = await h['stays:create'](aStay({ roomId, checkin, checkout, guestName }), deskCtx);
  await h['stays:checkIn']({ id: s.id }, deskCtx);
  t.clock.set(DEFAULT_NOW);
  return s;
}

describe('print:lists', () => {
  it('lists today\'s arrivals, departures and guests in house with price, nights, floor and contact', async () => {
    const arriving = await h['stays:create'](aStay({ roomId: r201, checkin: '2026-05-01', checkout: '2026-05-04', guestName: 'Mette Hansen', guestPhone: '+45 20 12 34 56', notes: 'Late arrival' }), deskCtx);
    const leaving = await arrived(r101, '2026-04-28', '2026-05-01', 'Lars Berg');
    const staying = await arrived(r102, '2026-04-30', '2026-05-03', 'Søren Kierkegård');

    const lists = await h['print:lists']({}, deskCtx);
    expect(lists.today).toBe('2026-05-01');
    expect(lists.currency).toBe('DKK');
    expect(lists.arrivals.map((s) => [s.stayId, s.guestName, s.floor, s.nights, s.price, s.guestPhone, s.notes])).toEqual([
      [arriving.id, 'Mette Hansen', 2, 3, 750_000, '+45 20 12 34 56', 'Late arrival'],
    ]);
    expect(lists.departures.map((s) => [s.stayId, s.price])).toEqual([[leaving.id, leaving.price]]);
    expect(lists.inHouse.map((s) => [s.stayId, s.category, s.price])).toEqual([
      [leaving.id, 'Standard', leaving.price],
      [staying.id, 'Standard', staying.price],
    ]);
  });

  it('gives every active room by floor with its state and who is in, leaving or arriving', async () => {
    await h['rooms:setHousekeeping']({ id: r102, housekeeping: 'dirty' }, deskCtx);
    await h['stays:create'](aStay({ roomId: r201, checkin: '2026-05-01', checkout: '2026-05-02', guestName: 'Mette Hansen' }), deskCtx);
    await arrived(r101, '2026-04-28', '2026-05-01', 'Lars Berg');

    const { rooms } = await h['print:lists']({}, deskCtx);
    expect(rooms).toEqual([
      { number: 101, floor: 1, category: 'Standard', housekeeping: 'clean', inHouse: 'Lars Berg', departing: true, arriving: null },
      { number: 102, floor: 1, category: 'Standard', housekeeping: 'dirty', inHouse: null, departing: false, arriving: null },
      { number: 201, floor: 2, category: 'Suite', housekeeping: 'clean', inHouse: null, departing: false, arriving: 'Mette Hansen' },
    ]);
  });

});
