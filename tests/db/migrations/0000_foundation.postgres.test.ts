/**
 * PostgreSQL 0000: the whole schema of db/schema.ts, derived for PostgreSQL (db/schema-postgres.ts),
 * on an empty database — every table, column and index of the schema, text as `COLLATE "C"`,
 * integers as bigint, flags as smallint, identity keys; and the rules the shared schema declares
 * (unique indexes with their case rules, CHECKs, foreign keys) refusing with PostgreSQL's own errors.
 */
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_COLUMNS, SCHEMA_INDEXES, SCHEMA_TABLES, sorted } from '../schema-tables';
import { createdAfter, postgresMigrationStep, type PostgresMigrationStep } from './migration-steps';
import { car, connect, insertRow, refusal, room, stay } from './postgres-rows';

let step: PostgresMigrationStep;
let c: pg.Client;
beforeEach(async () => {
  // Every migration before 0001: the foundation alone.
  step = await postgresMigrationStep('0001_postgres_invariants');
  await step.before();
  c = await connect(step.url);
});
afterEach(async () => {
  await c.end();
  await step.dispose();
});

/** The schema's tables, columns and indexes that the foundation makes: all but those a later migration creates. */
const later = createdAfter('postgres', '0000_foundation');
const FOUNDATION_TABLES = SCHEMA_TABLES.filter((t) => !later.tables.has(t));
const FOUNDATION_INDEXES = SCHEMA_INDEXES.filter((i) => !later.indexes.has(i));

const column = async (table: string, name: string) =>
  (
    await c.query<{ type: string; collation: string | null; identity: string }>(
      `SELECT data_type AS type, collation_name AS collation, is_identity AS identity FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
      [table, name],
    )
  ).rows[0];

describe('PostgreSQL migration 0000_foundation', () => {
  it('creates every table of the schema with its columns, and nothing else', async () => {
    const rows = (await c.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
    )).rows;
    const stored: Record<string, string[]> = {};
    for (const r of rows) (stored[r.table] ??= []).push(r.column);
    expect([...later.tables, ...later.columns]).toEqual(expect.arrayContaining(['outbox_target_health', 'outbox.claimed_until_ms']));
    expect(sorted(Object.keys(stored))).toEqual(sorted(FOUNDATION_TABLES));
    for (const table of FOUNDATION_TABLES) {
      expect({ table, columns: stored[table] }).toEqual({ table, columns: SCHEMA_COLUMNS[table]!.filter((name) => !later.columns.has(`${table}.${name}`)) });
    }
  });

  it('creates every index of the schema (besides the primary keys and those later migrations add)', async () => {
    const rows = (await c.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`)).rows;
    expect([...later.indexes]).toEqual(expect.arrayContaining(['stays_report_idx']));
    expect(sorted(rows.map((r) => r.name))).toEqual(sorted(FOUNDATION_INDEXES));
  });

  it('stores text as COLLATE "C", integers as bigint, flags as smallint, keys as identity', async () => {
    const collations = (await c.query<{ collation: string | null; n: string }>(
      `SELECT collation_name AS collation, count(*) AS n FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'text' GROUP BY 1`,
    )).rows;
    expect(collations.map((r) => r.collation)).toEqual(['C']);
    expect(await column('stays', 'guest_name')).toEqual({ type: 'text', collation: 'C', identity: 'NO' });
    expect(await column('stays', 'checkin_ms')).toEqual({ type: 'bigint', collation: null, identity: 'NO' });
    expect(await column('stays', 'id')).toEqual({ type: 'bigint', collation: null, identity: 'YES' });
    expect(await column('users', 'active')).toEqual({ type: 'smallint', collation: null, identity: 'NO' });
    const types = (await c.query<{ type: string }>(`SELECT DISTINCT data_type AS type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`)).rows;
    expect(types.map((r) => r.type)).toEqual(['bigint', 'smallint', 'text']);
  });

  it('keeps room numbers unique (23505)', async () => {
    await room(c, 101);
    expect(await refusal(room(c, 101))).toMatchObject({ code: '23505', constraint: 'guest_rooms_number_uq' });
  });

  it('keeps usernames, e-mails, resource names and the fleet’s plates unique regardless of ASCII case (23505)', async () => {
    const user = (username: string, email: string) =>
      insertRow(c, 'users', { username, email, password_hash: 'h', role: 'staff', created_at: 0, updated_at: 0 });
    await user('Eva', 'eva@hotel.test');
    expect(await refusal(user('EVA', 'other@hotel.test'))).toMatchObject({ code: '23505', constraint: 'users_username_uq' });
    expect(await refusal(user('other', 'Eva@Hotel.TEST'))).toMatchObject({ code: '23505', constraint: 'users_email_uq' });
    // Case is folded for ASCII letters only, as SQLite's lower() does: Æ and æ are two names.
    await user('Ærø', 'aero1@hotel.test');
    await user('æRØ', 'aero2@hotel.test');

    const resource = (name: string) => insertRow(c, 'stock_resources', { name, total_quantity: 1, available_quantity: 1, created_at: 0, updated_at: 0 });
    await resource('Extra bed');
    expect(await refusal(resource('EXTRA BED'))).toMatchObject({ code: '23505', constraint: 'stock_resources_name_uq' });

    const id = await car(c, 1, 'AB 12 345');
    expect(await refusal(car(c, 1, 'ab 12 345'))).toMatchObject({ code: '23505', constraint: 'cars_plate_uq' });
    await c.query('UPDATE cars SET deleted_at = 1 WHERE id = $1', [id]);
    await car(c, 1, 'ab 12 345');
  });

  it('refuses a stay in a room that does not exist (23503) and one whose checkout is not after its checkin (23514)', async () => {
    expect(await refusal(stay(c, 999, 1, 2))).toMatchObject({ code: '23503', constraint: 'stays_room_id_guest_rooms_id_fk' });
    const r = await room(c);
    expect(await refusal(stay(c, r, 2, 2))).toMatchObject({ code: '23514', constraint: 'stays_interval_ck' });
    // (A refused insert has used up its id: PostgreSQL's sequences are not rolled back.)
    expect(await stay(c, r, 1, 2)).toBeGreaterThan(0);
  });

  it('makes stays_occupancy_idx partial over exactly the occupying statuses', async () => {
    const { rows } = await c.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'stays_occupancy_idx'`);
    expect(rows[0]!.def).toMatch(/WHERE \(status = ANY \(ARRAY\['booked'::text, 'checked_in'::text, 'checked_out'::text\]\)\)$/);
  });
});
