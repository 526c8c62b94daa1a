/**
 * The stays', appointments' and stock's events for the event broker (issue 21; core/outbox/broker-events.ts
 * and each domain's `*-broker.ts`): written in the change's own transaction, with the event type as
 * the topic (RabbitMQ's routing key), one record's events in order, the bodies of
 * docs/integrations.md (no e-mail, phone or notes); written only while an event broker is set and
 * only the types `brokerEventTypes` lets go; a refused change writes none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../core/context';
import { expectAppError } from '../../support/app-error';
import { aRoom, aStay } from '../../support/builders';
import { outboxRows } from '../../support/outbox-rows';
import { signIn } from '../../support/sessions';
import { adminCtx, createTestCore, deskCtx, type TestCore } from '../../support/test-core';

let t: TestCore;
const h = () => t.core.handlers;
const BROKER = 'http://broker.example:8080/events';

beforeEach(async () => {
  t = await createTestCore({ settings: { eventServiceUrl: BROKER } });
});
afterEach(async () => await t.close());

const events = async () => (await outboxRows(t.db)).filter((r) => r.target === 'events');

describe('the stays’, appointments’ and stock’s events for the broker', () => {
  it('a stay’s life: booked, changed, checked in, checked out — in order, in seed 000’s words, without contact details', async () => {
    await h()['rooms:create'](aRoom({ number: 204, category: 'Standard double room' }), adminCtx);
    const stay = await h()['stays:create'](aStay({ guestEmail: 'mette@example.dk', guestPhone: '+45 12 34 56 78', notes: 'VIP', guests: 2 }), deskCtx);
    await h()['stays:updateGuest']({ id: stay.id, guestName: 'Mette Holm' }, deskCtx);
    await h()['stays:checkIn']({ id: stay.id }, deskCtx);
    await h()['stays:checkOut']({ id: stay.id }, deskCtx);
    const rows = await events();
    expect(rows.map((r) => [r.topic, r.aggregate, r.payload.type, (r.payload.data as { change?: string }).change])).toEqual([
      ['stay.booked', `stay-events:${stay.id}`, 'stay.booked', undefined],
      ['stay.changed', `stay-events:${stay.id}`, 'stay.changed', 'guest_changed'],
      ['stay.checked_in', `stay-events:${stay.id}`, 'stay.checked_in', undefined],
      ['stay.checked_out', `stay-events:${stay.id}`, 'stay.checked_out', undefined],
    ]);
    expect(rows[0]!.payload).toEqual({
      type: 'stay.booked', occurredAt: '2026-05-01T10:00:00+02:00',
      data: {
        stay: {
          stay_id: stay.id, roomnumber: 204, room_type: 'Standard double room', guest_name: 'Mette Hansen', guests: 2,
          checkin: '2026-05-01T14:00:00+02:00', checkout: '2026-05-03T12:00:00+02:00', nights: 2, status: 'booked', price: stay.price, currency: 'DKK',
        },
      },
    });
    expect(JSON.stringify(rows)).not.toMatch(/mette@example|12 34 56|VIP/);
    // Billing's numbering of the stay is its own: 1, 2, 3 for its three messages.
    expect((await outboxRows(t.db)).filter((r) => r.target === 'billing').map((r) => r.payload.sequence)).toEqual([1, 2, 3]);
  });

  it('an appointment: booked, confirmed, rescheduled, cancelled with its refund; completed and its undoing as their own types', async () => {
    const s = await signIn(t.core, 'client', { username: 'guest.one' });
    const client: CallContext = { actor: { userId: s.userId, username: s.username, role: 'client' }, via: 'internal' };
    const room = await h()['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 90_000, isActive: true }, adminCtx);
    await h()['timeslots:generate']({ roomId: room.id, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    const slots = await t.db.all<{ id: number }>('SELECT id FROM timeslots ORDER BY start_ms');
    const a = ((await h()['appointments:create']({ timeslotId: slots[0]!.id, roomId: room.id }, client)) as { booking: { id: number } }).booking;
    await h()['appointments:pay']({ id: a.id, method: 'card' }, deskCtx);
    await h()['appointments:reschedule']({ id: a.id, newTimeslotId: slots[1]!.id }, deskCtx);
    await h()['appointments:cancel']({ id: a.id }, deskCtx);
    const rows = await events();
    expect(rows.map((r) => r.topic)).toEqual(['appointment.booked', 'appointment.confirmed', 'appointment.rescheduled', 'appointment.cancelled']);
    expect(new Set(rows.map((r) => r.aggregate))).toEqual(new Set([`appointment-events:${a.id}`]));
    expect((rows[3]!.payload.data as { appointment: unknown }).appointment).toMatchObject({
      appointment_id: a.id, kind: 'timeslot', status: 'cancelled', payment_status: 'refunded', price: 45_000, refund_amount: 45_000, currency: 'DKK',
      guest_name: 'guest.one', room: { room_id: room.id, name: 'Spa room 1', room_type: 'treatment' }, provider: null,
      start_time: '2026-05-04T09:30:00+02:00', end_time: '2026-05-04T10:00:00+02:00', date: '2026-05-04', time: '09:30:00', duration_minutes: 30,
    });

    const b = ((await h()['appointments:create']({ timeslotId: slots[2]!.id, roomId: room.id }, client)) as { booking: { id: number } }).booking;
    await h()['appointments:pay']({ id: b.id, method: 'cash' }, deskCtx);
    t.clock.set(Date.parse('2026-05-04T08:30:00Z'));
    await h()['appointments:setStatus']({ id: b.id, status: 'completed' }, deskCtx);
    await h()['appointments:undoStatus']({ id: b.id }, deskCtx);
    expect((await events()).slice(4).map((r) => r.topic)).toEqual(['appointment.booked', 'appointment.confirmed', 'appointment.completed', 'appointment.status_undone']);
    expect(JSON.stringify(await events())).not.toContain('@');
  });

  it('stock: lent, returned (also when its stay ends), a loan cancelled, each with the resource’s quantities after it; restocking is not sent', async () => {
    await h()['rooms:create'](aRoom({ number: 204 }), adminCtx);
    const stay = await h()['stays:create'](aStay(), deskCtx);
    const bed = await h()['stock:create']({ name: 'Extra bed', description: 'Folding bed', totalQuantity: 4 }, deskCtx);
    const one = await h()['stock:book']({ resourceId: bed.id, quantity: 2, guestName: 'Mette Hansen' }, deskCtx);
    const two = await h()['stock:book']({ resourceId: bed.id, quantity: 1, stayId: stay.id }, deskCtx);
    await h()['stock:restock']({ id: bed.id, totalQuantity: 5 }, deskCtx);
    await h()['stock:return']({ id: one.id }, deskCtx);
    const three = await h()['stock:book']({ resourceId: bed.id, quantity: 1 }, deskCtx);
    await h()['stock:cancel']({ id: three.id }, deskCtx);
    await h()['stays:cancel']({ id: stay.id }, deskCtx); // returns the stay's bed
    const rows = (await events()).filter((r) => r.topic.startsWith('stock.'));
    expect(rows.map((r) => [r.topic, (r.payload.data as { loan: { loan_id: number } }).loan.loan_id, (r.payload.data as { resource: { available_quantity: number } }).resource.available_quantity])).toEqual([
      ['stock.lent', one.id, 2], ['stock.lent', two.id, 1], ['stock.returned', one.id, 4], ['stock.lent', three.id, 3],
      ['stock.loan_cancelled', three.id, 4], ['stock.returned', two.id, 5],
    ]);
    expect(new Set(rows.map((r) => r.aggregate))).toEqual(new Set([`stock:${bed.id}`]));
    expect(rows[1]!.payload.data).toMatchObject({
      resource: { resource_id: bed.id, name: 'Extra bed', total_quantity: 4, available_quantity: 1 },
      loan: { loan_id: two.id, resource_id: bed.id, quantity: 1, status: 'out', stay_id: stay.id, roomnumber: 204, return_by: null, closed_at: null },
    });
  });

  it('none is written while no event broker is set, nor a type the setting leaves out, nor for a refused change', async () => {
    await h()['rooms:create'](aRoom(), adminCtx);
    await h()['settings:update']({ eventServiceUrl: '' }, adminCtx);
    const first = await h()['stays:create'](aStay(), deskCtx);
    expect(await events()).toEqual([]);
    await h()['settings:update']({ eventServiceUrl: BROKER, brokerEventTypes: ['stay.cancelled'] }, adminCtx);
    await h()['stays:checkIn']({ id: first.id }, deskCtx);
    await expectAppError(async () => await h()['stays:create'](aStay(), deskCtx), 'ROOM_UNAVAILABLE');
    await h()['stays:create'](aStay({ checkin: '2026-05-10', checkout: '2026-05-12' }), deskCtx).then((s) => h()['stays:cancel']({ id: s.id }, deskCtx));
    expect((await events()).map((r) => r.topic)).toEqual(['stay.cancelled']);
    // The fleet keeps seed 004's rule: written with no broker set, and waiting for one.
    await h()['settings:update']({ eventServiceUrl: '', brokerEventTypes: ['car.added'] }, adminCtx);
    await h()['cars:create']({ brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 10, plate: null, seats: 5, dailyRate: 0, notes: '' }, deskCtx);
    expect((await events()).map((r) => r.topic)).toEqual(['stay.cancelled', 'car.added']);
  });
});
