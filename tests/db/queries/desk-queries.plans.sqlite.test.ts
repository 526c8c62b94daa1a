/** The desk's search and worklists read SQLite's own indexes (the FTS5 table, a partial index). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/test-core';

let t: TestCore;
beforeAll(async () => (t = await createTestCore()));
afterAll(async () => await t.close());

const details = async (sql: string) => ((await t.db.all(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((p) => p.detail).join('\n');

describe('the desk on SQLite', () => {
  it('searches through the FTS index, never a scan of the stays', async () => {
    const plan = await details(`SELECT s.id FROM stays s WHERE s.id IN (SELECT rowid FROM stay_search WHERE stay_search MATCH '"hansen"')`);
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan).not.toMatch(/SCAN s\b/);
  });

  it('reads the small partial index for the guests in house', async () => {
    expect(await details(`SELECT id FROM stays INDEXED BY stays_in_house_idx WHERE status = 'checked_in' AND checkout_ms < 5`)).toMatch(/stays_in_house_idx/);
  });
});
