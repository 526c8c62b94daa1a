/**
 * `npx tsx bench/ab/amqp-outbox-cost.ts [--rounds N] [--messages N] [--broker fake|real]`:
 * the outbox worker's own CPU per fleet event (benchmark 12's outbox side), and each SQL statement's
 * share of it (CPU of its synchronous call, `process.cpuUsage`). `--broker fake`: a link that confirms
 * every publish on the next turn (no RabbitMQ: the outbox's cost alone); `real`: a private node.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commit } from '../../core/commit';
import type { AmqpLink } from '../../core/outbox/amqp-link';
import { createOutboxWorker } from '../../core/outbox/outbox-worker';
import { createBrokerLinks, type BrokerLinks } from '../../core/outbox/transports';
import { createRabbitNode, type RabbitNode } from '../../tests/support/rabbitmq-node';
import { startTestHost } from '../../tests/support/test-host';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '4' }, messages: { type: 'string', default: '4000' }, broker: { type: 'string', default: 'fake' } } });
const rounds = Number(values.rounds);
const count = Number(values.messages);
let rabbit: RabbitNode | undefined;
let url = 'amqp://fake';
if (values.broker === 'real') {
  rabbit = await createRabbitNode();
  url = rabbit.url();
  const { default: amqp } = await import('amqplib');
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.assertExchange('frontdesk.events', 'topic', { durable: true });
  await ch.assertQueue('bench', { durable: true, arguments: { 'x-max-length': 1 } });
  await ch.bindQueue('bench', 'frontdesk.events', 'car.#');
  await conn.close();
}
const fakeLink: AmqpLink = {
  ready: () => true,
  publish: () => new Promise((r) => setImmediate(() => r({ kind: 'sent' }))),
  status: () => ({ url, state: 'up', error: null, sinceMs: 0, lostConfirms: 0, returned: 0 }),
  close: async () => undefined,
};
const th = await startTestHost({ worker: false, settings: { eventServiceUrl: '', billingServiceUrl: '' } });
const deps = th.host.core.deps;
const db = deps.db as unknown as Record<string, (...a: unknown[]) => unknown>;
const perSql = new Map<string, { n: number; us: number; wallUs: number; walls: number[] }>();
let measuring = false;
const walFd = openSync(`${(deps.db as unknown as { location: string }).location}-wal`, 'r');
const header = Buffer.alloc(32);
/** The WAL header's checkpoint sequence: it moves when a checkpoint resets the WAL. */
const walSeq = () => {
  readSync(walFd, header, 0, 32, 0);
  return header.readUInt32BE(12);
};
let lastSeq = walSeq();
const checkpoints: string[] = [];
for (const method of ['get', 'all', 'run', 'send', 'tuples']) {
  const orig = db[method]!.bind(db);
  db[method] = (sql: unknown, ...rest: unknown[]) => {
    if (!measuring) return orig(sql, ...rest);
    const c = process.cpuUsage();
    const w = performance.now();
    try {
      return orig(sql, ...rest);
    } finally {
      const seq = walSeq();
      if (seq !== lastSeq) {
        checkpoints.push(`${String(sql).replace(/\s+/g, ' ').slice(0, 30)} ${(performance.now() - w).toFixed(1)} ms`);
        lastSeq = seq;
      }
      const u = process.cpuUsage(c);
      const key = String(sql).replace(/\s+/g, ' ').slice(0, 60);
      const e = perSql.get(key) ?? { n: 0, us: 0, wallUs: 0, walls: [] };
      e.wallUs += (performance.now() - w) * 1000;
      e.walls.push(performance.now() - w);
      e.n++;
      e.us += u.user + u.system;
      perSql.set(key, e);
    }
  };
}
let cpuUs = 0;
let firstPublish: number | undefined;
let lastConfirm = 0;
let inflight = 0;
let inflightArea = 0;
let lastChange = 0;
let seconds = 0;
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < count; i += 500) {
    await commit(deps, async (c) => {
      for (let j = i; j < Math.min(count, i + 500); j++) {
        const carId = Math.floor(j / 10) + 1;
        await c.enqueue({ target: 'events', topic: 'car.updated', aggregate: `car:${carId}`, path: '', payload: { type: 'car.updated', occurredAt: '2026-05-01T10:00:00+02:00', data: { car: { car_id: carId, brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 10_000 + j, is_rented: false, has_damage: false, plate: `FL ${carId}` } } } });
      }
    });
  }
  let brokers: BrokerLinks;
  if (values.broker === 'real') {
    brokers = createBrokerLinks({ clock: Date.now });
    const link = brokers.link(url);
    while (!link.ready()) await new Promise((r) => setTimeout(r, 10));
    const publish = link.publish.bind(link);
    link.publish = async (m, t) => {
      firstPublish ??= performance.now();
      const at = performance.now();
      inflightArea += inflight * (at - lastChange);
      lastChange = at;
      inflight++;
      const o = await publish(m, t);
      lastConfirm = performance.now();
      inflightArea += inflight * (lastConfirm - lastChange);
      lastChange = lastConfirm;
      inflight--;
      return o;
    };
  } else brokers = { link: () => fakeLink, status: () => null, close: async () => undefined };
  const worker = createOutboxWorker({
    db: deps.db, clock: Date.now, events: deps.events, brokers, batchSize: Number.MAX_SAFE_INTEGER, concurrency: 16,
    getSettings: () => ({ ...th.host.core.settings.get(), eventServiceUrl: url }),
  });
  firstPublish = undefined;
  inflightArea = 0;
  lastChange = performance.now();
  measuring = true;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const attempts = await worker.tick();
  const s = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  measuring = false;
  if (attempts !== count) throw new Error(`${attempts} attempts of ${count}`);
  if (round > 0) {
    cpuUs += used.user + used.system;
    seconds += s;
  }
  await worker.stop();
  await deps.db.run(`DELETE FROM outbox`);
  console.log(`round ${round}: ${(count / s).toFixed(0)}/s, CPU ${((used.user + used.system) / count).toFixed(1)} µs/event; first publish after ${((firstPublish ?? t0) - t0).toFixed(1)} ms, done ${(t0 + s * 1000 - lastConfirm).toFixed(1)} ms after the last confirm, of ${(s * 1000).toFixed(0)} ms; in flight on average ${(inflightArea / (s * 1000)).toFixed(1)}`);
}
const events = (rounds - 1) * count;
console.log(`\nrounds 2..: ${(events / seconds).toFixed(0)}/s, CPU ${(cpuUs / events).toFixed(1)} µs/event (load ${readFileSync('/proc/loadavg', 'utf8').trim()})`);
console.log(`WAL resets (a checkpoint) in: ${checkpoints.length} statements: ${checkpoints.join('; ')}`);
console.log('per statement, all rounds (µs per event, calls):');
for (const [k, v] of [...perSql].sort((a, b) => b[1].us - a[1].us)) console.log(`  ${(v.us / (rounds * count)).toFixed(2).padStart(6)} CPU ${(v.wallUs / (rounds * count)).toFixed(2).padStart(6)} wall (${(v.wallUs / v.n / 1000).toFixed(2)} ms a call; p50 ${v.walls.sort((a, b) => a - b)[v.walls.length >> 1]!.toFixed(2)} p90 ${v.walls[Math.floor(v.walls.length * 0.9)]!.toFixed(2)} max ${v.walls.at(-1)!.toFixed(1)}) ${String(v.n).padStart(6)}  ${k}`);
await th.close();
await rabbit?.destroy();
