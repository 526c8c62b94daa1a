/**
 * SQLite's plans for the outbox worker's writes by a list of ids (db/queries/outbox-claim-queries.ts):
 * each goes by the rowid. Without the table's statistics SQLite would rather walk `outbox_due_idx`
 * over every pending message, so each claim and each group of sent marks of a draining backlog would
 * cost time in proportion to the backlog (`NOT INDEXED` keeps it to the list's length).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../../db/database';
import { claimMessages, markSentMany, releaseClaims } from '../../../db/queries/outbox-claim-queries';
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
  const spy = { dialect: 'sqlite', all: async (sql: string, ...params: unknown[]) => ((seen = { sql, params }), []), run: async (sql: string, ...params: unknown[]) => ((seen = { sql, params }), { changes: 0 }) } as unknown as Db;
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
