/**
 * The desk's search and worklists can read PostgreSQL's own indexes: the trigram GIN index over the
 * folded guest fields (postgres migration 0001) and the partial index of the guests in house. The
 * tables of a test are tiny, so sequential scans are turned off for the plan (SET LOCAL, in a unit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeAll(async () => (t = await createTestCore()));
afterAll(async () => await t.close());

async function plan(sql: string): Promise<string> {
  return await t.db.unit(async () => {
    await t.db.run('SET LOCAL enable_seqscan = off');
    return ((await t.db.all(`EXPLAIN ${sql}`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the desk on PostgreSQL', () => {
  it('searches through the trigram index', async () => {
    const p = await plan(`SELECT s.id FROM stays s WHERE frontdesk_search_doc(s.guest_name, s.guest_email, s.guest_phone) LIKE frontdesk_search_fold('%Hansen%')`);
    expect(p).toMatch(/stays_search_trgm_idx/);
  });

  it('folds case and accents as SQLite\'s trigram tokenizer does', async () => {
    const row = await t.db.get<{ f: string }>(`SELECT frontdesk_search_doc('Søren ÆRØ Kierkegård', 'Lars@Example.DK', '+45 (20) 12-34.56') AS f`);
    expect(row!.f).toBe('søren ærø kierkegard\nlars@example.dk\n4520123456');
  });

  it('reads the small partial index for the guests in house', async () => {
    expect(await plan(`SELECT id FROM stays WHERE status = 'checked_in' AND checkout_ms < 5`)).toMatch(/stays_in_house_idx/);
  });
});
