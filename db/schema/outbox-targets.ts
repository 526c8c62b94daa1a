/**
 * How each outbox target (billing, the event broker, e-mail) is doing, shared by every server on the
 * database (issue 20 item 2): whether it is failing and since when, and when it is next probed. A
 * success that ends a failing run pulls the target's waiting messages forward
 * (core/outbox/README.md, "A target that answers again"). One row per target, written by the
 * workers (db/queries/outbox-target-queries.ts), read by the outbox screen.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const outboxTargetHealth = sqliteTable('outbox_target_health', {
  /** The registry's id (core/outbox/outbox-targets.ts). */
  target: text('target').primaryKey(),
  /** The first transient failure since the last success; null while the target answers. */
  failingSinceMs: integer('failing_since_ms'),
  /** Transient failures since `failing_since_ms`: they space the probes. */
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error'),
  lastFailureMs: integer('last_failure_ms'),
  lastSuccessMs: integer('last_success_ms'),
  /** While failing: when one worker may next send a waiting message ahead of its own back-off. */
  nextProbeMs: integer('next_probe_ms'),
  /** When a failing run last ended (the target answered again). */
  recoveredMs: integer('recovered_ms'),
});
