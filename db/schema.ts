/**
 * The database schema (drizzle). `npm run db:generate` turns changes into a new SQL migration in
 * db/migrations, committed and applied at start-up. **Never edit an applied migration.**
 *
 * Instants are stored twice, on purpose: `*_ms` (UTC epoch ms, for range queries and indexes) and the
 * ISO 8601 text with the hotel's offset at booking time (what the API and the CSV show, so an export
 * of a million rows formats nothing).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { OUTBOX_STATUSES } from '../shared/contract/outbox';
import { ROLES } from '../shared/contract/roles';
import { HOUSEKEEPING_STATES } from '../shared/contract/rooms';
import { BLOCK_KINDS, STAY_STATUSES } from '../shared/rules/stay-rules';

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON. */
  value: text('value').notNull(),
});

/**
 * People who sign in. Usernames and e-mails are unique regardless of case. `password_hash` is an
 * argon2id PHC string; no response schema has a field for it.
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The first-run `admin`/`admin` and admin-reset passwords: nothing else works until changed. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastLoginAt: integer('last_login_at'),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
  ],
);

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

export const guestRooms = sqliteTable(
  'guest_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull(),
    category: text('category').notNull(),
    capacity: integer('capacity').notNull(),
    nightlyRate: integer('nightly_rate').notNull(),
    floor: integer('floor').notNull(),
    housekeeping: text('housekeeping', { enum: HOUSEKEEPING_STATES }).notNull().default('clean'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('guest_rooms_number_uq').on(t.number),
    check('guest_rooms_capacity_ck', sql`${t.capacity} >= 1`),
    check('guest_rooms_rate_ck', sql`${t.nightlyRate} >= 0`),
  ],
);

export const stays = sqliteTable(
  'stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => guestRooms.id),
    /** The room's category when booked (seed 000's `category`). */
    category: text('category').notNull(),
    guestName: text('guest_name').notNull(),
    guestEmail: text('guest_email'),
    guestPhone: text('guest_phone'),
    guests: integer('guests').notNull().default(1),
    checkin: text('checkin').notNull(),
    checkout: text('checkout').notNull(),
    checkinMs: integer('checkin_ms').notNull(),
    checkoutMs: integer('checkout_ms').notNull(),
    nights: integer('nights').notNull(),
    status: text('status', { enum: STAY_STATUSES }).notNull().default('booked'),
    price: integer('price').notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    /** The user the booking belongs to: a `client` sees and changes only the stays it owns. */
    ownerId: integer('owner_id').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    /**
     * The availability check's covering index: only stays that hold the room, ordered by start, with
     * the end beside it, so `room_id = ? AND checkin_ms BETWEEN ? AND ? AND checkout_ms > ?` never
     * touches the table. Its WHERE must match OCCUPYING_STATUSES (shared/rules/stay-rules.ts) and the
     * queries in db/queries/stay-queries.ts word for word, or SQLite will not use it. `status` is a
     * column too: SQLite counts a partial index as covering only if every column the query names
     * (the IN-list's `status` included) is in the index.
     */
    index('stays_occupancy_idx')
      .on(t.roomId, t.checkinMs, t.checkoutMs, t.status)
      .where(sql`status IN ('booked', 'checked_in', 'checked_out')`),
    /**
     * The rooms report's covering index (docs/reports.md): the sold stays in arrival order with every
     * column its query reads, so a year of ~75 000 stays is read from the index alone and grouped in
     * its order (`GROUP BY checkin_ms, checkout_ms, category, nights`, no sort). Its WHERE must match
     * db/queries/report-queries.ts word for word; `status` is a column for the reason above.
     */
    index('stays_report_idx')
      .on(t.checkinMs, t.checkoutMs, t.category, t.nights, t.price, t.createdAt, t.status)
      .where(sql`status IN ('booked', 'checked_in', 'checked_out')`),
    /** The rooms report's cancellations and no-shows by arrival, counted from the index alone. */
    index('stays_lost_idx').on(t.checkinMs, t.status).where(sql`status IN ('cancelled', 'no_show')`),
    /** The board and the date filters: stays starting in a window, their end read from the index. */
    index('stays_checkin_idx').on(t.checkinMs, t.checkoutMs),
    index('stays_room_idx').on(t.roomId, t.checkinMs),
    index('stays_guest_idx').on(t.guestName),
    index('stays_owner_idx').on(t.ownerId),
    check('stays_interval_ck', sql`${t.checkoutMs} > ${t.checkinMs}`),
    check('stays_guests_ck', sql`${t.guests} >= 1`),
    check('stays_price_ck', sql`${t.price} >= 0`),
  ],
);

export const roomBlocks = sqliteTable(
  'room_blocks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id').notNull().references(() => guestRooms.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    startsMs: integer('starts_ms').notNull(),
    endsMs: integer('ends_ms').notNull(),
    reason: text('reason').notNull(),
    /** `blocked` (held back, maintenance) or `out_of_order`: either way not sold for the period. */
    kind: text('kind', { enum: BLOCK_KINDS }).notNull().default('blocked'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('room_blocks_room_idx').on(t.roomId, t.startsMs, t.endsMs),
    check('room_blocks_interval_ck', sql`${t.endsMs} > ${t.startsMs}`),
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
export * from './schema/appointments';

// cars and rentals (issue 9 §2)
export * from './schema/cars';
// Stock (seed 002): resources, their bookings and movements.
export * from './schema/stock';
export * from './schema/stay-rules';
// How each outbox target is doing (issue 20 item 2): failing since, next probe.
export * from './schema/outbox-targets';
