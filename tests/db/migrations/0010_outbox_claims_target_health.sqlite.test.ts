/**
 * 0010: the outbox's claims get their own column (`claimed_until_ms`, kept apart from the next
 * attempt, so a recovered target can pull its backlog forward without touching a claim) and each
 * target's health its own table (issue 20 item 2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0010_outbox_claims_target_health');
});
afterEach(() => step.dispose());

describe('migration 0010_outbox_claims_target_health', () => {
  it('keeps every message with no claim on it, and adds an empty table of target health with one row per target', () => {
    const before = step.before;
    const insert = before.prepare(
      `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, failures, next_attempt_ms, created_ms)
       VALUES ('billing', 'billing.bill_update', ?, ?, '/bills/update/1', '{}', ?, ?, 1, 0, ?, 0)`,
    );
    insert.run('stay:1', 1, 'k1', 'sent', 0);
    insert.run('stay:1', 2, 'k2', 'pending', 90_000); // an old lease in next_attempt_ms: due again at that time, as before

    const db = step.migrate();
    expect(db.prepare('SELECT idempotency_key AS k, status, next_attempt_ms AS next, claimed_until_ms AS claimed FROM outbox ORDER BY id').all()).toEqual([
      { k: 'k1', status: 'sent', next: 0, claimed: null },
      { k: 'k2', status: 'pending', next: 90_000, claimed: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox_target_health').get()).toEqual({ n: 0 });
    db.prepare(`INSERT INTO outbox_target_health (target, failing_since_ms) VALUES ('billing', 5)`).run();
    expect(db.prepare(`SELECT failures, next_probe_ms AS probe FROM outbox_target_health`).get()).toEqual({ failures: 0, probe: null });
    expect(() => db.prepare(`INSERT INTO outbox_target_health (target) VALUES ('billing')`).run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
