/**
 * The event broker (SPEC §3.6, seed 004): which event types may go to `POST {EVENT_SERVICE_URL}` as
 * `{type, occurredAt, data}`. The setting `brokerEventTypes` picks among these; a domain that
 * publishes to the broker adds its types here (the settings' validation reads this list).
 */

/** Every change to the fleet (issue 9 §2), as the broker hears of it. */
export const FLEET_BROKER_EVENT_TYPES = [
  'car.added',
  'car.updated',
  'car.deleted',
  'car.reserved',
  'car.reservation_cancelled',
  'car.rented',
  'car.returned',
  'car.damaged',
  'car.repaired',
] as const;

/**
 * The stays', appointments' and stock's events a hotel group's IT subscribes to (issue 21): a stay's
 * life (booked, changed, checked in and out, cancelled, no-show), an appointment's (booked,
 * confirmed, rescheduled, cancelled, lapsed, completed, no-show, a mark undone) and the loans of stock
 * (lent, returned, a loan cancelled). Unlike the fleet's, they are written only while an event broker
 * is configured (core/outbox/broker-events.ts says why). Their bodies: docs/integrations.md.
 */
export const STAY_BROKER_EVENT_TYPES = ['stay.booked', 'stay.changed', 'stay.checked_in', 'stay.checked_out', 'stay.cancelled', 'stay.no_show'] as const;

export const APPOINTMENT_BROKER_EVENT_TYPES = [
  'appointment.booked',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.lapsed',
  'appointment.completed',
  'appointment.no_show',
  'appointment.status_undone',
] as const;

export const STOCK_BROKER_EVENT_TYPES = ['stock.lent', 'stock.returned', 'stock.loan_cancelled'] as const;

export const BROKER_EVENT_TYPES = [...FLEET_BROKER_EVENT_TYPES, ...STAY_BROKER_EVENT_TYPES, ...APPOINTMENT_BROKER_EVENT_TYPES, ...STOCK_BROKER_EVENT_TYPES] as const;
export type BrokerEventType = (typeof BROKER_EVENT_TYPES)[number];

/** The body the broker receives. */
export interface BrokerMessage {
  type: BrokerEventType;
  /** ISO 8601 with the hotel's offset. */
  occurredAt: string;
  data: unknown;
}
