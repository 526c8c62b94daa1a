/**
 * The transports the worker sends through (`outbox-transport.ts`), one per kind: HTTP (`deliver.ts`),
 * SMTP (`deliver-email.ts`) and AMQP (`amqp-link.ts`: the per-server RabbitMQ link, shared with the
 * outbox screen's status through `BrokerLinks`).
 */
import type { Settings } from '../../shared/contract/settings';
import { createAmqpLink, type AmqpLink, type AmqpLinkStatus } from './amqp-link';
import { deliver } from './deliver';
import { deliverEmail, smtpConfigOf } from './deliver-email';
import type { HttpPost } from './http-post';
import type { OutboxTransport, TransportKind } from './outbox-transport';

export function joinUrl(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  if (path === '') return b;
  return path.startsWith('/') ? b + path : `${b}/${path}`;
}

/**
 * This server's broker links: one AMQP link per broker URL in use (the event broker's), kept while
 * the URL stays the same, closed when it changes. The worker publishes through it; the outbox
 * service reads its `status()` for the screen and the settings.
 */
export interface BrokerLinks {
  link(url: string): AmqpLink;
  /** The link of the URL in use now, if any. */
  status(): AmqpLinkStatus | null;
  close(): Promise<void>;
}

export function createBrokerLinks(options: { clock: () => number; random?: () => number; onChange?: () => void }): BrokerLinks {
  let current: { url: string; link: AmqpLink } | undefined;
  const closing = new Set<Promise<void>>();
  return {
    link(url) {
      if (current?.url === url) return current.link;
      if (current) {
        const old = current.link.close().finally(() => closing.delete(old));
        closing.add(old);
      }
      current = { url, link: createAmqpLink(url, options) };
      return current.link;
    },
    status: () => current?.link.status() ?? null,
    async close() {
      const last = current;
      current = undefined;
      await Promise.all([last?.link.close(), ...closing]);
    },
  };
}

export interface TransportDeps {
  post: HttpPost;
  getSettings: () => Settings;
  getSmtpPassword: () => string;
  brokers: BrokerLinks;
}

export function createTransports(deps: TransportDeps): Record<TransportKind, OutboxTransport> {
  const always = () => true;
  const nothing = async () => undefined;
  return {
    http: {
      ready: always,
      send: (m, signals) => deliver(deps.post, { url: joinUrl(m.endpoint, m.path), payload: m.payload, idempotencyKey: m.idempotencyKey, sequence: m.sequence }, signals),
      close: nothing,
    },
    smtp: {
      ready: always,
      send: (m, signals) => deliverEmail(smtpConfigOf(deps.getSettings(), deps.getSmtpPassword()), { payload: m.payload, idempotencyKey: m.idempotencyKey, sequence: m.sequence }, signals),
      close: nothing,
    },
    amqp: {
      ready: (endpoint) => deps.brokers.link(endpoint).ready(),
      // The stop signal is not heeded: a published message waits for its confirm (or the timeout),
      // so a stopping server does not leave a message the broker may have without knowing it.
      send: (m, signals) => deps.brokers.link(m.endpoint).publish({
        routingKey: m.topic, body: Buffer.from(m.payload, 'utf8'), messageId: m.idempotencyKey, timestampMs: Date.now(),
      }, signals.timeoutMs),
      close: () => deps.brokers.close(),
    },
  };
}
