/**
 * Rows for the PostgreSQL migrations' tests, written through a plain `pg` client (not the engine), so
 * a refusal arrives as PostgreSQL gave it: its SQLSTATE (`23P01`, `23505`, `23514`, …), the
 * constraint's name and its message, before the adapter maps it to an AppError.
 */
import pg from 'pg';

export interface Refusal {
  code: string;
  constraint: string | undefined;
  message: string;
}

/** The error `p` rejects with, as PostgreSQL sent it; fails if `p` succeeds. */
export async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (e) {
    const error = e as pg.DatabaseError;
    return { code: String(error.code), constraint: error.constraint, message: error.message };
  }
  throw new Error('the statement was expected to be refused, and was not');
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Inserts one row of `table` from `values` (column → value) and returns its id. */
export async function insertRow(c: pg.ClientBase, table: string, values: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(values);
  const r = await c.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return Number(r.rows[0]!.id);
}

export const room = (c: pg.ClientBase, number = 101) =>
  insertRow(c, 'guest_rooms', { number, category: 'Single', capacity: 1, nightly_rate: 100, floor: 1, created_at: 0, updated_at: 0 });

export const stay = (c: pg.ClientBase, roomId: number, checkinMs: number, checkoutMs: number, status = 'booked') =>
  insertRow(c, 'stays', {
    room_id: roomId, category: 'Single', guest_name: 'Ann', checkin: 'a', checkout: 'b', checkin_ms: checkinMs, checkout_ms: checkoutMs,
    nights: 1, status, price: 100, created_by: 't', created_at: 0, updated_at: 0,
  });

export const block = (c: pg.ClientBase, roomId: number, startsMs: number, endsMs: number, kind = 'blocked') =>
  insertRow(c, 'room_blocks', { room_id: roomId, starts_at: 'a', ends_at: 'b', starts_ms: startsMs, ends_ms: endsMs, reason: 'Paint', kind, created_by: 't', created_at: 0 });

export const car = (c: pg.ClientBase, mileage = 100, plate: string | null = null) =>
  insertRow(c, 'cars', { brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage, plate, created_by: 'desk', created_at: 0, updated_at: 0 });

export const rental = (c: pg.ClientBase, carId: number, from: string, to: string, status = 'reserved') =>
  insertRow(c, 'car_rentals', {
    car_id: carId, guest_name: 'Mette', from_date: from, to_date: to, days: 1, daily_rate: 100, price: 100, status,
    mileage_out: status === 'out' || status === 'returned' ? 100 : null, created_by: 'desk', created_at: 'x', created_ms: 0, updated_ms: 0,
  });

export const serviceRoom = (c: pg.ClientBase, name = 'Spa 1', capacity = 1) =>
  insertRow(c, 'service_rooms', { name, room_type: 'treatment', capacity, created_at: 0, updated_at: 0 });

export const timeslot = (c: pg.ClientBase, roomId: number, startMs: number, endMs: number, capacity = 1) =>
  insertRow(c, 'timeslots', { room_id: roomId, start_ms: startMs, end_ms: endMs, start_at: '', end_at: '', local_date: '2026-06-01', capacity, created_at: 0 });

export const provider = (c: pg.ClientBase, email = 'a@x.dk') =>
  insertRow(c, 'providers', { name: 'A', email, working_hours: '{}', created_at: 0, updated_at: 0 });

interface Appointment {
  kind: 'timeslot' | 'provider';
  roomId?: number;
  timeslotId?: number;
  providerId?: number;
  startMs: number;
  endMs: number;
  occupiedUntilMs?: number;
  status: string;
  holdUntilMs?: number | null;
}

export const appointment = (c: pg.ClientBase, a: Appointment) =>
  insertRow(c, 'appointments', {
    kind: a.kind, guest_name: 'G', room_id: a.roomId ?? null, timeslot_id: a.timeslotId ?? null, provider_id: a.providerId ?? null,
    start_ms: a.startMs, end_ms: a.endMs, occupied_until_ms: a.occupiedUntilMs ?? a.endMs, start_at: '', end_at: '', local_date: '2026-06-01',
    local_time: '09:00:00', status: a.status, hold_until_ms: a.holdUntilMs ?? null, created_by: 'desk', created_at: 0, updated_at: 0,
  });

export const auditRow = (c: pg.ClientBase, actor: string) =>
  insertRow(c, 'audit_log', { at: 1, actor, role: 'staff', action: 'a:b', entity: 'a', via: 'http' });

/**
 * Resolves once some session of the database waits for a lock it has not been granted (the second
 * of two racing transactions, held at its advisory or row lock), polling the server's lock table.
 */
export async function someoneWaitsForALock(c: pg.ClientBase, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    if (Number(r.rows[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`nobody waited for a lock within ${timeoutMs} ms`);
}
