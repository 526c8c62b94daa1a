/**
 * Child process: the HTTP load. Two shapes:
 * - `closed-loop`: N connections, each sending its next request as soon as the previous answer
 *   arrives, for a fixed time (the booking benchmark's "50 keep-alive connections").
 * - `paced`: one request every `intervalMs` whatever the answers do, until told to stop (the desk's
 *   availability checks running beside the CSV export); any unexpected status or network error is
 *   a failure.
 */
import { addDays } from '../../shared/time';
import { serveParent } from './child-process';
import { createLoadHttpClient, type LoadHttpClient } from './http-client';
import { nowMs, percentile, seededRandom } from './stats';
import { requestTrace } from './tail-bursts';

export interface PlanRoom {
  number: number;
  category: string;
}

export interface LatencySummary {
  requests: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** Network errors and unexpected statuses (first few, with the body). */
  failures: number;
  failureSamples: string[];
}

function summarize(latencies: number[], statuses: Record<string, number>, failures: number, failureSamples: string[]): LatencySummary {
  return {
    requests: latencies.length,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    failures,
    failureSamples,
  };
}

/** Seed 000 booking k: room k mod n, the night ⌊k / n⌋ after `startDate`, so no two requests overlap. */
function freeBooking(rooms: PlanRoom[], startDate: string, k: number): string {
  const room = rooms[k % rooms.length]!;
  const night = Math.floor(k / rooms.length);
  return JSON.stringify({
    roomnumber: room.number,
    category: room.category,
    checkin: `${addDays(startDate, night)}T14:00:00`,
    checkout: `${addDays(startDate, night + 1)}T12:00:00`,
  });
}

/** One keep-alive client per host (a benchmark may restart its host on another port) and sign-in. */
const clients = new Map<string, LoadHttpClient>();
async function clientFor(origin: string, connections: number, token?: string): Promise<LoadHttpClient> {
  const key = `${origin} ${connections} ${token ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = await createLoadHttpClient(origin, connections, token ? { authorization: `Bearer ${token}` } : {});
    clients.set(key, client);
  }
  return client;
}

async function closedLoop(m: {
  origin: string;
  /**
   * Several servers behind a round-robin balancer (benchmark 14): the connections are spread over
   * them, connection j on server j mod n, `origin` unused.
   */
  origins?: string[];
  connections: number;
  durationMs: number;
  rooms: PlanRoom[];
  startDate: string;
  firstIndex: number;
  /** A bearer token sent with every request (the API needs a signed-in caller). */
  token?: string;
  /** Also return every request's sending time (epoch ms) and latency (tail-bursts.ts). */
  trace?: boolean;
}) {
  const origins = m.origins ?? [m.origin];
  const https = await Promise.all(origins.map((o, i) => clientFor(o, Math.ceil((m.connections - i) / origins.length), m.token)));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failureSamples: string[] = [];
  let failures = 0;
  let next = m.firstIndex;
  const started = nowMs();
  const deadline = started + m.durationMs;
  /** Each client's (one request in flight each) answered requests and their summed latency: is any served less? */
  const perClient = Array.from({ length: m.connections }, () => ({ n: 0, ms: 0 }));
  const trace = requestTrace(m.trace, started);
  const worker = async (_: unknown, j: number) => {
    const http = https[j % https.length]!;
    while (nowMs() < deadline) {
      const body = freeBooking(m.rooms, m.startDate, next++);
      const t0 = nowMs();
      try {
        const res = await http.request('POST', '/bookings', body);
        const ms = nowMs() - t0;
        latencies.push(ms);
        trace.add(t0, ms);
        perClient[j]!.n++;
        perClient[j]!.ms += ms;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== 201 && res.status !== 409) {
          failures++;
          if (failureSamples.length < 5) failureSamples.push(`${res.status} ${res.body.slice(0, 200)}`);
        }
      } catch (e) {
        failures++;
        if (failureSamples.length < 5) failureSamples.push(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: m.connections }, worker));
  const elapsedMs = nowMs() - started;
  const means = perClient.filter((c) => c.n > 0).map((c) => c.ms / c.n);
  const clientMeans = means.length ? { min: Math.min(...means), max: Math.max(...means) } : undefined;
  return { type: 'closed-loop:done', elapsedMs, nextIndex: next, client: https[0]!.kind, clientMeans, traced: trace.requests, ...summarize(latencies, statuses, failures, failureSamples) };
}

interface PacedState {
  latencies: number[];
  statuses: Record<string, number>;
  failures: number;
  failureSamples: string[];
  timer?: NodeJS.Timeout;
  inFlight: Set<Promise<void>>;
  trace: ReturnType<typeof requestTrace>;
}
let paced: PacedState | undefined;

/**
 * Alternates `GET /api/v1/rooms/free` (must be 200) and `POST /bookings` for a random room and night
 * in `[fromDate, fromDate + days)` (201 when free, 409 when taken: both are right answers); or, with
 * `mix: 'rooms'`, only `GET /api/v1/rooms` (a desk's plain read, must be 200: `rooms`, `fromDate`,
 * `days` unused).
 */
async function startPaced(m: {
  origin: string;
  intervalMs: number;
  rooms: PlanRoom[];
  fromDate: string;
  days: number;
  seed: number;
  /** Default both, alternating; one kind only for diagnosis; `rooms` the room list alone. */
  mix?: 'both' | 'free' | 'book' | 'rooms';
  /** A bearer token sent with every request (the API needs a signed-in caller). */
  token?: string;
  /** Also return every request's sending time (epoch ms) and latency (tail-bursts.ts). */
  trace?: boolean;
}) {
  const http = await clientFor(m.origin, 4, m.token);
  const rand = seededRandom(m.seed);
  const state: PacedState = { latencies: [], statuses: {}, failures: 0, failureSamples: [], inFlight: new Set(), trace: requestTrace(m.trace, nowMs()) };
  let i = 0;
  /** The next request: whether it is a read (200 expected), and the call. */
  const nextRequest = () => {
    if (m.mix === 'rooms') return { isRead: true, call: http.request('GET', '/api/v1/rooms') };
    const night = addDays(m.fromDate, Math.floor(rand() * m.days));
    const nightAfter = addDays(night, 1 + Math.floor(rand() * 3));
    const room = m.rooms[Math.floor(rand() * m.rooms.length)]!;
    const isRead = m.mix === 'free' || (m.mix !== 'book' && i++ % 2 === 0);
    const call = isRead
      ? http.request('GET', `/api/v1/rooms/free?checkin=${night}&checkout=${nightAfter}`)
      : http.request('POST', '/bookings', JSON.stringify({ roomnumber: room.number, category: room.category, checkin: night, checkout: nightAfter }));
    return { isRead, call };
  };
  const fire = () => {
    const t0 = nowMs();
    const { isRead, call } = nextRequest();
    const done = call.then(
      (res) => {
        const ms = nowMs() - t0;
        state.latencies.push(ms);
        state.trace.add(t0, ms);
        state.statuses[res.status] = (state.statuses[res.status] ?? 0) + 1;
        const ok = isRead ? res.status === 200 : res.status === 201 || res.status === 409;
        if (!ok) {
          state.failures++;
          if (state.failureSamples.length < 5) state.failureSamples.push(`${res.status} ${res.body.slice(0, 200)}`);
        }
      },
      (e: unknown) => {
        state.failures++;
        if (state.failureSamples.length < 5) state.failureSamples.push(String(e));
      },
    );
    state.inFlight.add(done);
    void done.finally(() => state.inFlight.delete(done));
  };
  state.timer = setInterval(fire, m.intervalMs);
  paced = state;
  return { type: 'paced:started' };
}

async function stopPaced() {
  const state = paced!;
  clearInterval(state.timer);
  await Promise.all([...state.inFlight]);
  paced = undefined;
  return { type: 'paced:done', traced: state.trace.requests, ...summarize(state.latencies, state.statuses, state.failures, state.failureSamples) };
}

serveParent(
  {
    'closed-loop': (m) => closedLoop(m as never),
    'paced:start': (m) => startPaced(m as never),
    'paced:stop': () => stopPaced(),
  },
  async () => {
    await Promise.all([...clients.values()].map((c) => c.close()));
  },
);
process.send!({ type: 'ready' });
