/**
 * The database schema (drizzle). `npm run db:generate` turns changes into a new SQL migration in
 * db/migrations, committed and applied at start-up. **Never edit an applied migration.**
 *
 * Instants are stored twice, on purpose: `*_ms` (UTC epoch ms, for range queries and indexes) and the
 * ISO 8601 text with the hotel's offset at booking time (what the API and the CSV show, so an export
 * of a million rows formats nothing).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { OUTBOX_STATUSES } from '../shared/contract/outbox';
import { users } from './schema/users';

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON. */
  value: text('value').notNull(),
});

/**
 * One row per issued token (its `jti`): a token is valid only while its row exists, is not revoked
 * and has not expired, so logout and deactivation take effect at once.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    via: text('via').notNull(),
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed sign-ins per account (`user:<name>`) and per address (`addr:<ip>`), for the back-off. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: integer('locked_until').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Who did what to which record, and when. Append-only: triggers (migration 0002) refuse UPDATE and
 * DELETE. `detail` is JSON with secrets (passwords, tokens) removed.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorId: integer('actor_id'),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    detail: text('detail').notNull().default('{}'),
    via: text('via').notNull(),
    address: text('address'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actor, t.at),
    index('audit_action_idx').on(t.action, t.at),
    index('audit_entity_idx').on(t.entity, t.entityId),
  ],
);

/**
 * Messages to outside services, written in the same transaction as the change that causes them.
 * `target` names an entry of the target registry (`core/outbox/outbox-targets.ts`); `path` is
 * relative to that target's base URL, read from the settings at delivery time. `aggregate` orders the
 * messages of one record (a stay's create → change → cancel go out in order) and `seq` numbers them
 * 1, 2, 3… per aggregate, so a receiver can drop a stale one.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    target: text('target').notNull(),
    topic: text('topic').notNull(),
    aggregate: text('aggregate').notNull(),
    /** Per aggregate, from `outbox_sequences` (so pruning sent rows never reuses a number). */
    seq: integer('seq').notNull().default(0),
    path: text('path').notNull(),
    payload: text('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** `superseded`: a newer message of the same record carries its whole state; never sent. */
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    /** Every delivery attempt, answered or not: drives the backoff. */
    attempts: integer('attempts').notNull().default(0),
    /** Attempts the service answered with a retryable failure (5xx, 408, 429); shown, not a limit. */
    failures: integer('failures').notNull().default(0),
    /**
     * When the current run of transient failures began (null after a success or a retry): the
     * message dead-letters once it has been failing for longer than `outboxRetryHours`.
     */
    failingSinceMs: integer('failing_since_ms'),
    nextAttemptMs: integer('next_attempt_ms').notNull(),
    lastError: text('last_error'),
    lastAttemptMs: integer('last_attempt_ms'),
    createdMs: integer('created_ms').notNull(),
    sentMs: integer('sent_ms'),
    /**
     * A worker's claim (its lease): until then no other worker takes the message, nor any later one
     * of its record. Null, or past, when nobody holds it; kept apart from `next_attempt_ms`, so a
     * target that answers again can pull its waiting messages forward without touching a claim.
     */
    claimedUntilMs: integer('claimed_until_ms'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptMs),
    index('outbox_aggregate_idx').on(t.aggregate, t.status, t.id),
    uniqueIndex('outbox_aggregate_seq_uq').on(t.aggregate, t.seq),
  ],
);

/** The last `seq` given to each aggregate: survives the pruning of its sent messages. */
export const outboxSequences = sqliteTable('outbox_sequences', {
  aggregate: text('aggregate').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});
export * from './schema/users';
export * from './schema/stays';
export * from './schema/appointments';

// cars and rentals (issue 9 §2)
export * from './schema/cars';
// Stock (seed 002): resources, their bookings and movements.
export * from './schema/stock';
export * from './schema/stay-rules';
// How each outbox target is doing (issue 20 item 2): failing since, next probe.
export * from './schema/outbox-targets';
