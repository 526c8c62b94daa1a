/**
 * Rows for the reports' tests, written straight into the tables (both engines, through the Db seam),
 * so each test's hotel is exactly the one its hand-computed figures describe. Times are hotel-local
 * wall times in Copenhagen.
 */
import type { Db } from '../../../db/database';
import { resolveTime } from '../../../shared/time';

const ZONE = 'Europe/Copenhagen';
/** `2026-05-04 09:00` in Copenhagen: its instant and its ISO text with the offset. */
export const at = (date: string, time: string) => resolveTime(`${date}T${time}`, ZONE, '00:00');

export async function serviceRoom(db: Db, name: string): Promise<number> {
  return await db.insert(`INSERT INTO service_rooms (name, capacity, room_type, hourly_rate, active, created_at, updated_at) VALUES (?, 1, 'treatment', 0, 1, 0, 0)`, name);
}

export async function timeslot(db: Db, roomId: number, date: string, from: string, to: string, capacity = 1): Promise<number> {
  const a = at(date, from);
  const b = at(date, to);
  return await db.insert(
    `INSERT INTO timeslots (room_id, start_ms, end_ms, start_at, end_at, local_date, capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
    roomId, a.ms, b.ms, a.iso, b.iso, date, capacity,
  );
}

export async function provider(db: Db, name: string, workingHours: object, daysOff: string[]): Promise<number> {
  return await db.insert(
    `INSERT INTO providers (name, email, appointment_minutes, buffer_minutes, price, working_hours, days_off, active, created_at, updated_at) VALUES (?, ?, 30, 0, 0, ?, ?, 1, 0, 0)`,
    name, `${name.toLowerCase()}@hotel.test`, JSON.stringify(workingHours), JSON.stringify(daysOff),
  );
}

export interface AppointmentRow {
  slot?: { roomId: number; timeslotId: number };
  providerId?: number;
  date: string;
  from: string;
  to: string;
  status: string;
  payment: string;
  price: number;
  refund?: number;
}

export async function appointment(db: Db, a: AppointmentRow): Promise<number> {
  const s = at(a.date, a.from);
  const e = at(a.date, a.to);
  return await db.insert(
    `INSERT INTO appointments (kind, guest_name, room_id, timeslot_id, provider_id, start_ms, end_ms, occupied_until_ms, start_at, end_at, local_date, local_time,
                               status, payment_status, price, refund_amount, created_by, created_at, updated_at)
     VALUES (?, 'Guest', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'desk', 0, 0)`,
    a.slot ? 'timeslot' : 'provider', a.slot?.roomId ?? null, a.slot?.timeslotId ?? null, a.providerId ?? null, s.ms, e.ms, e.ms, s.iso, e.iso, a.date, a.from,
    a.status, a.payment, a.price, a.refund ?? 0,
  );
}

export async function stockResource(db: Db, name: string, total: number, active = true): Promise<number> {
  return await db.insert(
    `INSERT INTO stock_resources (name, description, total_quantity, available_quantity, active, created_at, updated_at) VALUES (?, '', ?, ?, ?, 0, 0)`,
    name, total, total, active ? 1 : 0,
  );
}

export interface LoanRow {
  resourceId: number;
  quantity: number;
  booked: [string, string];
  closed?: [string, string];
  returnBy?: [string, string];
  status: 'out' | 'returned' | 'cancelled';
}

export async function loan(db: Db, l: LoanRow): Promise<number> {
  const b = at(...l.booked);
  const c = l.closed ? at(...l.closed) : null;
  const r = l.returnBy ? at(...l.returnBy) : null;
  return await db.insert(
    `INSERT INTO stock_bookings (resource_id, quantity, status, guest_name, created_by, booked_at, booked_ms, return_by, return_by_ms, closed_at, closed_ms, closed_by, notes)
     VALUES (?, ?, ?, 'Guest', 'desk', ?, ?, ?, ?, ?, ?, ?, '')`,
    l.resourceId, l.quantity, l.status, b.iso, b.ms, r?.iso ?? null, r?.ms ?? null, c?.iso ?? null, c?.ms ?? null, c ? 'desk' : null,
  );
}

export async function car(db: Db, brand: string, model: string, plate: string | null, deletedAt: number | null = null): Promise<number> {
  return await db.insert(
    `INSERT INTO cars (brand, model, fuel_type, mileage, plate, created_by, created_at, updated_at, deleted_at) VALUES (?, ?, 'petrol', 0, ?, 'desk', 0, 0, ?)`,
    brand, model, plate, deletedAt,
  );
}

export interface RentalRow {
  carId: number;
  from: string;
  to: string;
  status: 'reserved' | 'out' | 'returned' | 'cancelled';
  mileage?: [number, number | null];
  damage?: string;
  returnedAt?: string;
}

export async function rental(db: Db, r: RentalRow): Promise<number> {
  return await db.insert(
    `INSERT INTO car_rentals (car_id, guest_name, from_date, to_date, days, daily_rate, price, status, mileage_out, mileage_in, damage_note, returned_at, created_by, created_at, created_ms, updated_ms)
     VALUES (?, 'Guest', ?, ?, 1, 0, 0, ?, ?, ?, ?, ?, 'desk', '2026-01-01T00:00:00+01:00', 0, 0)`,
    r.carId, r.from, r.to, r.status, r.mileage?.[0] ?? null, r.mileage?.[1] ?? null, r.damage ?? null, r.returnedAt ?? null,
  );
}
