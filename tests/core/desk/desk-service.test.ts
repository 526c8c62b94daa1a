/** The desk's search, worklists and the kiosk's view of free rooms, on a real core and database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../core/context';
import { searchTerms } from '../../../core/desk/desk-service';
import { expectAppError } from '../../support/app-error';
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
  r101 = (await h['rooms:create'](aRoom({ number: 101, category: 'Standard double room', nightlyRate: 100_000 }), adminCtx)).id;
  r102 = (await h['rooms:create'](aRoom({ number: 102, category: 'Standard double room', nightlyRate: 90_000, capacity: 3 }), adminCtx)).id;
  r201 = (await h['rooms:create'](aRoom({ number: 201, category: 'Suite', nightlyRate: 250_000, capacity: 4, floor: 2 }), adminCtx)).id;
});
afterEach(async () => await t.close());

const stay = (roomId: number, checkin: string, checkout: string, more: Partial<Parameters<Handlers['stays:create']>[0]> = {}) =>
  h['stays:create'](aStay({ roomId, checkin, checkout, ...more }), deskCtx);
/**
 * A stay made, and checked in if asked, on its arrival day at 14:00 (a stay cannot be booked in the past
 * nor checked in before its arrival day); the clock then returns to today.
 */
async function arrived(roomId: number, checkin: string, checkout: string, more: Partial<Parameters<Handlers['stays:create']>[0]> = {}, checkIn = true) {
  t.clock.set(Date.parse(`${checkin}T12:00:00Z`));
  const s = await stay(roomId, checkin, checkout, more);
  if (checkIn) await h['stays:checkIn']({ id: s.id }, deskCtx);
  t.clock.set(DEFAULT_NOW);
  return s;
}
const search = (q: string, limit = 20) => h['desk:search']({ q, limit }, deskCtx);
const ids = async (q: string) => (await search(q)).items.map((i) => [i.stayId, i.matched]);

describe('desk:search', () => {
  it('finds a guest by any part of the name, in any case, accents ignored, all words in any order', async () => {
    const mette = await stay(r101, '2026-05-01', '2026-05-03', { guestName: 'Mette Hansen' });
    const soren = await stay(r102, '2026-05-01', '2026-05-03', { guestName: 'Søren Ærø Kierkegård' });
    expect(await ids('hansen')).toEqual([[mette.id, 'name']]);
    expect(await ids('ANSE')).toEqual([[mette.id, 'name']]);
    expect(await ids('hansen mette')).toEqual([[mette.id, 'name']]);
    expect(await ids('kierkegard')).toEqual([[soren.id, 'name']]);
    expect(await ids('søren')).toEqual([[soren.id, 'name']]);
    expect(await ids('mette søren')).toEqual([]);
  });

  it('finds by e-mail and by phone digits however the number is written', async () => {
    const a = await stay(r101, '2026-05-01', '2026-05-03', { guestName: 'A', guestEmail: 'lars.berg@example.dk', guestPhone: '+45 20 12-34 56' });
    expect(await ids('berg@exam')).toEqual([[a.id, 'email']]);
    expect(await ids('20123456')).toEqual([[a.id, 'phone']]);
    expect(await ids('+45 2012')).toEqual([[a.id, 'phone']]);
    expect(await ids('(20) 12 34')).toEqual([[a.id, 'phone']]);
  });

  it('finds a stay by its id and a room by its number, the guest in house first', async () => {
    const past = await arrived(r201, '2026-04-20', '2026-04-22', { guestName: 'Past' }, false);
    const coming = await stay(r201, '2026-05-10', '2026-05-12', { guestName: 'Coming' });
    const inHouse = await arrived(r201, '2026-04-30', '2026-05-02', { guestName: 'In house' });
    expect(await ids('201')).toEqual([[inHouse.id, 'room'], [coming.id, 'room'], [past.id, 'room']]);
    expect(await ids(String(past.id))).toEqual([[past.id, 'id']]);
    expect(await ids(`#${coming.id}`)).toEqual([[coming.id, 'id']]);
  });

  it('follows a change of the guest\'s name (the index is kept by triggers in the same transaction)', async () => {
    const s = await stay(r101, '2026-05-01', '2026-05-03', { guestName: 'Old Name' });
    await t.db.run(`UPDATE stays SET guest_name = 'Birgitte Nyborg' WHERE id = ?`, s.id);
    expect(await ids('nyborg')).toEqual([[s.id, 'name']]);
    expect(await ids('old name')).toEqual([]);
  });

  it('says when the list was cut, and finds nothing for words under 3 characters', async () => {
    for (let i = 0; i < 4; i++) await stay(r101, `2026-06-0${i + 1}`, `2026-06-0${i + 2}`, { guestName: `Jensen ${i}` });
    expect(await search('jensen', 3)).toMatchObject({ more: true });
    expect((await search('jensen', 3)).items).toHaveLength(3);
    expect(await search('jensen', 4)).toMatchObject({ more: false });
    expect((await search('je')).items).toEqual([]);
    expect(searchTerms('Mette  +45 20-12 ab')).toEqual(['Mette', '452012']);
  });

  it('treats FTS syntax in the query as text', async () => {
    await stay(r101, '2026-05-01', '2026-05-03', { guestName: 'Anne "NOT" Or*' });
    expect((await search('"NOT" OR* NEAR(')).items).toEqual([]);
    expect((await search('"not"')).items).toHaveLength(1);
  });
});

describe('desk:worklists', () => {
  it('lists today\'s arrivals, departures (overdue too) and guests in house with what is left to do, shorter as guests are processed', async () => {
    await arrived(r201, '2026-04-27', '2026-04-30', { guestName: 'Overdue' });
    const leaving = await arrived(r101, '2026-04-28', '2026-05-01', { guestName: 'Leaving' });
    await arrived(r102, '2026-04-30', '2026-05-04', { guestName: 'Staying' });
    const arriving = await stay(r101, '2026-05-01', '2026-05-03', { guestName: 'Arriving' });
    await h['rooms:setHousekeeping']({ id: r101, housekeeping: 'dirty' }, deskCtx);

    const w = await h['desk:worklists']({}, deskCtx);
    expect(w.today).toBe('2026-05-01');
    expect(w.arrivals.map((i) => [i.guestName, i.roomNumber, i.todo])).toEqual([['Arriving', 101, ['check_in', 'room_not_clean', 'room_occupied']]]);
    expect(w.departures.map((i) => [i.guestName, i.todo])).toEqual([['Overdue', ['check_out', 'overdue']], ['Leaving', ['check_out']]]);
    expect(w.inHouse.map((i) => [i.guestName, i.todo])).toEqual([['Overdue', ['check_out', 'overdue']], ['Leaving', ['check_out']], ['Staying', []]]);
    expect((await h['board:get']({ days: 1 }, deskCtx)).counts).toEqual({ arrivals: 1, departures: 2, inHouse: 3 });

    await h['stays:checkOut']({ id: leaving.id }, deskCtx);
    await h['rooms:setHousekeeping']({ id: r101, housekeeping: 'clean' }, deskCtx);
    expect((await h['desk:worklists']({}, deskCtx)).arrivals[0]!.todo).toEqual(['check_in']);
    await h['stays:checkIn']({ id: arriving.id }, deskCtx);
    const after = await h['desk:worklists']({}, deskCtx);
    expect([after.arrivals.length, after.departures.length, after.inHouse.length]).toEqual([0, 1, 3]);
    expect((await h['board:get']({ days: 1 }, deskCtx)).counts).toEqual({ arrivals: 0, departures: 1, inHouse: 3 });
  });
});

describe('rooms:available', () => {
  it('gives each category with its free rooms, cheapest first, with the stay\'s price, for the guests asked', async () => {
    await stay(r101, '2026-06-01', '2026-06-03');
    const a = await h['rooms:available']({ checkin: '2026-06-01', checkout: '2026-06-04' }, deskCtx);
    expect(a).toMatchObject({ nights: 3, currency: 'DKK', checkin: '2026-06-01T14:00:00+02:00', checkout: '2026-06-04T12:00:00+02:00' });
    expect(a.categories).toEqual([
      { category: 'Standard double room', fromRate: 90_000, maxCapacity: 3, rooms: [{ number: 102, category: 'Standard double room', capacity: 3, nightlyRate: 90_000, price: 270_000 }] },
      { category: 'Suite', fromRate: 250_000, maxCapacity: 4, rooms: [{ number: 201, category: 'Suite', capacity: 4, nightlyRate: 250_000, price: 750_000 }] },
    ]);
    const four = await h['rooms:available']({ checkin: '2026-06-01', checkout: '2026-06-04', guests: 4 }, deskCtx);
    expect(four.categories.map((c) => c.category)).toEqual(['Suite']);
  });

  it('refuses a period already over, or backwards', async () => {
    await expectAppError(async () => await h['rooms:available']({ checkin: '2026-04-01', checkout: '2026-04-03' }, deskCtx), 'VALIDATION', 'checkout is in the past');
    await expectAppError(async () => await h['rooms:available']({ checkin: '2026-06-04', checkout: '2026-06-01' }, deskCtx), 'VALIDATION');
  });
});
