/**
 * The RabbitMQ link's answers to one publish (core/outbox/amqp-link.ts), against a stand-in for
 * amqplib's confirm channel that the test answers by hand: an ack is `sent`, an ack after a
 * basic.return is `refused` with the reason, a nack is `failed`, and a publish whose confirm never
 * comes is `unreachable` once its timeout has passed, counted as a lost confirm — its timeouts swept
 * by one timer, however many publishes are outstanding. The real broker: tests/integration/rabbitmq-broker.sqlite.slow.test.ts.
 */
import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAmqpLink, type AmqpLink } from '../../../core/outbox/amqp-link';
import type { DeliveryOutcome } from '../../../core/outbox/deliver';

type Callback = (err: unknown) => void;
const fake = vi.hoisted(() => ({ published: [] as { messageId: string; routingKey: string; confirm: (err: unknown) => void }[], channel: undefined as unknown }));

vi.mock('amqplib', async () => {
  const { EventEmitter } = await import('node:events');
  class Channel extends EventEmitter {
    assertExchange = async () => ({});
    waitForConfirms = async () => undefined;
    publish(_exchange: string, routingKey: string, _body: Buffer, options: { messageId: string }, cb: Callback) {
      fake.published.push({ messageId: options.messageId, routingKey, confirm: cb });
      return true;
    }
  }
  class Connection extends EventEmitter {
    async createConfirmChannel() {
      const ch = new Channel();
      fake.channel = ch;
      return ch;
    }
    async close() {}
  }
  return { default: { connect: async () => new Connection() } };
});

let link: AmqpLink;

beforeEach(async () => {
  fake.published = [];
  link = createAmqpLink('amqp://guest:guest@127.0.0.1:5672/', { clock: Date.now });
  link.ready();
  await vi.waitFor(() => expect(link.ready()).toBe(true));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await link.close();
});

const publish = (messageId: string, timeoutMs = 10_000) => {
  const outcome: { value?: DeliveryOutcome } = {};
  void link.publish({ routingKey: 'car.rented', body: Buffer.from('{}'), messageId, timestampMs: 0 }, timeoutMs).then((o) => (outcome.value = o));
  return outcome;
};
const confirm = (messageId: string, err: unknown = null) => fake.published.find((p) => p.messageId === messageId)!.confirm(err);

describe('the RabbitMQ link answers a publish from its confirm', () => {
  it('sent on an ack; refused, with the reason, on an ack after a basic.return; failed on a nack', async () => {
    const [a, b, c] = [publish('a'), publish('b'), publish('c')];
    confirm('a');
    (fake.channel as EventEmitter).emit('return', { properties: { messageId: 'b' }, fields: { replyCode: 312, replyText: 'NO_ROUTE', routingKey: 'car.rented', exchange: 'frontdesk.events' } });
    confirm('b');
    confirm('c', new Error('message nacked'));
    await vi.advanceTimersByTimeAsync(0);
    expect(a.value).toEqual({ kind: 'sent' });
    expect(b.value).toMatchObject({ kind: 'refused', error: expect.stringMatching(/unroutable.*312 NO_ROUTE.*car\.rented/) });
    expect(c.value).toMatchObject({ kind: 'failed' });
    expect(link.status()).toMatchObject({ returned: 1, lostConfirms: 0 });
  });

  it('a confirm that never comes: unreachable once its timeout has passed, a lost confirm; the others answered meanwhile are not touched', async () => {
    const first = publish('first', 10_000);
    await vi.advanceTimersByTimeAsync(4_000);
    const second = publish('second', 10_000);
    const third = publish('third', 10_000);
    confirm('third');
    await vi.advanceTimersByTimeAsync(5_999);
    expect(first.value).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(first.value).toEqual({ kind: 'unreachable', error: 'No publisher confirm within 10 s' });
    expect(second.value).toBeUndefined();
    expect(third.value).toEqual({ kind: 'sent' });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(second.value).toEqual({ kind: 'unreachable', error: 'No publisher confirm within 10 s' });
    expect(link.status().lostConfirms).toBe(2);
    confirm('second'); // a confirm after its timeout changes nothing
    expect(link.status().lostConfirms).toBe(2);
  });
});
