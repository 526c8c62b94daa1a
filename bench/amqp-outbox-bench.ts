/**
 * `npx tsx bench/amqp-outbox-bench.ts [--runs N] [--messages N]` (issue 21): fleet events per second
 * through the outbox to RabbitMQ with publisher confirms, against a raw amqplib client publishing the
 * same messages with confirms, in one run, on a private RabbitMQ node (tests/support/rabbitmq-node.ts)
 * and a real host's SQLite database (fsync on).
 *
 * The outbox: `messages` events of 10 per car, already enqueued; the worker (16 records in flight,
 * one message per car at a time: each car's chain claimed in one write, its next event published as
 * soon as the previous one's confirm is in, sent marks in group commits) drains them, timed from the
 * first attempt to the last `sent` written. The anchor that holds the same promise (a car's next
 * event only after the previous one's confirm, 16 cars at once) is the raw client with a window of
 * 16; the raw client pipelining everything and waiting for all confirms at the end (no per-car order
 * across a lost confirm, nothing recorded) is a figure beside it.
 *
 * On a shared, loaded machine the broker's speed swings by ±50 % within seconds, so each run measures
 * the outbox and its anchor back to back on four quarters of its messages (their order alternating)
 * and the ratio is the median of the runs' own ratios, not a ratio of medians.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { commit } from '../core/commit';
import { createOutboxWorker } from '../core/outbox/outbox-worker';
import { createBrokerLinks } from '../core/outbox/transports';
import { createRabbitNode, type RabbitNode } from '../tests/support/rabbitmq-node';
import { startTestHost, type TestHost } from '../tests/support/test-host';
import type { BenchOptions } from './support/bench-options';
import type { BenchResult } from './support/report';
import { median } from './support/stats';

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

export async function runAmqpOutboxBench(options: BenchOptions & { messages?: number }): Promise<BenchResult> {
  const count = options.messages ?? (options.quick ? 1_000 : 4_000);
  let rabbit: RabbitNode | undefined;
  let th: TestHost | undefined;
  const ours: number[] = [];
  const windowed: number[] = [];
  const pipelined: number[] = [];
  const ratios: number[] = [];
  /** Per event, per run: this process's CPU (µs) and its event loop's busy time (µs), outbox and raw. */
  const perEvent = { oursCpu: [] as number[], rawCpu: [] as number[], oursBusy: [] as number[], rawBusy: [] as number[] };
  try {
    rabbit = await createRabbitNode();
    const url = rabbit.url();
    const conn = await amqp.connect(url);
    const ch = await conn.createConfirmChannel();
    await ch.assertExchange('frontdesk.events', 'topic', { durable: true });
    await ch.assertQueue('bench', { durable: true });
    await ch.bindQueue('bench', 'frontdesk.events', 'car.#');
    th = await startTestHost({ worker: false, settings: { eventServiceUrl: '', billingServiceUrl: '' } });
    for (let run = 1; run <= options.runs; run++) {
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
      ours.push(oursS);
      windowed.push(rawS);
      pipelined.push(await rawPipelined(ch, messagesFor(count, run)));
      await ch.purgeQueue('bench');
      ratios.push(windowed.at(-1)! / ours.at(-1)!);
      perEvent.oursCpu.push(oursCost.cpuUs / count);
      perEvent.rawCpu.push(rawCost.cpuUs / count);
      perEvent.oursBusy.push((oursCost.busyMs * 1000) / count);
      perEvent.rawBusy.push((rawCost.busyMs * 1000) / count);
      options.log(`  run ${run}: outbox ${(count / ours.at(-1)!).toFixed(0)}/s, raw window ${WINDOW} ${(count / windowed.at(-1)!).toFixed(0)}/s (${ratios.at(-1)!.toFixed(2)}×), raw pipelined ${(count / pipelined.at(-1)!).toFixed(0)}/s;`
        + ` per event CPU ${perEvent.oursCpu.at(-1)!.toFixed(0)} vs ${perEvent.rawCpu.at(-1)!.toFixed(0)} µs, event loop busy ${perEvent.oursBusy.at(-1)!.toFixed(0)} vs ${perEvent.rawBusy.at(-1)!.toFixed(0)} µs`);
    }
    await conn.close();
  } finally {
    await th?.close();
    await rabbit?.destroy();
  }
  const rate = (s: number[]) => count / median(s);
  const ratio = median(ratios);
  return {
    id: 12,
    title: 'Fleet events through the outbox to RabbitMQ, with publisher confirms',
    checks: [{
      label: `outbox vs raw amqplib, ${WINDOW} cars in flight, confirm per message`,
      ours: `${rate(ours).toFixed(0)}/s vs ${rate(windowed).toFixed(0)}/s (medians); median of the runs' ratios ${ratio.toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
      target: '≥ 0.8×', pass: ratio >= 0.8,
    }],
    figures: [
      `${count} messages (${PER_CAR} per car), median of ${ours.length} run(s); RabbitMQ ${rabbit ? '3.10 (Debian)' : '?'} on 127.0.0.1, durable queue bound to car.#, persistent messages`,
      `this process per event (medians), outbox vs raw window ${WINDOW}: CPU ${median(perEvent.oursCpu).toFixed(0)} vs ${median(perEvent.rawCpu).toFixed(0)} µs, event loop busy ${median(perEvent.oursBusy).toFixed(0)} vs ${median(perEvent.rawBusy).toFixed(0)} µs (busy includes what blocks the loop: an fsync on it)`,
      `raw amqplib pipelining all ${count} and awaiting the confirms at the end: ${rate(pipelined).toFixed(0)}/s (the outbox is ${(rate(ours) / rate(pipelined)).toFixed(2)}× of it: it keeps one message per car in flight, as its promise of per-car order across a lost confirm requires, and records each sent in the database)`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, messages: { type: 'string', default: '4000' } } });
  const result = await runAmqpOutboxBench({ runs: Number(values.runs), quick: false, messages: Number(values.messages), log: (line) => console.log(line) });
  console.log(`\n${result.title}\n  ${result.checks.map((c) => `${c.label}: ${c.ours} (target ${c.target}: ${c.pass ? 'met' : 'missed'})`).join('\n  ')}\n  ${result.figures.join('\n  ')}`);
}
