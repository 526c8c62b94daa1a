/**
 * Child process of benchmark 12 (bench/amqp-outbox-bench.ts): a private RabbitMQ node
 * (tests/support/rabbitmq-node.ts) and a host's SQLite database (fsync on); each run drains events
 * through the outbox and publishes the same through a raw amqplib client, back to back, in this
 * process, and reports what each took and cost. Started built as `npm run serve`'s server is
 * (bench/vite.outbox.config.ts, support/host-build.ts), with the host's V8 flags and glibc settings,
 * so the outbox runs as it ships: the export worker the host lends for checkpoints is the bundled one.
 */
import amqp from 'amqplib';
import { commit } from '../../core/commit';
import { createOutboxWorker } from '../../core/outbox/outbox-worker';
import { createBrokerLinks } from '../../core/outbox/transports';
import { createRabbitNode, type RabbitNode } from '../../tests/support/rabbitmq-node';
import { startTestHost, type TestHost } from '../../tests/support/test-host';
import { serveParent } from './child-process';

/** What `measure` asks for. */
export interface OutboxMeasureRequest { [key: string]: unknown; type: 'measure'; runs: number; count: number }
/** One run: seconds each side took, and this process's CPU and event-loop busy time per event (µs). */
export interface OutboxRun {
  outboxS: number; windowedS: number; pipelinedS: number;
  oursCpu: number; rawCpu: number; oursBusy: number; rawBusy: number;
}
/** Each run is sent as it ends (`type: 'run'`, with its number and the window), and all of them at the end (`type: 'measured'`). */
export interface OutboxMeasured { type: 'measured'; runs: OutboxRun[]; perCar: number; window: number }

/** What one side cost this process: CPU (user + system, µs) and the event loop's busy time (ms, fsyncs on it included). */
interface Cost { cpuUs: number; busyMs: number }

async function costOf<T>(cost: Cost, fn: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  try {
    return await fn();
  } finally {
    const used = process.cpuUsage(cpu);
    cost.cpuUs += used.user + used.system;
    cost.busyMs += performance.eventLoopUtilization(elu).active;
  }
}

const PER_CAR = 10;
const WINDOW = 16;
const SEGMENTS = 4;
const TYPES = ['car.added', 'car.updated', 'car.reserved', 'car.rented', 'car.returned'];

interface Msg { carId: number; type: string; payload: string; key: string }

/** `count` events of 10 per car; `round` makes their idempotency keys new. */
function messagesFor(count: number, round: number): Msg[] {
  const out: Msg[] = [];
  for (let i = 0; i < count; i++) {
    const carId = Math.floor(i / PER_CAR) + 1;
    const type = TYPES[i % TYPES.length]!;
    const payload = JSON.stringify({ type, occurredAt: '2026-05-01T10:00:00+02:00', data: { car: { car_id: carId, brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 10_000 + i, is_rented: false, has_damage: false, plate: `FL ${carId}` } } });
    out.push({ carId, type, payload, key: `bench-${round}-${i}` });
  }
  return out;
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

/** The outbox: enqueue (untimed), then the worker drains it: seconds from the first attempt to the last sent. */
async function throughOutbox(th: TestHost, url: string, msgs: Msg[], cost: Cost): Promise<number> {
  const deps = th.host.core.deps;
  for (let i = 0; i < msgs.length; i += 500) {
    await commit(deps, async (c) => {
      for (const m of msgs.slice(i, i + 500)) await c.enqueue({ target: 'events', topic: m.type, aggregate: `car:${m.carId}`, path: '', payload: JSON.parse(m.payload) as object });
    });
  }
  const brokers = createBrokerLinks({ clock: Date.now });
  const link = brokers.link(url);
  await until(() => link.ready());
  const worker = createOutboxWorker({
    db: deps.db, clock: Date.now, events: deps.events, brokers, batchSize: Number.MAX_SAFE_INTEGER, concurrency: WINDOW,
    getSettings: () => ({ ...th.host.core.settings.get(), eventServiceUrl: url }),
  });
  const t0 = performance.now();
  const attempts = await costOf(cost, () => worker.tick());
  const seconds = (performance.now() - t0) / 1000;
  await worker.stop();
  const sent = (await deps.db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'sent'`))!.n;
  await deps.db.run(`DELETE FROM outbox`);
  if (attempts !== msgs.length || sent !== msgs.length) throw new Error(`outbox: ${attempts} attempts, ${sent} sent of ${msgs.length}`);
  return seconds;
}

function publishConfirmed(ch: amqp.ConfirmChannel, m: Msg): Promise<void> {
  return new Promise((resolve, reject) => {
    ch.publish('frontdesk.events', m.type, Buffer.from(m.payload), {
      mandatory: true, persistent: true, contentType: 'application/json', messageId: m.key, timestamp: Math.floor(Date.now() / 1000),
    }, (err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
  });
}

/** The raw client: one car's messages one after another, `window` cars at once (the outbox's promise). */
async function rawWindowed(ch: amqp.ConfirmChannel, msgs: Msg[], window: number, cost: Cost): Promise<number> {
  const byCar = new Map<number, Msg[]>();
  for (const m of msgs) byCar.set(m.carId, [...(byCar.get(m.carId) ?? []), m]);
  const cars = [...byCar.values()];
  const t0 = performance.now();
  let next = 0;
  await costOf(cost, () => Promise.all(Array.from({ length: window }, async () => {
    for (let car = cars[next++]; car; car = cars[next++]) for (const m of car) await publishConfirmed(ch, m);
  })));
  return (performance.now() - t0) / 1000;
}

/** The raw client with everything in flight at once, all confirms awaited at the end. */
async function rawPipelined(ch: amqp.ConfirmChannel, msgs: Msg[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(msgs.map((m) => publishConfirmed(ch, m)));
  return (performance.now() - t0) / 1000;
}

async function measure(m: OutboxMeasureRequest): Promise<OutboxMeasured> {
  const { count } = m;
  let rabbit: RabbitNode | undefined;
  let th: TestHost | undefined;
  const runs: OutboxRun[] = [];
  try {
    rabbit = await createRabbitNode();
    const url = rabbit.url();
    const conn = await amqp.connect(url);
    const ch = await conn.createConfirmChannel();
    await ch.assertExchange('frontdesk.events', 'topic', { durable: true });
    await ch.assertQueue('bench', { durable: true });
    await ch.bindQueue('bench', 'frontdesk.events', 'car.#');
    th = await startTestHost({ worker: false, settings: { eventServiceUrl: '', billingServiceUrl: '' } });
    for (let run = 1; run <= m.runs; run++) {
      // The run's messages in SEGMENTS pieces, each measured through the outbox and raw back to back
      // (the order alternating), so a swing of the broker's speed falls on both alike.
      let [oursS, rawS] = [0, 0];
      const oursCost: Cost = { cpuUs: 0, busyMs: 0 };
      const rawCost: Cost = { cpuUs: 0, busyMs: 0 };
      for (let seg = 0; seg < SEGMENTS; seg++) {
        const msgs = messagesFor(count / SEGMENTS, run * SEGMENTS + seg);
        const outbox = async () => (oursS += await throughOutbox(th!, url, msgs, oursCost));
        const raw = async () => (rawS += await rawWindowed(ch, msgs, WINDOW, rawCost));
        for (const step of seg % 2 === run % 2 ? [outbox, raw] : [raw, outbox]) {
          await step();
          await ch.purgeQueue('bench');
        }
      }
      const pipelinedS = await rawPipelined(ch, messagesFor(count, run));
      await ch.purgeQueue('bench');
      const one: OutboxRun = {
        outboxS: oursS, windowedS: rawS, pipelinedS,
        oursCpu: oursCost.cpuUs / count, rawCpu: rawCost.cpuUs / count,
        oursBusy: (oursCost.busyMs * 1000) / count, rawBusy: (rawCost.busyMs * 1000) / count,
      };
      runs.push(one);
      process.send!({ type: 'run', run, window: WINDOW, ...one });
    }
    await conn.close();
  } finally {
    await th?.close();
    await rabbit?.destroy();
  }
  return { type: 'measured', runs, perCar: PER_CAR, window: WINDOW };
}

serveParent({ measure: (m) => measure(m as unknown as OutboxMeasureRequest) as never });
