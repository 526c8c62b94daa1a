/**
 * PostgreSQL 0004 (generated from db/schema.ts, as SQLite's 0010): the outbox's claims in their own
 * column and each target's health in its own table (issue 20 item 2). It applies over messages and
 * keeps them, none claimed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import type pg from 'pg';
import { connect, refusal } from './postgres-rows';

let step: PostgresMigrationStep;
let c: pg.Client | undefined;
beforeEach(async () => {
  step = await postgresMigrationStep('0004_outbox_claims_target_health');
});
afterEach(async () => {
  await c?.end();
  c = undefined;
  await step.dispose();
});

describe('PostgreSQL migration 0004_outbox_claims_target_health', () => {
  it('keeps every message with no claim on it, and adds an empty table of target health with one row per target', async () => {
    const before = await step.before();
    for (const [seq, status, next] of [[1, 'sent', 0], [2, 'pending', 90_000]] as const) {
      await before.run(
        `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, failures, next_attempt_ms, created_ms)
         VALUES ('billing', 'billing.bill_update', 'stay:1', ?, '/bills/update/1', '{}', ?, ?, 1, 0, ?, 0)`, seq, `k${seq}`, status, next,
      );
    }
    const db = await step.migrate();
    expect(await db.all('SELECT idempotency_key AS k, status, next_attempt_ms AS next, claimed_until_ms AS claimed FROM outbox ORDER BY id')).toEqual([
      { k: 'k1', status: 'sent', next: 0, claimed: null },
      { k: 'k2', status: 'pending', next: 90_000, claimed: null },
    ]);
    expect(await db.get('SELECT count(*) AS n FROM outbox_target_health')).toEqual({ n: 0 });
    await db.run(`INSERT INTO outbox_target_health (target, failing_since_ms) VALUES ('billing', 5)`);
    expect(await db.get(`SELECT failures, next_probe_ms AS probe FROM outbox_target_health`)).toEqual({ failures: 0, probe: null });
    c = await connect(step.url);
    expect((await refusal(c.query(`INSERT INTO outbox_target_health (target) VALUES ('billing')`))).code).toBe('23505');
  });
});
