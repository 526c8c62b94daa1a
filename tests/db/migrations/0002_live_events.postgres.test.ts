/**
 * PostgreSQL 0002 (hand-written): the `live_events` table several servers share (issue 20 item 4,
 * docs/decisions/0003-live-events-across-servers.md). It applies over a database holding rows and
 * keeps them; a row gets its transaction's id and its time by default, so the listener can read by
 * transaction horizon; a rolled-back transaction leaves no row.
 */
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import { connect } from './postgres-rows';

let step: PostgresMigrationStep;
let c: pg.Client | undefined;
beforeEach(async () => {
  step = await postgresMigrationStep('0002_live_events');
});
afterEach(async () => {
  await c?.end();
  c = undefined;
  await step.dispose();
});

describe('PostgreSQL migration 0002_live_events', () => {
  it('applies over a database holding rows and keeps them', async () => {
    const before = await step.before();
    await before.run(`INSERT INTO guest_rooms (number, category, capacity, nightly_rate, floor, created_at, updated_at) VALUES (101, 'x', 1, 0, 1, 0, 0)`);
    const migrated = await step.migrate();
    expect(await migrated.all(`SELECT number FROM guest_rooms`)).toEqual([{ number: 101 }]);
    expect(await migrated.get<{ n: number }>(`SELECT count(*) AS n FROM live_events`)).toEqual({ n: 0 });
  });

  it('stamps each row with its transaction and time; a rolled-back transaction leaves none', async () => {
    await step.migrate();
    c = await connect(step.url);
    await c.query('BEGIN');
    const xid = (await c.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`)).rows[0]!.xid;
    await c.query(`INSERT INTO live_events (origin, payload) VALUES ('a', '{}'), ('a', '{}')`);
    await c.query('COMMIT');
    await c.query('BEGIN');
    await c.query(`INSERT INTO live_events (origin, payload) VALUES ('b', '{}')`);
    await c.query('ROLLBACK');
    const rows = (await c.query<{ origin: string; xid: string; created_ms: string }>(`SELECT origin, xid::text AS xid, created_ms::text AS created_ms FROM live_events ORDER BY id`)).rows;
    expect(rows.map((r) => [r.origin, r.xid])).toEqual([['a', xid], ['a', xid]]);
    expect(Math.abs(Number(rows[0]!.created_ms) - Date.now())).toBeLessThan(60_000);
  });
});
