/**
 * Child process: the load of benchmark 9 (memory), signed in, every answer read whole.
 * - `board`: N connections, each asking for the board again as soon as it has the last one, for a
 *   fixed time (8 desks keeping the 300-room, 90-day board open); with `book`, one seed 000 booking
 *   every `everyMs` beside them (each a change, so the next board is built anew: core/read-memo.ts).
 * - `soak:start` / `soak:stop`: a steady mix at a fixed rate until told to stop — reads (the board for
 *   two weeks, free rooms, the stays list), seed 000 bookings (201 or 409), and the stays CSV download,
 *   in fixed proportions; any other status or a network error is a failure.
 */
import { addDays } from '../../shared/time';
import { serveParent } from './child-process';
import { createLoadHttpClient } from './http-client';
import type { PlanRoom } from './load-client-process';
import { nowMs, percentile, seededRandom } from './stats';

interface Tally {
  requests: number;
  bytes: number;
  statuses: Record<string, number>;
  failures: number;
  failureSamples: string[];
  latencies: number[];
}

const newTally = (): Tally => ({ requests: 0, bytes: 0, statuses: {}, failures: 0, failureSamples: [], latencies: [] });

function count(t: Tally, status: number, body: string, ms: number, ok: boolean): void {
  t.requests++;
  t.bytes += body.length;
  t.latencies.push(ms);
  t.statuses[status] = (t.statuses[status] ?? 0) + 1;
  if (!ok) {
    t.failures++;
    if (t.failureSamples.length < 5) t.failureSamples.push(`${status} ${body.slice(0, 200)}`);
  }
}

function fail(t: Tally, e: unknown): void {
  t.failures++;
  if (t.failureSamples.length < 5) t.failureSamples.push(String(e));
}

function summary(t: Tally) {
  const { latencies, ...rest } = t;
  return { ...rest, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

interface BoardBookings {
  everyMs: number;
  rooms: PlanRoom[];
  /** The first night booked: one night per room, then the next night. */
  fromDate: string;
}

/** One booking every `b.everyMs` until `deadline`, each a night no one has: all 201. */
async function bookBeside(b: BoardBookings, origin: string, token: string, deadline: number) {
  const http = await createLoadHttpClient(origin, 1, { authorization: `Bearer ${token}` });
  const tally = newTally();
  for (let k = 0; nowMs() < deadline; k++) {
    const room = b.rooms[k % b.rooms.length]!;
    const night = addDays(b.fromDate, Math.floor(k / b.rooms.length));
    const t0 = nowMs();
    try {
      const res = await http.request('POST', '/bookings', JSON.stringify({ roomnumber: room.number, category: room.category, checkin: night, checkout: addDays(night, 1) }));
      count(tally, res.status, res.body, nowMs() - t0, res.status === 201);
    } catch (e) {
      fail(tally, e);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, b.everyMs - (nowMs() - t0))));
  }
  await http.close();
  return summary(tally);
}

async function board(m: { origin: string; token: string; connections: number; durationMs: number; path: string; book?: BoardBookings }) {
  const http = await createLoadHttpClient(m.origin, m.connections, { authorization: `Bearer ${m.token}` });
  const tally = newTally();
  const deadline = nowMs() + m.durationMs;
  const bookings = m.book ? bookBeside(m.book, m.origin, m.token, deadline) : undefined;
  const desk = async () => {
    while (nowMs() < deadline) {
      const t0 = nowMs();
      try {
        const res = await http.request('GET', m.path);
        count(tally, res.status, res.body, nowMs() - t0, res.status === 200);
      } catch (e) {
        fail(tally, e);
      }
    }
  };
  await Promise.all(Array.from({ length: m.connections }, desk));
  await http.close();
  return { type: 'board:done', ...summary(tally), bookings: await bookings };
}

/** Per 20 requests of the soak: 11 reads, 7 bookings, 2 CSV downloads. */
const SOAK_MIX = ['read', 'book', 'read', 'read', 'book', 'read', 'csv', 'read', 'book', 'read', 'read', 'book', 'read', 'book', 'read', 'csv', 'read', 'book', 'read', 'book'] as const;

let soak: { timer: NodeJS.Timeout; tally: Tally; inFlight: Set<Promise<void>>; close(): Promise<void> } | undefined;

async function startSoak(m: { origin: string; token: string; perSecond: number; rooms: PlanRoom[]; fromDate: string; days: number; seed: number }) {
  const http = await createLoadHttpClient(m.origin, 8, { authorization: `Bearer ${m.token}` });
  const rand = seededRandom(m.seed);
  const tally = newTally();
  const inFlight = new Set<Promise<void>>();
  let i = 0;
  const reads = [
    () => `/api/v1/board?from=${addDays(m.fromDate, Math.floor(rand() * 30))}&days=14`,
    () => {
      const night = addDays(m.fromDate, Math.floor(rand() * m.days));
      return `/api/v1/rooms/free?checkin=${night}&checkout=${addDays(night, 2)}`;
    },
    () => `/api/v1/stays?from=${m.fromDate}&to=${addDays(m.fromDate, 7)}`,
  ];
  const fire = () => {
    const kind = SOAK_MIX[i++ % SOAK_MIX.length]!;
    const t0 = nowMs();
    let call;
    if (kind === 'read') call = http.request('GET', reads[i % reads.length]!());
    else if (kind === 'csv') call = http.request('GET', '/api/v1/exports/stays.csv');
    else {
      const room = m.rooms[Math.floor(rand() * m.rooms.length)]!;
      const night = addDays(m.fromDate, Math.floor(rand() * m.days));
      call = http.request('POST', '/bookings', JSON.stringify({ roomnumber: room.number, category: room.category, checkin: night, checkout: addDays(night, 1) }));
    }
    const done = call.then(
      (res) => count(tally, res.status, res.body, nowMs() - t0, kind === 'book' ? res.status === 201 || res.status === 409 : res.status === 200),
      (e: unknown) => fail(tally, e),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  soak = { timer: setInterval(fire, 1000 / m.perSecond), tally, inFlight, close: () => http.close() };
  return { type: 'soak:started' };
}

async function stopSoak() {
  const state = soak!;
  clearInterval(state.timer);
  await Promise.all([...state.inFlight]);
  await state.close();
  soak = undefined;
  return { type: 'soak:done', ...summary(state.tally) };
}

serveParent(
  {
    board: (m) => board(m as never),
    'soak:start': (m) => startSoak(m as never),
    'soak:stop': () => stopSoak(),
  },
  async () => {
    if (soak) await stopSoak();
  },
);
process.send!({ type: 'ready' });
