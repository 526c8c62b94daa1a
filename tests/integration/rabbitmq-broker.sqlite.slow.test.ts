/**
 * The event broker on a real RabbitMQ (issue 21): a private node of Debian's rabbitmq-server, started
 * once for this file (tests/support/rabbitmq-node.ts), and a real host whose outbox worker publishes
 * to it with publisher confirms:
 *   - 200 fleet changes while the broker is stopped, then started: a consumer on a queue bound to
 *     `car.#` receives all 200, each car's in order, each message-id once;
 *   - the broker SIGKILLed in the middle of a 1 000-message backlog, then started again: every message
 *     reaches a consumer subscribed throughout (subscribing again whenever its subscription ends), or
 *     waits on the queue when it stops; a message published twice only for a confirm that was lost
 *     (counted, and shown on the outbox screen). The queue's binding is made durable first, by a clean
 *     restart of the broker (a hotel's queue is bound long before a crash; a binding made seconds
 *     before a SIGKILL can be lost with it, docs/integrations.md), and checked after the kill;
 *   - wrong credentials, a missing vhost, a server that is not AMQP: a clear line on the outbox
 *     screen's status, messages waiting, never a 5xx; an unroutable message dead with the reason.
 * Only on SQLite: what it checks is the AMQP transport; the outbox SQL under it runs on both engines
 * in tests/core/outbox and tests/integration/fleet-broker.test.ts, and one broker start per engine
 * would double the suite's time for nothing.
 */
import amqp from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commit } from '../../core/commit';
import type { OutboxStatus } from '../../shared/contract/outbox';
import { createRabbitNode, type RabbitNode } from '../support/rabbitmq-node';
import { startTestHost, type TestHost } from '../support/test-host';

let rabbit: RabbitNode;
beforeAll(async () => {
  rabbit = await createRabbitNode();
}, 120_000);
afterAll(async () => {
  await rabbit?.destroy();
}, 60_000);

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await rabbit.start(); // a test that failed with the node stopped leaves it running for the next
}, 60_000);

/** The hotel's clock: real time (the broker link backs off by it), set back to 2026-05-01 08:00 UTC for the rentals' dates. */
const shift = Date.now() - Date.parse('2026-05-01T08:00:00Z');
const clock = () => Date.now() - shift;

const LIFE = ['car.added', 'car.updated', 'car.reserved', 'car.rented', 'car.returned'];

interface Heard { type: string; messageId: string; carId: number; contentType: string; persistent: boolean; timestamp: number; body: Record<string, unknown>; redelivered: boolean }

/** A durable queue bound to `car.#` on frontdesk.events, created now (the exchange too, as the host would). */
async function bindQueue(queue: string): Promise<void> {
  const c = await amqp.connect(rabbit.url());
  const ch = await c.createChannel();
  await ch.assertExchange('frontdesk.events', 'topic', { durable: true });
  await ch.assertQueue(queue, { durable: true });
  await ch.bindQueue(queue, 'frontdesk.events', 'car.#');
  await c.close();
}

function heardOf(msg: amqp.Message): Heard {
  const body = JSON.parse(msg.content.toString('utf8')) as Record<string, unknown>;
  return {
    type: msg.fields.routingKey, messageId: String(msg.properties.messageId), carId: (body.data as { car: { car_id: number } }).car.car_id,
    contentType: String(msg.properties.contentType), persistent: msg.properties.deliveryMode === 2, timestamp: Number(msg.properties.timestamp), body,
    redelivered: msg.fields.redelivered,
  };
}

/**
 * A consumer subscribed to `queue` as the hotel's own service would be: it acknowledges each message
 * as it arrives and subscribes again (every 200 ms) whenever its subscription ends: the broker went
 * away, its channel was closed, or the broker cancelled the consumer (a queue that is recovered or
 * restarted after a crash cancels its consumers: amqplib then calls back with `null`). A message it
 * received whose ack the broker never got comes again marked `redelivered`. `events` counts what
 * happened to it, for the failure message.
 */
function subscribe(queue: string): { heard: Heard[]; tags: string[]; events: Record<'subscribed' | 'cancelled' | 'channelClosed' | 'connectionClosed' | 'failed', number>; stop(): Promise<void> } {
  const heard: Heard[] = [];
  const tags: string[] = [];
  const events = { subscribed: 0, cancelled: 0, channelClosed: 0, connectionClosed: 0, failed: 0 };
  let stopped = false;
  let connection: amqp.ChannelModel | undefined;
  const loop = (async () => {
    while (!stopped) {
      let c: amqp.ChannelModel | undefined;
      try {
        c = await amqp.connect(rabbit.url(), { timeout: 2_000 });
        connection = c;
        const ended = new Promise<void>((resolve) => {
          c!.once('close', () => {
            events.connectionClosed++;
            resolve();
          });
          const ch = c!.createChannel().then(async (channel) => {
            channel.on('error', () => undefined);
            channel.once('close', () => {
              events.channelClosed++;
              resolve();
            });
            await channel.prefetch(100);
            const { consumerTag } = await channel.consume(queue, (msg) => {
              if (!msg) {
                events.cancelled++;
                resolve();
                return;
              }
              heard.push(heardOf(msg));
              channel.ack(msg);
            });
            tags.push(consumerTag);
            events.subscribed++;
          });
          ch.catch(() => {
            events.failed++;
            resolve();
          });
        });
        c.on('error', () => undefined);
        await ended;
      } catch {
        events.failed++; // the broker is down: try again
      }
      connection = undefined;
      await c?.close().catch(() => undefined);
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    heard,
    tags,
    events,
    async stop() {
      stopped = true;
      await connection?.close().catch(() => undefined);
      await loop;
    },
  };
}

/**
 * What a consumer on `queue` receives: every message on it now, read one by one (basic.get) and
 * acknowledged, until it is empty. Read only once the outbox has everything sent, so no delivery
 * races a close: each copy the broker holds is read exactly once.
 */
async function consumeAll(queue: string): Promise<Heard[]> {
  const c = await amqp.connect(rabbit.url());
  const ch = await c.createChannel();
  const heard: Heard[] = [];
  // basic.get answers "empty" when nothing is ready to deliver at that instant; a queue a restarted
  // broker is still reading back from disk can say so with messages left on it. So an empty answer
  // ends the reading only once the queue itself counts none (or 20 s have passed: then the count is
  // what the broker kept, and the assertions say so).
  const deadline = Date.now() + 20_000;
  for (;;) {
    const msg = await ch.get(queue);
    if (!msg) {
      const { messageCount } = await ch.checkQueue(queue);
      if (messageCount === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    heard.push(heardOf(msg));
    ch.ack(msg);
  }
  await c.close();
  return heard;
}

/**
 * What the broker itself says, for a failure's message: every queue with its messages (ready and
 * unacknowledged) and consumers, every binding, every consumer with its tag. A message that reached
 * no consumer shows here where it went: still on a queue, held unacknowledged by a consumer the
 * client no longer has, or routed to the other queue bound to `car.#` only (a binding lost).
 */
function brokerView(): string {
  const list = (read: () => string) => {
    try {
      return read().trim().replace(/\t/g, ' ').split('\n').join('; ');
    } catch (e) {
      return `unknown (${String(e).split('\n')[0]})`;
    }
  };
  return `queues [${list(() => rabbit.ctl('list_queues', 'name', 'messages_ready', 'messages_unacknowledged', 'consumers', '-q'))}], ` +
    `bindings [${list(bindings)}], ` +
    `consumers [${list(() => rabbit.ctl('list_consumers', 'queue_name', 'consumer_tag', 'prefetch_count', '-q'))}]`;
}

/** The broker's bindings, a line each: source, destination and routing key, tab-separated as rabbitmqctl prints them. */
function bindings(): string {
  return rabbit.ctl('list_bindings', 'source_name', 'destination_name', 'routing_key', '-q');
}

/** How many messages wait on `queue` and how many consumers it has, as the broker counts them (for a failure's message). */
async function queueCounts(queue: string): Promise<string> {
  try {
    const c = await amqp.connect(rabbit.url(), { timeout: 2_000 });
    const { messageCount, consumerCount } = await (await c.createChannel()).checkQueue(queue);
    await c.close();
    return `${messageCount} messages, ${consumerCount} consumers`;
  } catch (e) {
    return `unknown (${String(e)})`;
  }
}

async function aHost(eventServiceUrl: string): Promise<TestHost> {
  const th = await startTestHost({ worker: true, clock, settings: { eventServiceUrl, billingServiceUrl: '', sessionHours: 720 } });
  cleanups.push(() => th.close());
  return th;
}

async function send(th: TestHost, method: string, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await th.json(method, path, body);
  const text = await res.text();
  expect(res.status, `${method} ${path} → ${text}`).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
}

/** One car's life over HTTP: added, updated, reserved, handed out, returned (five broker events). */
async function carLife(th: TestHost, i: number): Promise<void> {
  const carId = (await send(th, 'POST', '/cars/add', { brand: 'Toyota', model: `Corolla ${i}`, fuel_type: 'Petrol', mileage: 10_000 + i })).car_id as number;
  await send(th, 'PATCH', `/api/v1/cars/${carId}`, { dailyRate: 50_000 + i, plate: `FL ${10_000 + i}` });
  const rentalId = (await send(th, 'POST', '/api/v1/rentals', { carId, from: '2026-05-01', to: '2026-05-03', guestName: `Guest ${i}` })).id as number;
  await send(th, 'POST', `/api/v1/rentals/${rentalId}/hand-out`);
  await send(th, 'POST', `/api/v1/rentals/${rentalId}/return`, { mileage: 10_000 + i + 250 });
}

/** `cars` cars' five events each, written to the outbox as `toBroker` writes them (core/cars/fleet-broker.ts), in one commit per 50 cars. */
async function backlog(th: TestHost, cars: number): Promise<void> {
  for (let first = 1; first <= cars; first += 50) {
    await commit(th.host.core.deps, async (c) => {
      for (let carId = first; carId < first + 50 && carId <= cars; carId++) {
        for (const type of LIFE) {
          const car = { car_id: carId, brand: 'Toyota', model: 'Corolla', fuel_type: 'Petrol', mileage: 10_000, is_rented: type === 'car.rented', has_damage: false, plate: `FL ${carId}` };
          await c.enqueue({ target: 'events', topic: type, aggregate: `car:${carId}`, path: '', payload: { type, occurredAt: '2026-05-01T10:00:00+02:00', data: { car } } });
        }
      }
    });
  }
}

async function outbox(th: TestHost): Promise<OutboxStatus> {
  const res = await th.fetch('/api/v1/outbox');
  expect(res.status).toBe(200);
  return (await res.json()) as OutboxStatus;
}

async function until<T>(what: string, check: () => Promise<T | false | null | undefined>, timeoutMs = 90_000, last: () => Promise<unknown> = async () => undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(await last())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ascending places as spans: [0, 1, 2, 7, 9, 10] → `0–2, 7, 9–10`. */
function spans(places: number[]): string {
  const out: string[] = [];
  for (const p of places) {
    const last = out.at(-1)?.split('–');
    if (last && Number(last.at(-1)) === p - 1) out[out.length - 1] = `${last[0]}–${p}`;
    else out.push(String(p));
  }
  return out.join(', ');
}

function expectPerCarOrder(heard: Heard[], cars: number): void {
  const byCar = new Map<number, string[]>();
  const seen = new Set<string>();
  for (const h of heard) {
    if (seen.has(h.messageId)) continue; // a repeat after a lost confirm: its first copy was in order
    seen.add(h.messageId);
    byCar.set(h.carId, [...(byCar.get(h.carId) ?? []), h.type]);
  }
  expect(byCar.size).toBe(cars);
  for (const types of byCar.values()) expect(types).toEqual(LIFE);
}

describe('the event broker on a real RabbitMQ', () => {
  it('200 fleet changes while the broker is stopped, then started: all 200 on a car.# queue, each car in order, each message-id once', { timeout: 240_000 }, async () => {
    await bindQueue('fleet-200');
    await rabbit.stop();
    const th = await aHost(rabbit.url());
    for (let i = 0; i < 40; i++) await carLife(th, i);
    const down = await until('the link to report the broker down', async () => { const s = await outbox(th); return s.broker?.state === 'down' && s; });
    expect(down.pending).toBe(200);
    expect(down.broker!.error).toMatch(/ECONNREFUSED/);
    expect(down.broker!.url).toBe(rabbit.url('guest', '***'));
    // Waiting for the broker costs the messages no attempts: they are not tried while the link is down.
    expect((await th.host.core.deps.db.get<{ n: number }>('SELECT sum(attempts) AS n FROM outbox'))!.n).toBe(0);

    await rabbit.start();
    await until('the outbox to mark 200 sent', async () => (await outbox(th)).sent === 200);
    const heard = await consumeAll('fleet-200');
    expect(heard).toHaveLength(200);
    expect(new Set(heard.map((h) => h.messageId)).size).toBe(200);
    expectPerCarOrder(heard, 40);
    const keys = (await th.host.core.deps.db.all<{ k: string }>('SELECT idempotency_key AS k FROM outbox')).map((r) => r.k).sort();
    expect(heard.map((h) => h.messageId).sort()).toEqual(keys);
    for (const h of heard) {
      expect(h).toMatchObject({ contentType: 'application/json', persistent: true });
      expect(Object.keys(h.body).sort()).toEqual(['data', 'occurredAt', 'type']);
      expect(h.body.type).toBe(h.type);
      expect(h.timestamp).toBeGreaterThan(1_700_000_000);
    }
    expect((await outbox(th)).broker).toMatchObject({ state: 'up', error: null });
    console.log(`RabbitMQ stopped for 40 cars × 5 changes, then started: ${heard.length}/200 heard on car.#, ${new Set(heard.map((h) => h.messageId)).size} distinct message-ids, 40/40 cars in order`);
    console.log(`one car's life on the queue:\n${heard.filter((h) => h.carId === heard[0]!.carId).map((h) => `  ${h.type.padEnd(14)} message-id ${h.messageId}  ${JSON.stringify(h.body)}`).join('\n')}`);
  });

  it('SIGKILL of the broker in the middle of a 1 000-message backlog, then a restart: nothing lost, repeats only for lost confirms', { timeout: 300_000 }, async () => {
    await bindQueue('fleet-1000');
    // The hotel's consumer queue is bound long before any crash. A binding made moments before a SIGKILL
    // can be lost in the restart, the queue kept (a clean-clone CI run: `fleet-1000` there, only
    // `fleet-200`'s `car.#` binding left, every message after the restart routed to `fleet-200` alone).
    // A clean stop writes the broker's topology out, so the kill below tests the outbox, not that window.
    await rabbit.stop();
    await rabbit.start();
    const consumer = subscribe('fleet-1000');
    cleanups.push(() => consumer.stop());
    const th = await aHost(''); // not configured: the backlog builds up, waiting
    await backlog(th, 200); // 200 cars' lives, enqueued as the fleet's changes enqueue them (a few commits, not 1 000 requests)
    expect((await outbox(th)).pending).toBe(1_000);

    await send(th, 'PATCH', '/api/v1/settings', { eventServiceUrl: rabbit.url() });
    const sentBefore = await until('a third of the backlog sent', async () => { const s = await outbox(th); return s.sent >= 330 && s.sent; });
    await rabbit.kill();
    const sentAtKill = new Set((await th.host.core.deps.db.all<{ k: string }>("SELECT idempotency_key AS k FROM outbox WHERE status = 'sent'")).map((r) => r.k));
    await rabbit.start();
    expect(bindings()).toMatch(/^frontdesk\.events\tfleet-1000\tcar\.#$/m);
    await until('the whole backlog sent', async () => (await outbox(th)).sent === 1_000, 180_000);
    const after = await outbox(th);
    expect(after).toMatchObject({ pending: 0, dead: 0, sent: 1_000 });

    // Every message the outbox marked sent reaches the consumer: heard while it is subscribed (within
    // 60 s of the last confirm), or still on the queue when it stops. A classic queue that crashes and
    // is restarted (reported after an unclean shutdown, on a basic.consume that arrived as it recovered:
    // rabbitmq-server#13368, #13390) may leave a consumer subscribed to nothing, with no cancel: the
    // messages wait on the queue, kept, not lost, and a client reading it again gets them.
    const distinctHeard = () => new Set(consumer.heard.map((h) => h.messageId));
    await until('the consumer to hear 1 000 distinct messages', async () => distinctHeard().size === 1_000, 60_000).catch(() => undefined);
    const broker = distinctHeard().size === 1_000 ? '' : brokerView();
    await consumer.stop();
    const onQueue = await queueCounts('fleet-1000');
    const heardSubscribed = distinctHeard().size;
    const leftOnQueue = await consumeAll('fleet-1000');
    const all = [...consumer.heard, ...leftOnQueue];
    const distinct = new Set(all.map((h) => h.messageId));
    const keys = (await th.host.core.deps.db.all<{ k: string }>('SELECT idempotency_key AS k FROM outbox ORDER BY id')).map((r) => r.k);
    const missingPlaces = keys.flatMap((k, place) => (distinct.has(k) ? [] : [place]));
    const missing = missingPlaces.map((place) => keys[place]!);
    // The count and the message, not a list of 1 000 ids: a CI log keeps only its tail.
    expect(
      missing.length,
      `${missing.length} never heard (places in the backlog ${spans(missingPlaces)}; the first ${missing.slice(0, 3).join(', ')}), ` +
        `${missing.filter((k) => sentAtKill.has(k)).length} of them confirmed before the kill (${sentAtKill.size} were); ` +
        `${heardSubscribed} heard subscribed, ${leftOnQueue.length} read from the queue after (${onQueue} when the consumer stopped); ` +
        `the consumer: ${JSON.stringify(consumer.events)}, its tags ${consumer.tags.join(', ')}; before it stopped, the broker's ${broker}; the broker's log:\n` +
        rabbit.logLines(/^(?!.*(boot step|feature flag)).*(warning|error|queue|unclean|dropped|recover|crash|closing|consumer)/i).join('\n'),
    ).toBe(0);
    // A repeat that is not a redelivery (of a message the consumer took but whose ack died with the broker) is a second publish: only after a lost confirm.
    const published = all.filter((h) => !h.redelivered);
    const repeats = published.length - new Set(published.map((h) => h.messageId)).size;
    expect(repeats).toBeLessThanOrEqual(after.broker!.lostConfirms);
    expectPerCarOrder(all, 200);
    console.log(
      `1 000-message backlog, beam.smp SIGKILLed after ${sentBefore} confirmed (${sentAtKill.size} when the kill returned), restarted: ` +
        `${distinct.size}/1000 distinct reached the consumer (${heardSubscribed} while subscribed, ${leftOnQueue.length} read from the queue after), 0 lost, ` +
        `${repeats} repeats published, ${all.length - published.length} redeliveries; ` +
        `confirms lost (shown on the outbox screen): ${after.broker!.lostConfirms}; the consumer: ${JSON.stringify(consumer.events)}`,
    );
  });

  it('wrong credentials, a missing vhost, a server that is not AMQP, an unroutable message: a clear line, messages waiting, never a 5xx', { timeout: 120_000 }, async () => {
    const th = await aHost(rabbit.url('guest', 'wrong-password'));
    await carLife(th, 1);
    const lineFor = async (why: RegExp) => await until(`a line matching ${why}`, async () => { const s = await outbox(th); return s.broker?.error != null && why.test(s.broker.error) && s; }, 60_000, async () => (await outbox(th)).broker);

    const refused = await lineFor(/Login refused/);
    expect(refused).toMatchObject({ pending: 5, sent: 0, dead: 0, broker: { state: 'down', url: rabbit.url('guest', '***') } });
    expect(JSON.stringify(refused)).not.toContain('wrong-password');

    await send(th, 'PATCH', '/api/v1/settings', { eventServiceUrl: rabbit.url('guest', 'guest', 'no-such-vhost') });
    expect((await lineFor(/Virtual host not found/)).pending).toBe(5);

    await send(th, 'PATCH', '/api/v1/settings', { eventServiceUrl: `amqp://guest:guest@127.0.0.1:${new URL(th.host.url).port}/` });
    expect((await lineFor(/Not an AMQP server/)).pending).toBe(5);

    // A URL that is neither http(s) nor amqp(s) is refused by the settings (400), as every bad input.
    const bad = await th.json('PATCH', '/api/v1/settings', { eventServiceUrl: 'kafka://broker:9092' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty('error');

    // A vhost where no queue is bound: the broker returns the first message (mandatory) → dead, with the reason; the car's others wait behind it.
    rabbit.ctl('add_vhost', 'empty');
    rabbit.ctl('set_permissions', '-p', 'empty', 'guest', '.*', '.*', '.*');
    await send(th, 'PATCH', '/api/v1/settings', { eventServiceUrl: rabbit.url('guest', 'guest', 'empty') });
    const returned = await until('the unroutable message dead', async () => { const s = await outbox(th); return s.dead === 1 && s; });
    expect(returned.deadMessages[0]!.lastError).toMatch(/Returned by RabbitMQ as unroutable \(312 NO_ROUTE: no queue is bound to routing key car\.added/);
    expect(returned).toMatchObject({ pending: 4, broker: { state: 'up', returned: 1 } });
    expect(returned.blockedMessages.map((m) => m.blockedBy)).toEqual([returned.deadMessages[0]!.id, returned.deadMessages[0]!.id, returned.deadMessages[0]!.id, returned.deadMessages[0]!.id]);
  });
});
