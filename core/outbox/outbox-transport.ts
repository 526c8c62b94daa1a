/**
 * How a message travels to its target: the **transport interface** every way of sending implements
 * (HTTP POST, SMTP e-mail, AMQP publish to RabbitMQ). A target's endpoint URL picks its transport by
 * its scheme (`outbox-targets.ts`), so the event broker is HTTP or RabbitMQ by its URL alone. A new
 * way of sending (a Kafka producer, docs/integrations.md) is one more implementation and one scheme.
 */
import type { DeliveryOutcome } from './deliver';

export type TransportKind = 'http' | 'smtp' | 'amqp';

/** The URL schemes each transport takes, in the order tried. */
export const TRANSPORT_SCHEMES: Record<TransportKind, readonly string[]> = {
  http: ['http:', 'https:'],
  smtp: ['smtp:'],
  amqp: ['amqp:', 'amqps:'],
};

/** One message to send, as the worker read it. */
export interface OutgoingMessage {
  /** The target's endpoint (base URL, `smtp://…`, `amqp://…`). */
  endpoint: string;
  path: string;
  /** What kind of message it is (`car.rented`): the AMQP routing key. */
  topic: string;
  /** The stored JSON text, sent as is. */
  payload: string;
  idempotencyKey: string;
  /** The message's number within its record. */
  sequence: number;
}

export interface SendSignals {
  timeoutMs: number;
  /** Aborted when the worker stops and its grace ran out. */
  stopSignal: AbortSignal;
}

export interface OutboxTransport {
  /**
   * False while the transport knows it cannot send to `endpoint` now (a broker connection that is
   * down and re-opening with back-off): its messages are not tried, so they wait without counting
   * attempts, in order. Connection-less transports are always ready.
   */
  ready(endpoint: string): boolean;
  /** One attempt, sorted into the worker's outcomes (`deliver.ts`). */
  send(message: OutgoingMessage, signals: SendSignals): Promise<DeliveryOutcome>;
  /** Waits for what is in flight (publisher confirms) and closes its connections. */
  close(): Promise<void>;
}
