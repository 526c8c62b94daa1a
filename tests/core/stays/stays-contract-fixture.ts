/**
 * Stays on the contract fixture (tests/support/contract-fixture.ts): stay 1 booked in room 1 for
 * 2026-05-01 → 05-03 (the test clock's today), stay 2 checked in in room 2, stay 3 arrived yesterday
 * and not come (a no-show can be marked, from the arrival time on).
 */
import { aStay } from '../../support/builders';
import { domainFixture } from '../../support/domain-fixture';
import { deskCtx } from '../../support/test-core';

export const staysContractFixture = domainFixture({
  async seed(core) {
    const h = core.handlers;
    await h['stays:create'](aStay({ roomId: 1, checkin: '2026-05-01', checkout: '2026-05-03' }), deskCtx);
    const inHouse = await h['stays:create'](aStay({ roomId: 2, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Jens Olsen' }), deskCtx);
    await h['stays:checkIn']({ id: inHouse.id }, deskCtx);
    await h['stays:create'](aStay({ roomId: 3, checkin: '2026-04-30', checkout: '2026-05-01', guestName: 'Per Lund' }), deskCtx);
  },
  inputs: () => ({
    'stays:seedList': { from: '2026-05-01', to: '2026-06-01', limit: 10 },
    'stays:seedCreate': {
      roomnumber: 104, category: 'Standard double room', checkin: '2026-06-01T14:00:00', checkout: '2026-06-03T12:00:00',
      guest_name: 'Ann Berg', guests: 2, price: 180_000, notes: 'Late arrival', late_entry: false,
    },
    'stays:seedExport': { delimiter: ';', bom: true, from: '2026-05-01', to: '2026-06-01', status: 'booked', roomId: 1 },
    'stays:list': { roomId: 1, status: 'booked', from: '2026-05-01', to: '2026-06-01', guest: 'Mette', limit: 5, offset: 0 },
    'stays:get': { id: 1 },
    'stays:create': {
      roomId: 3, checkin: '2026-06-01', checkout: '2026-06-03', guestName: 'Ann Berg', guestEmail: 'ann.berg@example.dk',
      guestPhone: '+45 1234 5678', guests: 2, price: 180_000, notes: 'Late arrival', lateEntry: false,
    },
    'stays:move': { id: 1, roomId: 3, pricing: 'reprice' },
    'stays:changeDates': { id: 1, checkin: '2026-05-01', checkout: '2026-05-04', price: 270_000, pricing: 'keep' },
    'stays:quote': { id: 1, roomId: 3, checkin: '2026-05-01', checkout: '2026-05-04' },
    'stays:updateGuest': { id: 1, guestName: 'Mette Hansen', guestEmail: 'mette@example.dk', guestPhone: '+45 20 12 34 56', guests: 2, notes: 'Late arrival' },
    'guests:profile': { email: 'ann.berg@example.dk', phone: '+45 1234 5678', limit: 10 },
    'stays:cancel': { id: 1 },
    'stays:checkIn': { id: 1 },
    'stays:checkOut': { id: 2 },
    'stays:noShow': { id: 3 },
    'stays:departureQuote': { id: 2, action: 'check_out' },
    'stays:undo': { id: 2 },
    'stays:export': { delimiter: ',', bom: false, from: '2026-05-01', to: '2026-06-01', status: 'booked', roomId: 1, lang: 'da' },
  }),
});
