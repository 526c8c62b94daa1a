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

export const BROKER_EVENT_TYPES = [...FLEET_BROKER_EVENT_TYPES] as const;
export type BrokerEventType = (typeof BROKER_EVENT_TYPES)[number];

/** The body the broker receives. */
export interface BrokerMessage {
  type: BrokerEventType;
  /** ISO 8601 with the hotel's offset. */
  occurredAt: string;
  data: unknown;
}
