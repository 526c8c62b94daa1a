/**
 * Candidate D (optional, availability probe only): drizzle's query builder, per dialect. On SQLite it
 * uses the project's drizzle schema (db/schema.ts, sqlite-core); on PostgreSQL it needs a pg-core
 * definition of the same table (`staysPg` below): drizzle's table objects belong to one dialect, so
 * two engines mean two schema files and, for typed queries, each query written against each.
 * "D" builds the query per call (drizzle's better-sqlite3 session prepares it every time);
 * "D prepared" builds it once with placeholders (`.prepare()`; a named statement on PostgreSQL).
 */
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Sqlite } from '../../db/open-database';
import { stays } from '../../db/schema';
import { MAX_STAY_MS } from './write-input';

export const staysPg = pgTable('stays', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  roomId: integer('room_id').notNull(),
  status: text('status').notNull(),
  checkinMs: bigint('checkin_ms', { mode: 'number' }).notNull(),
  checkoutMs: bigint('checkout_ms', { mode: 'number' }).notNull(),
});

const OCCUPYING = sql`status in ('booked', 'checked_in', 'checked_out')`;
type Probe = (roomId: number, startMs: number, endMs: number) => unknown;

export function drizzleSqliteProbes(sqlite: Sqlite): { D: Probe; 'D prepared': Probe } {
  const d = drizzleSqlite(sqlite);
  const build = (r: unknown, end: unknown, lo: unknown, start: unknown) =>
    d.select({ kind: sql<string>`'stay'`, id: stays.id }).from(stays)
      .where(and(eq(stays.roomId, r as number), OCCUPYING, lt(stays.checkinMs, end as number), gt(stays.checkinMs, lo as number),
        gt(stays.checkoutMs, start as number), ne(stays.id, 0)))
      .limit(1);
  const prepared = build(sql.placeholder('r'), sql.placeholder('end'), sql.placeholder('lo'), sql.placeholder('start')).prepare();
  return {
    D: (r, start, end) => build(r, end, start - MAX_STAY_MS, start).get(),
    'D prepared': (r, start, end) => prepared.get({ r, end, lo: start - MAX_STAY_MS, start }),
  };
}

export function drizzlePgProbes(pool: pg.Pool): { D: Probe; 'D prepared': Probe } {
  const d = drizzlePg({ client: pool });
  const build = (r: unknown, end: unknown, lo: unknown, start: unknown) =>
    d.select({ kind: sql<string>`'stay'`, id: staysPg.id }).from(staysPg)
      .where(and(eq(staysPg.roomId, r as number), OCCUPYING, lt(staysPg.checkinMs, end as number), gt(staysPg.checkinMs, lo as number),
        gt(staysPg.checkoutMs, start as number), ne(staysPg.id, 0)))
      .limit(1);
  const prepared = build(sql.placeholder('r'), sql.placeholder('end'), sql.placeholder('lo'), sql.placeholder('start')).prepare('d_avail');
  return {
    D: async (r, start, end) => (await build(r, end, start - MAX_STAY_MS, start))[0],
    'D prepared': async (r, start, end) => (await prepared.execute({ r, end, lo: start - MAX_STAY_MS, start }))[0],
  };
}
