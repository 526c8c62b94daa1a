/**
 * Every domain's race for one thing, as N clients behind a balancer run it (issue 20 item 7): in each
 * round all the racers ask at once for the same room nights, timeslot seat, provider time, baby cot
 * or car days (a new one each round), so exactly one may win each round. Then the database itself is
 * searched for what must never be stored (committed rows only): two occupying stays of a room that
 * overlap, a slot over its capacity, two overlapping bookings of a provider, a cot lent twice, two
 * overlapping rentals of a car.
 *
 * `setup` makes the round's things through a core on the same database (the admin's own handlers),
 * and returns each racer's request. Dates lie well ahead of the real clock the servers run on.
 */
import type { Core } from '../../core/create-core';
import type { Db } from '../../db/database';
import { findOverlaps } from '../integration/race-harness';
import type { Balancer } from './round-robin';
import type { HttpCall } from './socket-client';
import { adminCtx, deskCtx } from './test-core';

export interface DomainRace {
  name: string;
  /** Who races: the desk (one staff token for all) or guests (one client user each). */
  racers: 'staff' | 'client';
  /** Makes `rounds` rounds' things; racer `i`'s request in round `k`. */
  setup(core: Core, rounds: number): Promise<(k: number, i: number) => HttpCall>;
  /** What must never be stored, found in the database (empty when all is well). */
  audit(db: Db): Promise<unknown[]>;
  /** The rows the winners made (one per round). */
  count(db: Db): Promise<number>;
}

const DAY_MS = 86_400_000;
const dayFrom = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const count = async (db: Db, sql: string) => Number((await db.get<{ n: number }>(sql))!.n);
const LIVE = `('pending', 'confirmed', 'completed', 'no_show')`;

const stays: DomainRace = {
  name: 'a room',
  racers: 'staff',
  async setup(core) {
    await core.handlers['rooms:create']({ number: 101, category: 'Standard single room', capacity: 1, nightlyRate: 89_500, floor: 1, housekeeping: 'clean' }, adminCtx);
    // Round k: four nights in week k from 2030-06-01.
    return (k) => ({ method: 'POST', path: '/bookings', body: { roomnumber: 101, category: 'Standard single room', checkin: `${dayFrom('2030-06-01', 7 * k)}T14:00:00`, checkout: `${dayFrom('2030-06-01', 7 * k + 4)}T12:00:00` } });
  },
  audit: async (db) => (await findOverlaps(db)).overlaps,
  count: (db) => count(db, 'SELECT count(*) AS n FROM stays'),
};

const timeslots: DomainRace = {
  name: 'a timeslot',
  racers: 'client',
  async setup(core, rounds) {
    const h = core.handlers;
    const room = await h['serviceRooms:create']({ name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 60_000, isActive: true }, adminCtx);
    // Sixteen 30-minute slots a day, so rounds/16 days.
    await h['timeslots:generate']({ roomId: room.id, startDate: '2030-06-03', endDate: dayFrom('2030-06-03', Math.ceil(rounds / 16)), slotDuration: 30, workingHours: { start: '09:00', end: '17:00' } }, adminCtx);
    const slots = (await core.deps.db.all<{ id: number }>('SELECT id FROM timeslots WHERE room_id = ? ORDER BY start_ms', room.id)).map((s) => s.id);
    return (k) => ({ method: 'POST', path: '/api/v1/bookings', body: { timeslotId: slots[k], roomId: room.id } });
  },
  audit: (db) => db.all(`SELECT t.id, t.capacity, count(a.id) AS n FROM timeslots t JOIN appointments a ON a.timeslot_id = t.id WHERE a.status IN ${LIVE} GROUP BY t.id, t.capacity HAVING count(a.id) > t.capacity`),
  count: (db) => count(db, `SELECT count(*) AS n FROM appointments WHERE timeslot_id IS NOT NULL`),
};

const providerTime: DomainRace = {
  name: "a provider's time",
  racers: 'client',
  async setup(core) {
    const p = await core.handlers['providers:create']({ name: 'Sofie Lund', email: 'sofie@example.dk', appointmentMinutes: 30, bufferMinutes: 10, price: 0, daysOff: [], active: true }, adminCtx);
    // Round k, on day k: half ask for 14:30, half for 14:45 (overlapping it).
    return (k, i) => ({ method: 'POST', path: '/api/v1/bookings', body: { provider_id: p.id, date: dayFrom('2030-06-03', k), time: i % 2 ? '14:30' : '14:45' } });
  },
  audit: (db) =>
    db.all(`SELECT a.id AS first, b.id AS second FROM appointments a JOIN appointments b ON b.provider_id = a.provider_id AND b.id > a.id
            WHERE a.status IN ${LIVE} AND b.status IN ${LIVE} AND a.start_ms < b.occupied_until_ms AND b.start_ms < a.occupied_until_ms`),
  count: (db) => count(db, 'SELECT count(*) AS n FROM appointments WHERE provider_id IS NOT NULL'),
};

const stock: DomainRace = {
  name: 'stock',
  racers: 'client',
  async setup(core, rounds) {
    // Round k: the hotel's one baby cot number k, everyone asking for it (seed 002's booking).
    for (let k = 0; k < rounds; k++) await core.handlers['stock:create']({ name: `Baby cot ${k}`, description: 'Travel cot', totalQuantity: 1 }, deskCtx);
    return (k) => ({ method: 'POST', path: '/bookings/', body: { resource: `Baby cot ${k}`, purchase_quantity: 1 } });
  },
  audit: (db) =>
    db.all(`SELECT r.name, r.available_quantity AS available, (SELECT coalesce(sum(quantity), 0) FROM stock_bookings b WHERE b.resource_id = r.id AND b.status = 'out') AS out
            FROM stock_resources r WHERE r.available_quantity < 0 OR r.available_quantity + (SELECT coalesce(sum(quantity), 0) FROM stock_bookings b WHERE b.resource_id = r.id AND b.status = 'out') <> r.total_quantity`),
  count: (db) => count(db, 'SELECT count(*) AS n FROM stock_bookings'),
};

/** Every two of these overlap (the latest start is before the earliest end). */
const PERIODS = [
  { from: '2030-06-01', to: '2030-06-05' },
  { from: '2030-06-02', to: '2030-06-06' },
  { from: '2030-06-04', to: '2030-06-08' },
];

const car: DomainRace = {
  name: 'a car',
  racers: 'staff',
  async setup(core) {
    const c = await core.handlers['cars:create']({ brand: 'Toyota', model: 'Corolla', fuelType: 'Petrol', mileage: 12_000, plate: 'AB 12 345', seats: 5, dailyRate: 59_500, notes: '' }, deskCtx);
    // Round k: the periods moved 8 days later per round, each racer one of the three.
    return (k, i) => {
      const p = PERIODS[(i + k) % PERIODS.length]!;
      return { method: 'POST', path: '/api/v1/rentals', body: { carId: c.id, guestName: `Racer ${i}`, from: dayFrom(p.from, 8 * k), to: dayFrom(p.to, 8 * k) } };
    };
  },
  audit: (db) =>
    db.all(`SELECT a.id AS a, b.id AS b FROM car_rentals a JOIN car_rentals b ON b.car_id = a.car_id AND b.id > a.id
            WHERE a.status IN ('reserved', 'out') AND b.status IN ('reserved', 'out') AND a.from_date < b.to_date AND b.from_date < a.to_date`),
  count: (db) => count(db, 'SELECT count(*) AS n FROM car_rentals'),
};

export const DOMAIN_RACES: readonly DomainRace[] = [stays, timeslots, providerTime, stock, car];

export interface RaceRounds {
  statuses: Record<number, number>;
  /** How many won (201) in each round. */
  winners: number[];
  /** Answers by server (index), all rounds together. */
  perServer: number[];
  /** Answers other than 201 and 409, as `status body`. */
  unexpected: string[];
  ms: number;
}

/**
 * `rounds` rounds: each racer (one balanced client per token, its connections open first) sends its
 * request of the round at once, the balancer spreading them over the servers; the next round starts
 * when every answer is in.
 */
export async function raceRounds(balancer: Balancer, tokens: readonly string[], rounds: number, request: (k: number, i: number) => HttpCall): Promise<RaceRounds> {
  const clients = tokens.map((t) => balancer.client(t));
  const result: RaceRounds = { statuses: {}, winners: [], perServer: balancer.urls.map(() => 0), unexpected: [], ms: 0 };
  try {
    await Promise.all(clients.flatMap((c) => balancer.urls.map((_, s) => c.sendTo(s, { method: 'GET', path: '/health/ready' }))));
    const started = performance.now();
    for (let k = 0; k < rounds; k++) {
      const answers = await Promise.all(clients.map((c, i) => c.send(request(k, i))));
      for (const a of answers) {
        result.statuses[a.status] = (result.statuses[a.status] ?? 0) + 1;
        result.perServer[a.server]! += 1;
        if (a.status !== 201 && a.status !== 409) result.unexpected.push(`${a.status} ${a.failure ?? a.body}`);
      }
      result.winners.push(answers.filter((a) => a.status === 201).length);
    }
    result.ms = performance.now() - started;
    return result;
  } finally {
    for (const c of clients) c.close();
  }
}
