/**
 * PostgreSQL 0003 (generated): the rooms report's covering indexes, built over the stays already
 * booked; the report's two stays queries (db/queries/report-queries.ts, word for word) can then be
 * answered by index-only scans, the sold stays grouped in the index's order.
 */
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOST_ARRIVALS_SQL, ROOMS_STAY_GROUPS_SQL } from '../../../db/queries/report-queries';
import { postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import { connect, room, stay } from './postgres-rows';

let step: PostgresMigrationStep;
let c: pg.Client | undefined;
beforeEach(async () => {
  step = await postgresMigrationStep('0003_report_indexes');
});
afterEach(async () => {
  await c?.end();
  c = undefined;
  await step.dispose();
});

/** The query's plan with its parameters written in, sequential scans off (a tiny table would be scanned whole). */
async function plan(client: pg.Client, sql: string): Promise<string> {
  const literal = sql.replace(/@lowMs/g, '0').replace(/@startMs/g, '500').replace(/@endMs/g, '5000');
  await client.query('SET enable_seqscan = off');
  return (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${literal}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('PostgreSQL migration 0003_report_indexes', () => {
  it('indexes the stays booked before it, and the report can read them from the indexes alone', async () => {
    await step.before();
    c = await connect(step.url);
    const roomId = await room(c);
    await stay(c, roomId, 1000, 2000, 'checked_out');
    await stay(c, roomId, 3000, 4000, 'cancelled');
    await c.end();
    c = undefined;
    const db = await step.migrate();
    expect(await db.all(`SELECT indexname FROM pg_indexes WHERE tablename = 'stays' AND indexname IN ('stays_report_idx', 'stays_lost_idx') ORDER BY indexname`))
      .toEqual([{ indexname: 'stays_lost_idx' }, { indexname: 'stays_report_idx' }]);
    c = await connect(step.url);
    await c.query('VACUUM ANALYZE stays');
    const groups = await plan(c, ROOMS_STAY_GROUPS_SQL);
    expect(groups).toMatch(/Index Only Scan using stays_report_idx/);
    expect(groups).not.toMatch(/Sort/);
    expect(await plan(c, LOST_ARRIVALS_SQL)).toMatch(/Index Only Scan using stays_lost_idx/);
  });
});
