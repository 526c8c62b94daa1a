/**
 * The appointments report's SQL (issue 17 §1): the appointments starting in a period added up per
 * service room or provider, hotel-local day, status and payment status (the stored `local_date`, so
 * no zone arithmetic), and the time each service room offered in timeslots. One SQL text for both
 * engines, integer sums, a fixed order.
 */
import type { ReportDb } from './report-queries';

export interface AppointmentGroup {
  kind: 'timeslot' | 'provider';
  roomId: number | null;
  providerId: number | null;
  date: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  paymentStatus: 'unpaid' | 'paid' | 'refunded';
  n: number;
  price: number;
  /** Σ refund_amount, and how many had one. */
  refunded: number;
  refunds: number;
  /** Σ (end − start), in ms. */
  ms: number;
}

export async function appointmentGroups(db: ReportDb, startMs: number, endMs: number): Promise<AppointmentGroup[]> {
  return await db.all<AppointmentGroup>(
    `SELECT kind, room_id AS "roomId", provider_id AS "providerId", local_date AS "date", status, payment_status AS "paymentStatus",
            count(*) AS n, sum(price) AS price, sum(refund_amount) AS refunded, sum(CASE WHEN refund_amount > 0 THEN 1 ELSE 0 END) AS refunds,
            sum(end_ms - start_ms) AS ms
     FROM appointments
     WHERE start_ms >= @startMs AND start_ms < @endMs
     GROUP BY kind, room_id, provider_id, local_date, status, payment_status
     ORDER BY local_date, kind, room_id, provider_id, status, payment_status`,
    { startMs, endMs },
  );
}

/** Per service room, the time its timeslots starting in the period offer: Σ (end − start) × seats, in ms. */
export async function offeredSlotTime(db: ReportDb, startMs: number, endMs: number): Promise<{ roomId: number; ms: number }[]> {
  return await db.all<{ roomId: number; ms: number }>(
    `SELECT room_id AS "roomId", sum((end_ms - start_ms) * capacity) AS ms FROM timeslots
     WHERE start_ms >= @startMs AND start_ms < @endMs GROUP BY room_id ORDER BY room_id`,
    { startMs, endMs },
  );
}

export async function reportServiceRooms(db: ReportDb): Promise<{ id: number; name: string; active: number }[]> {
  return await db.all<{ id: number; name: string; active: number }>('SELECT id, name, active FROM service_rooms ORDER BY name, id');
}

export async function reportProviders(db: ReportDb): Promise<{ id: number; name: string; active: number; workingHours: string; daysOff: string }[]> {
  return await db.all<{ id: number; name: string; active: number; workingHours: string; daysOff: string }>(
    'SELECT id, name, active, working_hours AS "workingHours", days_off AS "daysOff" FROM providers ORDER BY name, id',
  );
}
