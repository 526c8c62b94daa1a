/**
 * The event broker hears of every change to the fleet (seed 004, SPEC §3.6): `POST {EVENT_SERVICE_URL}`
 * with `{type, occurredAt, data}`, written to the outbox (target `events`) inside the change's own
 * transaction, so a message exists iff its change committed; the outbox worker delivers it later
 * with retries, an `Idempotency-Key` and dead-lettering. The messages of one car go out in order
 * (aggregate `car:<id>`). Which types go at all is the setting `brokerEventTypes`.
 */
import type { BrokerEventType, BrokerMessage } from '../../shared/contract/broker-events';
import type { Car } from '../../shared/contract/cars';
import type { Rental } from '../../shared/contract/rentals';
import { formatInstant } from '../../shared/time';
import type { Commit } from '../commit';
import type { SettingsService } from '../settings/settings-service';

/** A car as the broker sees it: seed 004's field names, and the plate. */
export function brokerCar(car: Car) {
  return {
    car_id: car.id, brand: car.brand, model: car.model, fuel_type: car.fuelType, mileage: car.mileage,
    is_rented: car.isRented, has_damage: car.hasDamage, plate: car.plate,
  };
}

export function brokerRental(r: Rental) {
  return {
    rental_id: r.id, car_id: r.carId, guest_name: r.guestName, stay_id: r.stayId, from: r.from, to: r.to, days: r.days, price: r.price,
    status: r.status, mileage_out: r.mileageOut, mileage_in: r.mileageIn, damage_note: r.damageNote,
  };
}

/** Enqueues one broker message for `car`, if the setting lets its type go. */
export async function toBroker(
  c: Commit,
  settings: SettingsService,
  type: BrokerEventType,
  car: Car,
  extra: { rental?: Rental; note?: string } = {},
): Promise<void> {
  const s = settings.get();
  if (!s.brokerEventTypes.includes(type)) return;
  const data: Record<string, unknown> = { car: brokerCar(car) };
  if (extra.rental) data.rental = brokerRental(extra.rental);
  if (extra.note !== undefined) data.note = extra.note;
  const payload: BrokerMessage = { type, occurredAt: formatInstant(c.nowMs, s.timeZone), data };
  await c.enqueue({ target: 'events', topic: type, aggregate: `car:${car.id}`, path: '', payload });
}
