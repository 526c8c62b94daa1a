/** The outbox as the admin sees it (SPEC §3.6): counts, the last error, dead messages, retry. */
import { z } from 'zod';
import { defineCommands } from './command-def';
import { type EventDefs } from './event-def';
import { IdParamSchema } from './primitives';
import { ADMIN } from './roles';

/** A message's life: waiting (or retrying), delivered, refused for good, or replaced by a newer state of its record. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'dead', 'superseded'] as const;

export const OutboxMessageSchema = z.object({
  id: z.number().int(),
  target: z.string(),
  topic: z.string(),
  path: z.string(),
  /** The message's number within its record (1, 2, 3…), sent as `X-Frontdesk-Sequence`. */
  seq: z.number().int(),
  /** `superseded`: a newer message of the record carries its whole state, so this one is never sent. */
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  /** A pending message waits behind this dead message of the same record (retry it to let this one go). */
  blockedBy: z.number().int().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** This server's link to the event broker when that is RabbitMQ (`amqp(s)://`), as the screens show it. */
export const BrokerLinkSchema = z.object({
  /** The broker's URL without its password. */
  url: z.string(),
  /** `up`: connected with a confirm channel; `connecting`; `down` (retrying with back-off); `blocked` by RabbitMQ's alarm. */
  state: z.enum(['connecting', 'up', 'down', 'blocked']),
  /** Why it is down or blocked, in the broker's words (wrong credentials, missing vhost, not an AMQP server…). */
  error: z.string().nullable(),
  since: z.string(),
  /** Messages whose publisher confirm was lost (connection dropped, timeout): sent again, so a consumer may see them twice. */
  lostConfirms: z.number().int(),
  /** Messages RabbitMQ returned as unroutable since this server started (dead, with the reason). */
  returned: z.number().int(),
});
export type BrokerLink = z.infer<typeof BrokerLinkSchema>;

/**
 * How one target (billing, the event broker, e-mail) is doing, as the database says for every server
 * (issue 20 item 2): up or failing since when, its next probe, and what waits for it.
 */
export const OutboxTargetStatusSchema = z.object({
  target: z.string(),
  /** Whether its URL (or SMTP server) is set in the settings: an unconfigured target's messages wait. */
  configured: z.boolean(),
  /** `failing`: transient failures (5xx, 408, 429, no answer) since `failingSince` and no success since; else `up`. */
  state: z.enum(['up', 'failing']),
  failingSince: z.string().nullable(),
  /** Transient failures since `failingSince`. */
  failures: z.number().int(),
  lastError: z.string().nullable(),
  /** While failing: when one server next sends it a waiting message ahead of that message's back-off. */
  nextProbeAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** When it last answered again after failing: its waiting messages were then made due at once. */
  recoveredAt: z.string().nullable(),
  /** Messages waiting for it (pending). */
  pending: z.number().int(),
  /** When the oldest of them was written, and the soonest next attempt among them. */
  oldestPendingAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxTargetStatus = z.infer<typeof OutboxTargetStatusSchema>;

export const OutboxStatusSchema = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  dead: z.number().int(),
  superseded: z.number().int(),
  lastError: z.object({ id: z.number().int(), message: z.string(), at: z.string() }).nullable(),
  deadMessages: z.array(OutboxMessageSchema),
  /** Pending messages held back by a dead one of their record (`blockedBy`). */
  blockedMessages: z.array(OutboxMessageSchema),
  /** The RabbitMQ link of the server that answered (null while the event broker is not `amqp(s)://`). */
  broker: BrokerLinkSchema.nullable(),
  /** Each target of the registry, in its order. */
  targets: z.array(OutboxTargetStatusSchema),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;
export const OutboxIdSchema = z.object({ id: IdParamSchema });

export const outboxCommands = defineCommands({
  'outbox:status': {
    summary: 'Pending / sent / dead counts, last error, dead messages', tags: ['Outbox'], roles: ADMIN,
    description: 'How the messages to the billing and event services are doing: counts, the last delivery error, the messages given up on, and each target\'s state (up, or failing since when, and its next probe).',
    example: {},
    input: z.object({}), output: OutboxStatusSchema, http: { method: 'GET', path: '/api/v1/outbox' },
  },
  'outbox:retry': {
    emits: ['outbox.changed'],
    summary: 'Send a dead message again', tags: ['Outbox'], roles: ADMIN, errors: ['NOT_FOUND', 'ILLEGAL_TRANSITION'],
    description: 'Puts a message that was given up on back in the queue; 409 when it is not dead.',
    example: { id: 12 },
    input: OutboxIdSchema, output: OutboxMessageSchema, http: { method: 'POST', path: '/api/v1/outbox/:id/retry' },
  },
});

export const outboxEvents = {
  /** The outbox screen's counts changed: only admins see that screen. */
  'outbox.changed': { schema: z.object({ type: z.literal('outbox.changed') }), audience: () => ({ admins: true }) },
  /** A message was enqueued (published after its COMMIT): wakes the outbox worker; never leaves the host. */
  'outbox.enqueued': { schema: z.object({ type: z.literal('outbox.enqueued') }), audience: () => 'internal' as const },
} as const satisfies EventDefs;
