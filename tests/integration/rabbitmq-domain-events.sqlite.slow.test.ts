/**
 * The stays', appointments' and stock's events on a real RabbitMQ (issue 21): a private node of
 * Debian's rabbitmq-server (tests/support/rabbitmq-node.ts) and a real host whose outbox worker
 * publishes to it. A hotel group's IT binds one queue to `stay.#`, `appointment.#` and `stock.#`; a
 * stay's life, an appointment's and two loans, made over HTTP, arrive there with their event type
 * as the routing key, each record's in order, each message-id the outbox's idempotency key, once.
 * Only on SQLite, as the fleet's RabbitMQ tests (rabbitmq-broker.sqlite.slow.test.ts says why).
 */
import amqp from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
}, 60_000);

/** The hotel's clock: real time (the broker link backs off by it), set back to 2026-05-01 08:00 UTC for the dates below. */
const shift = Date.now() - Date.parse('2026-05-01T08:00:00Z');
const clock = () => Date.now() - shift;

interface Heard { key: string; messageId: string; persistent: boolean; body: { type: string; occurredAt: string; data: Record<string, Record<string, unknown>> } }

async function send(th: TestHost, method: string, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await th.json(method, path, body);
  const text = await res.text();
  expect(res.status, `${method} ${path} → ${text}`).toBeLessThan(300);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Every message on `queue` now, read one by one and acknowledged. */
async function consumeAll(queue: string): Promise<Heard[]> {
  const c = await amqp.connect(rabbit.url());
  const ch = await c.createChannel();
  const heard: Heard[] = [];
  for (let msg = await ch.get(queue); msg; msg = await ch.get(queue)) {
    heard.push({ key: msg.fields.routingKey, messageId: String(msg.properties.messageId), persistent: msg.properties.deliveryMode === 2, body: JSON.parse(msg.content.toString('utf8')) as Heard['body'] });
    ch.ack(msg);
  }
  await c.close();
  return heard;
}

describe('the stays’, appointments’ and stock’s events on a real RabbitMQ', () => {
  it('reach a queue bound to stay.#, appointment.# and stock.#: routing key = type, each record in order, each message-id once', { timeout: 180_000 }, async () => {
    const c = await amqp.connect(rabbit.url());
    const ch = await c.createChannel();
    await ch.assertExchange('frontdesk.events', 'topic', { durable: true });
    await ch.assertQueue('hotel-it', { durable: true });
    for (const key of ['stay.#', 'appointment.#', 'stock.#']) await ch.bindQueue('hotel-it', 'frontdesk.events', key);
    await c.close();
    const th = await startTestHost({ worker: true, clock, settings: { eventServiceUrl: rabbit.url(), billingServiceUrl: '', sessionHours: 720 } });
    cleanups.push(() => th.close());

    const room = await send(th, 'POST', '/api/v1/rooms', { number: 204, category: 'Standard double room', capacity: 2, nightlyRate: 119_500, floor: 2 });
    const stay = await send(th, 'POST', '/api/v1/stays', { roomId: room.id, checkin: '2026-05-01', checkout: '2026-05-03', guestName: 'Mette Hansen', guests: 2, guestEmail: 'mette@example.dk' });
    const bed = await send(th, 'POST', '/api/v1/stock/resources', { name: 'Extra bed', description: 'Folding bed', totalQuantity: 3 });
    const loan = await send(th, 'POST', '/api/v1/stock/bookings', { resourceId: bed.id, quantity: 1, stayId: stay.id });
    const bike = await send(th, 'POST', '/api/v1/stock/bookings', { resourceId: bed.id, quantity: 1, guestName: 'Walk-in' });
    await send(th, 'POST', `/api/v1/stock/bookings/${bike.id as number}/return`);
    await send(th, 'POST', `/api/v1/stays/${stay.id as number}/check-in`);
    const spa = await send(th, 'POST', '/api/v1/admin/rooms', { name: 'Spa room 1', roomType: 'treatment', capacity: 1, hourlyRate: 90_000, isActive: true });
    await send(th, 'POST', '/api/v1/admin/timeslots/generate', { roomId: spa.id, startDate: '2026-05-04', endDate: '2026-05-04', slotDuration: 30, workingHours: { start: '09:00', end: '10:00' } });
    const slot = (await th.host.core.deps.db.get<{ id: number }>('SELECT min(id) AS id FROM timeslots'))!.id;
    const appointment = await send(th, 'POST', '/api/v1/appointments', { timeslotId: slot, guestName: 'Mette Hansen' });
    await send(th, 'POST', `/api/v1/appointments/${appointment.id as number}/pay`, { method: 'card' });
    await send(th, 'PUT', `/api/v1/bookings/${appointment.id as number}/cancel`);
    await send(th, 'POST', `/api/v1/stays/${stay.id as number}/check-out`); // returns the stay's bed too

    const db = th.host.core.deps.db;
    const expected = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE target = 'events'`))!.n;
    expect(expected).toBe(10);
    await expect.poll(async () => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE target = 'events' AND status = 'sent'`))!.n, { timeout: 60_000 }).toBe(10);
    const heard = await consumeAll('hotel-it');

    expect(heard.map((h) => h.messageId).sort()).toEqual((await db.all<{ k: string }>(`SELECT idempotency_key AS k FROM outbox WHERE target = 'events'`)).map((r) => r.k).sort());
    for (const h of heard) expect(h).toMatchObject({ persistent: true, body: { type: h.key } });
    const of = (prefix: string) => heard.filter((h) => h.key.startsWith(prefix)).map((h) => h.key);
    expect(of('stay.')).toEqual(['stay.booked', 'stay.checked_in', 'stay.checked_out']);
    expect(of('appointment.')).toEqual(['appointment.booked', 'appointment.confirmed', 'appointment.cancelled']);
    expect(heard.filter((h) => h.key.startsWith('stock.')).map((h) => [h.key, h.body.data.loan!.loan_id, h.body.data.resource!.available_quantity])).toEqual([
      ['stock.lent', loan.id, 2], ['stock.lent', bike.id, 1], ['stock.returned', bike.id, 2], ['stock.returned', loan.id, 3],
    ]);
    expect(heard.find((h) => h.key === 'stay.checked_out')!.body.data.stay).toMatchObject({ stay_id: stay.id, roomnumber: 204, status: 'checked_out', guest_name: 'Mette Hansen' });
    expect(JSON.stringify(heard)).not.toContain('mette@example.dk');
    console.log(`a stay's life on the queue (bound to stay.#):\n${heard.filter((h) => h.key.startsWith('stay.')).map((h) => `  ${h.key.padEnd(17)} message-id ${h.messageId}  ${JSON.stringify(h.body)}`).join('\n')}`);
  });
});
