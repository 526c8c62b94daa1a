/** 0003: the outbox's per-record sequence and retry window, on an outbox with messages in every state. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationStep, type MigrationStep } from './migration-steps';

let step: MigrationStep;
beforeEach(() => {
  step = migrationStep('0003_outbox_sequence_retry_window');
});
afterEach(() => step.dispose());

describe('migration 0003_outbox_sequence_retry_window', () => {
  it('numbers existing messages 1, 2, 3… per record in written order, continues each count, and drops outboxMaxAttempts', () => {
    const before = step.before;
    const insert = before.prepare(
      `INSERT INTO outbox (target, topic, aggregate, path, payload, idempotency_key, status, attempts, failures, next_attempt_ms, created_ms)
       VALUES ('billing', 'billing.bill_update', ?, '/bills/update/1', '{}', ?, ?, 3, 2, 0, 0)`,
    );
    const written = [['stay:1', 'sent'], ['stay:2', 'dead'], ['stay:1', 'dead'], ['stay:1', 'pending'], ['stay:2', 'pending']] as const;
    written.forEach(([aggregate, status], i) => insert.run(aggregate, `k${i}`, status));
    before.prepare(`INSERT INTO settings (key, value) VALUES ('outboxMaxAttempts', '3'), ('hotelName', '"Kept"')`).run();

    const db = step.migrate();
    expect(db.prepare('SELECT aggregate, seq, status, failing_since_ms AS "failingSince" FROM outbox ORDER BY id').all()).toEqual([
      { aggregate: 'stay:1', seq: 1, status: 'sent', failingSince: null },
      { aggregate: 'stay:2', seq: 1, status: 'dead', failingSince: null },
      { aggregate: 'stay:1', seq: 2, status: 'dead', failingSince: null },
      { aggregate: 'stay:1', seq: 3, status: 'pending', failingSince: null },
      { aggregate: 'stay:2', seq: 2, status: 'pending', failingSince: null },
    ]);
    expect(db.prepare('SELECT aggregate, last_seq AS "lastSeq" FROM outbox_sequences ORDER BY aggregate').all()).toEqual([
      { aggregate: 'stay:1', lastSeq: 3 },
      { aggregate: 'stay:2', lastSeq: 2 },
    ]);
    expect(db.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([{ key: 'hotelName' }]);
  });
});

