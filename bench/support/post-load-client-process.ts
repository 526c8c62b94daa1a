/**
 * Child process: POST load for the booking benchmarks. `closed-loop`: N keep-alive connections, each
 * sending its next `POST <path>` as soon as its last answer arrived, until `durationMs` has passed or
 * the bodies run out. The body is either one for every request (`body`: seed 002's stock booking of
 * one hot row) or the next of a list (`bodies`: seed 003's timeslot bookings, one distinct slot
 * each). The statuses in `expected` are answers (201, and 409 where a refusal is part of the load);
 * anything else is a failure.
 */
import { serveParent } from './child-process';
import { createLoadHttpClient, type LoadHttpClient } from './http-client';
import { nowMs, percentile } from './stats';
import { requestTrace, type TracedRequest } from './tail-bursts';

export interface PostLoad {
  origin: string;
  token: string;
  connections: number;
  durationMs: number;
  path: string;
  body?: string;
  bodies?: string[];
  expected: number[];
  /** Also return every request's sending time (epoch ms) and latency (tail-bursts.ts). */
  trace?: boolean;
}

export type PostLoadReply = {
  elapsedMs: number;
  requests: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  failures: number;
  failureSamples: string[];
  client: string;
  traced?: TracedRequest[];
};

const clients = new Map<string, LoadHttpClient>();
async function clientFor(origin: string, connections: number, token: string): Promise<LoadHttpClient> {
  const key = `${origin} ${connections} ${token}`;
  let client = clients.get(key);
  if (!client) {
    client = await createLoadHttpClient(origin, connections, { authorization: `Bearer ${token}` });
    clients.set(key, client);
  }
  return client;
}

async function closedLoop(m: PostLoad): Promise<PostLoadReply & { type: string }> {
  const http = await clientFor(m.origin, m.connections, m.token);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failureSamples: string[] = [];
  let failures = 0;
  let next = 0;
  const bodyOf = (): string | undefined => (m.bodies ? m.bodies[next++] : m.body);
  const started = nowMs();
  const deadline = started + m.durationMs;
  const trace = requestTrace(m.trace, started);
  const worker = async () => {
    for (let body = bodyOf(); body !== undefined && nowMs() < deadline; body = bodyOf()) {
      const t0 = nowMs();
      try {
        const res = await http.request('POST', m.path, body);
        const ms = nowMs() - t0;
        latencies.push(ms);
        trace.add(t0, ms);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (!m.expected.includes(res.status)) {
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
  return {
    type: 'closed-loop:done',
    elapsedMs: nowMs() - started,
    requests: latencies.length,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
    failureSamples,
    client: http.kind,
    traced: trace.requests,
  };
}

serveParent({ 'closed-loop': (m) => closedLoop(m as never) }, async () => {
  await Promise.all([...clients.values()].map((c) => c.close()));
});
process.send!({ type: 'ready' });
