/**
 * No slot taken twice under concurrency (issue 8 §8): 16 signed-in clients, each on its own keep-alive
 * TCP connection, all firing at once at a real host: the same timeslot of capacity 1 (exactly one
 * 201), of capacity 3 (exactly three), the same provider time (exactly one), and reschedules racing
 * new bookings for the last seat (never over capacity). Then the database itself is searched for a
 * slot holding more live bookings than its capacity, and for two overlapping live bookings of a
 * provider.
 *
 * The last case proves the check can see an over-booking: the same race against a server whose
 * booking command splits the seat count and the insert with an `await` must over-book.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import type { Host } from '../../core/host';
import type { Db } from '../../db/database';
import { insertAppointment } from '../../db/queries/appointment-queries';
import { countSlotBookings, getTimeslotRow } from '../../db/queries/service-room-queries';
import type { ParsedInput } from '../../shared/contract/commands';
import { AppError } from '../../shared/errors';
import { signIn } from '../support/sessions';
import { createHttpClient, type HttpClient } from '../support/socket-client';
import { adminCtx, createTestCore } from '../support/test-core';
import { startTestHost } from '../support/test-host';

const CLIENTS = 16;
/** A Monday far enough ahead for the real clock. */
const DAY = '2030-06-03';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Slots holding more live bookings than their capacity, and overlapping live bookings of one provider. */
const OVER_CAPACITY_SQL = `
  SELECT t.id, t.capacity, count(a.id) AS n FROM timeslots t JOIN appointments a ON a.timeslot_id = t.id
  WHERE a.status IN ('pending', 'confirmed', 'completed', 'no_show') GROUP BY t.id HAVING count(a.id) > t.capacity`;
const PROVIDER_OVERLAP_SQL = `
  SELECT a.id AS first, b.id AS second FROM appointments a JOIN appointments b ON b.provider_id = a.provider_id AND b.id > a.id
  WHERE a.status IN ('pending', 'confirmed', 'completed', 'no_show') AND b.status IN ('pending', 'confirmed', 'completed', 'no_show')
    AND a.start_ms < b.occupied_until_ms AND b.start_ms < a.occupied_until_ms`;

async function audit(db: Db): Promise<{ overCapacity: unknown[]; providerOverlaps: unknown[]; appointments: number }> {
  return {
    overCapacity: await db.all(OVER_CAPACITY_SQL),
    providerOverlaps: await db.all(PROVIDER_OVERLAP_SQL),
    appointments: (await db.get<{ n: number }>('SELECT count(*) AS n FROM appointments'))!.n,
  };
}

interface Racers {
  clients: HttpClient[];
  close(): void;
}

/** `n` client users, each signed in, each with its own connection, already open. */
async function racers(core: Core, baseUrl: string, n: number, prefix: string): Promise<Racers> {
  const clients: HttpClient[] = [];
  for (let i = 0; i < n; i++) {
    const s = await signIn(core, 'client', { username: `${prefix}.${i}` });
    clients.push(createHttpClient(baseUrl, { token: s.token }));
  }
  await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
  return { clients, close: () => clients.forEach((c) => c.close()) };
}

async function fire(rs: Racers, request: (i: number) => { method: 'POST' | 'PUT'; path: string; body: unknown }): Promise<{ statuses: Record<number, number>; bodies: string[] }> {
  const statuses: Record<number, number> = {};
  const bodies: string[] = [];
  await Promise.all(
    rs.clients.map(async (c, i) => {
      const res = await c.send(request(i));
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      bodies.push(`${res.status} ${res.body}`);
    }),
  );
  return { statuses, bodies };
}

async function realHost(): Promise<Host> {
  const th = await startTestHost({ settings: { timeZone: 'Europe/Copenhagen' } });
  cleanups.push(th.close);
  return th.host;
}

/** A room with sixteen 30-minute slots on DAY, each of `capacity`; returns their ids. */
async function roomWithSlots(core: Core, capacity: number, name = 'Spa'): Promise<{ roomId: number; slots: number[] }> {
  const h = core.handlers;
  const room = await h['serviceRooms:create']({ name, roomType: 'treatment', capacity, hourlyRate: 60_000, isActive: true }, adminCtx);
  await h['timeslots:generate']({ roomId: room.id, startDate: DAY, endDate: DAY, slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
  const slots = await core.deps.db.all('SELECT id FROM timeslots WHERE room_id = ? ORDER BY start_ms', room.id) as { id: number }[];
  return { roomId: room.id, slots: slots.map((s) => s.id) };
}

describe('16 clients at once, over real sockets, against the real host', () => {
  it('the same timeslot of capacity 1: exactly one 201, fifteen 409', async () => {
    const host = await realHost();
    const { roomId, slots } = await roomWithSlots(host.core, 1);
    const rs = await racers(host.core, host.url, CLIENTS, 'one');
    cleanups.push(() => rs.close());
    const r = await fire(rs, () => ({ method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[0], roomId } }));
    console.info(`capacity 1: ${JSON.stringify(r.statuses)}`);
    expect(r.statuses).toEqual({ 201: 1, 409: CLIENTS - 1 });
    expect((await audit(host.core.deps.db))).toEqual({ overCapacity: [], providerOverlaps: [], appointments: 1 });
  });

  it('the same timeslot of capacity 3: exactly three 201', async () => {
    const host = await realHost();
    const { roomId, slots } = await roomWithSlots(host.core, 3);
    const rs = await racers(host.core, host.url, CLIENTS, 'three');
    cleanups.push(() => rs.close());
    const r = await fire(rs, () => ({ method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[0], roomId } }));
    console.info(`capacity 3: ${JSON.stringify(r.statuses)}`);
    expect(r.statuses).toEqual({ 201: 3, 409: CLIENTS - 3 });
    expect((await audit(host.core.deps.db))).toEqual({ overCapacity: [], providerOverlaps: [], appointments: 3 });
  });

  it('the same provider time (and times overlapping it): exactly one 201', async () => {
    const host = await realHost();
    await host.core.handlers['providers:create']({ name: 'Sofie Lund', email: 'sofie@example.dk', appointmentMinutes: 30, bufferMinutes: 10, price: 0, daysOff: [], active: true }, adminCtx);
    const rs = await racers(host.core, host.url, CLIENTS, 'prov');
    cleanups.push(() => rs.close());
    // half ask for 14:30, half for 14:45 (overlapping it)
    const r = await fire(rs, (i) => ({ method: 'POST', path: '/api/v1/bookings', body: { provider_id: 1, date: DAY, time: i % 2 ? '14:30' : '14:45' } }));
    console.info(`provider: ${JSON.stringify(r.statuses)}`);
    expect(r.statuses).toEqual({ 201: 1, 409: CLIENTS - 1 });
    expect((await audit(host.core.deps.db))).toEqual({ overCapacity: [], providerOverlaps: [], appointments: 1 });
  });

  it('reschedules racing new bookings for the last seat: never over capacity', async () => {
    const host = await realHost();
    const { roomId, slots } = await roomWithSlots(host.core, 1);
    const rs = await racers(host.core, host.url, CLIENTS, 'move');
    cleanups.push(() => rs.close());
    // Eight movers each hold a seat in slots 9–16; the eight others want slots 1–8. Round k: mover k
    // moves to slot k while newcomer k books slot k, both at once.
    const movers = rs.clients.slice(0, 8);
    const ids: number[] = [];
    for (let k = 0; k < 8; k++) {
      const res = await movers[k]!.send({ method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[8 + k], roomId } });
      expect(res.status).toBe(201);
      ids.push((JSON.parse(res.body) as { booking: { id: number } }).booking.id);
    }
    const r = await fire(rs, (i) =>
      i < 8
        ? { method: 'PUT', path: `/api/v1/bookings/${ids[i]}/reschedule`, body: { newTimeslotId: slots[i] } }
        : { method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[i - 8], roomId } },
    );
    console.info(`reschedule race: ${JSON.stringify(r.statuses)}`);
    // each of slots 1–8 went to exactly one of its two contenders
    expect((r.statuses[200] ?? 0) + (r.statuses[201] ?? 0)).toBe(8);
    expect(r.statuses[409]).toBe(8);
    expect((await audit(host.core.deps.db)).overCapacity).toEqual([]);
    for (const slot of slots) {
      const live = await host.core.deps.db.get<{ n: number }>(`SELECT count(*) AS n FROM appointments WHERE timeslot_id = ? AND status IN ('pending', 'confirmed')`, slot);
      expect(live!.n).toBeLessThanOrEqual(1);
    }
  });
});

/**
 * **Deliberately wrong**: seed 003's booking with the seat count and the insert split by an `await`.
 * While it waits, the other requests count the same free seat.
 */
function countThenAwaitThenInsert(core: Core) {
  const db = core.deps.db;
  return async (input: ParsedInput<'appointments:create'>, ctx: CallContext) => {
    if (!('timeslotId' in input)) throw new AppError('VALIDATION', 'timeslot bookings only');
    const slot = await getTimeslotRow(db, input.timeslotId, core.deps.clock());
    if (!slot) throw new AppError('NOT_FOUND', 'Timeslot not found');
    if (await countSlotBookings(db, slot.id, core.deps.clock()) >= slot.capacity) throw new AppError('CONFLICT', 'Timeslot is fully booked');
    await new Promise((resolve) => setImmediate(resolve));
    const id = await insertAppointment(db, {
      kind: 'timeslot', userId: ctx.actor.userId, guestName: 'Racer', guestEmail: null, roomId: slot.roomId, timeslotId: slot.id, providerId: null,
      startMs: slot.startMs, endMs: slot.endMs, occupiedUntilMs: slot.endMs, startAt: slot.startTime, endAt: slot.endTime, localDate: slot.date,
      localTime: '09:00:00', status: 'pending', price: 0, notes: '', bookingType: null, holdUntilMs: null, createdBy: ctx.actor.username,
    }, core.deps.clock());
    return { booking: await core.services.appointments.get(id, ctx), checkoutUrl: null, message: 'Booking created. Complete payment to confirm.' };
  };
}

describe('the check can see an over-booking', () => {
  it('the same race against a handler that awaits between the seat count and the insert over-books the slot', async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    const { roomId, slots } = await roomWithSlots(t.core, 1);
    // PostgreSQL's own guard (the seats trigger) would refuse the extra seats: off, to show what the split check alone lets through.
    if (t.db.dialect === 'postgres') await t.db.run('ALTER TABLE appointments DISABLE TRIGGER appointments_timeslot_seats');
    const broken = countThenAwaitThenInsert(t.core);
    const call = ((name, input, ctx) =>
      name === 'appointments:create' ? broken(input as ParsedInput<'appointments:create'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const rs = await racers(t.core, url, CLIENTS, 'broken');
    cleanups.push(() => rs.close());
    const r = await fire(rs, () => ({ method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[0], roomId } }));
    console.info(`broken handler: ${JSON.stringify(r.statuses)}`);
    expect(r.statuses[201]).toBeGreaterThan(1);
    expect((await audit(t.db)).overCapacity.length).toBeGreaterThan(0);
  });
});
