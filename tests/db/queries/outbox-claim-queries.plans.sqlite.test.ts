/**
 * SQLite's plans for the outbox worker's queries (db/queries/outbox-claim-queries.ts). The writes by a
 * list of ids each go by the rowid: without the table's statistics SQLite would rather walk
 * `outbox_due_idx` over every pending message, so each claim and each group of sent marks of a
 * draining backlog would cost time in proportion to the backlog (`NOT INDEXED` keeps it to the list's
 * length). The due heads' checks and the chains' read are ranges of `outbox_aggregate_idx`, so neither
 * walks a record's history of sent messages, and the chains come in its order, unsorted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../db/database';
import { claimMessages, dueHeads, markSentMany, pendingChains, releaseClaims } from '../../../db/queries/outbox-claim-queries';
import { openTestDatabase } from '../../support/test-database';

let db: Database;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ db, close } = await openTestDatabase('sqlite'));
});
afterEach(() => close());

/** The SQL and parameters a query function sends, caught without running it. */
async function caught(run: (db: Db) => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  let seen: { sql: string; params: unknown[] } | undefined;
  const spy = { dialect: 'sqlite', get: async (sql: string, ...params: unknown[]) => ((seen = { sql, params }), undefined), all: async (sql: string, ...params: unknown[]) => ((seen = { sql, params }), []), run: async (sql: string, ...params: unknown[]) => ((seen = { sql, params }), { changes: 0 }) } as unknown as Db;
  await run(spy);
  return seen!;
}

const plan = async (q: { sql: string; params: unknown[] }) => (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.params)).map((r) => r.detail);

describe('the outbox worker’s writes by a list of ids', () => {
  const ids = Array.from({ length: 40 }, (_, i) => i + 1);

  it('claims by the rowid', async () => {
    expect(await plan(await caught((d) => claimMessages(d, ids, { now: 1, dueBy: 1, leaseUntilMs: 2 })))).toEqual(['SEARCH outbox USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('marks sent by the rowid', async () => {
    expect(await plan(await caught((d) => markSentMany(d, ids, 1)))).toEqual(['SEARCH outbox USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('gives claims back by the rowid', async () => {
    expect(await plan(await caught((d) => releaseClaims(d, ids, 2)))).toEqual(['SEARCH outbox USING INTEGER PRIMARY KEY (rowid=?)']);
  });
});

describe('the outbox worker’s reads', () => {
  it('checks each due head’s earlier messages by a range of its record’s pending and dead ones (and its superseded ones), not by its whole history', async () => {
    expect(await plan(await caught((d) => dueHeads(d, { now: 1, dueBy: 1, target: 'events', limit: 16 })))).toEqual([
      'SEARCH o USING INDEX outbox_due_idx (status=? AND next_attempt_ms<?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH p USING INDEX outbox_aggregate_idx (aggregate=? AND status=? AND id<?)',
      'CORRELATED SCALAR SUBQUERY 2',
      'SEARCH p USING INDEX outbox_aggregate_idx (aggregate=? AND status=? AND id<?)',
    ]);
  });

  it('reads the chains of many records in the index’s order, without a sort', async () => {
    const records = Array.from({ length: 40 }, (_, i) => `car:${i + 1}`);
    expect(await plan(await caught((d) => pendingChains(d, 'events', records, 64)))).toEqual(['SEARCH o USING INDEX outbox_aggregate_idx (aggregate=? AND status=?)']);
  });
});
