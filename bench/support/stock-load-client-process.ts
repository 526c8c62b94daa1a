/**
 * Child process: seed 002's stock bookings as HTTP load. `closed-loop`: N keep-alive connections,
 * each sending `POST /bookings/` `{resource, purchase_quantity: 1}` for the same resource (one hot
 * row) as soon as its last answer arrived, for a fixed time. 201 and 409 are answers; anything else
 * is a failure.
 */
import { serveParent } from './child-process';
import { createLoadHttpClient, type LoadHttpClient } from './http-client';
import { nowMs, percentile } from './stats';

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

async function closedLoop(m: { origin: string; token: string; connections: number; durationMs: number; resource: string }) {
  const http = await clientFor(m.origin, m.connections, m.token);
  const body = JSON.stringify({ resource: m.resource, purchase_quantity: 1 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failureSamples: string[] = [];
  let failures = 0;
  const started = nowMs();
  const deadline = started + m.durationMs;
  const worker = async () => {
    while (nowMs() < deadline) {
      const t0 = nowMs();
      try {
        const res = await http.request('POST', '/bookings/', body);
        latencies.push(nowMs() - t0);
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
  };
}

serveParent({ 'closed-loop': (m) => closedLoop(m as never) }, async () => {
  await Promise.all([...clients.values()].map((c) => c.close()));
});
process.send!({ type: 'ready' });
