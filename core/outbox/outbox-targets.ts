/**
 * **Registry** of the services the outbox delivers to. A message names its target by id; the worker,
 * the due query and the admin view read this table, so a new target is one entry here plus its
 * settings. A target delivers by HTTP (the message's JSON POSTed to its base URL + path, billing and
 * the event broker) or by SMTP (the message is an e-mail `{to, subject, text}`, core/outbox/deliver-email.ts).
 */
import type { Settings } from '../../shared/contract/settings';
import { TRANSPORT_SCHEMES, type TransportKind } from './outbox-transport';

export interface OutboxTargetDef {
  /**
   * How its messages may travel (`outbox-transport.ts`), the first being the default: the endpoint's
   * URL scheme picks among them (the event broker: `http(s)://` POSTs, `amqp(s)://` publishes to RabbitMQ).
   */
  transports: readonly [TransportKind, ...TransportKind[]];
  /**
   * Where its messages go, from the settings: the base URL (http), `smtp://host:port` (smtp) or
   * `amqp://user:password@host:port/vhost` (amqp);
   * '' means not configured: its messages wait, pending.
   */
  endpoint(settings: Settings): string;
  /**
   * Each message carries the record's whole state (billing's `/bills/update/{id}` does): a newer
   * message of the record supersedes the older undelivered ones, which are then never sent, so the
   * receiver can only end on the newest state. Without it (events, e-mails), every message is delivered, in order.
   */
  wholeState: boolean;
  /** Also put the per-record `seq` into the JSON body as `sequence` (for receivers that read no headers). */
  sequenceInBody: boolean;
}

/** The SMTP server as an endpoint, when e-mail is configured (a server and a sender address). */
export function smtpEndpoint(s: Settings): string {
  if (s.smtpHost.trim() === '' || s.smtpFrom.trim() === '') return '';
  const host = s.smtpHost.includes(':') ? `[${s.smtpHost}]` : s.smtpHost;
  return `smtp://${host}:${s.smtpPort}`;
}

export const OUTBOX_TARGETS = {
  billing: { transports: ['http'], endpoint: (s) => s.billingServiceUrl, wholeState: true, sequenceInBody: true },
  // The event broker: POSTed by HTTP, or published to RabbitMQ when its URL is amqp(s):// (issue 21).
  events: { transports: ['http', 'amqp'], endpoint: (s) => s.eventServiceUrl, wholeState: false, sequenceInBody: false },
  // E-mail: payload `{to, subject, text}`, already in the hotel's language, sent by SMTP with the
  // message's idempotency key as its Message-ID. Until a server and sender are set its messages wait.
  email: { transports: ['smtp'], endpoint: smtpEndpoint, wholeState: false, sequenceInBody: false },
} as const satisfies Record<string, OutboxTargetDef>;

export type OutboxTarget = keyof typeof OUTBOX_TARGETS;

/** The targets configured now, with their endpoint (trimmed). */
export function configuredTargets(settings: Settings): Map<OutboxTarget, string> {
  const found = new Map<OutboxTarget, string>();
  for (const [id, def] of Object.entries(OUTBOX_TARGETS) as [OutboxTarget, OutboxTargetDef][]) {
    const endpoint = def.endpoint(settings).trim();
    if (endpoint !== '') found.set(id, endpoint);
  }
  return found;
}

/** The transport of `target` for `endpoint`: the one of its transports whose scheme the URL has, else its first. */
export function transportOf(target: OutboxTarget, endpoint: string): TransportKind {
  const allowed: readonly TransportKind[] = OUTBOX_TARGETS[target].transports;
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(endpoint.trim())?.[0].toLowerCase() ?? '';
  return allowed.find((kind) => TRANSPORT_SCHEMES[kind].includes(scheme)) ?? allowed[0]!;
}
