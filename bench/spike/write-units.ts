/**
 * The two write units, once per way of writing them:
 *
 * - A: today's synchronous db/queries functions (findOccupancyConflict, insertStay, enqueueOutbox,
 *   insertAuditRow, takeStock, insertStockBooking), group-committed by core/write-batcher.ts.
 * - B / raw pg: ONE async source over a `Q` (get/all/run with `?` SQL). B runs it through the handle
 *   (b-sqlite.ts, b-pg.ts); raw pg runs the same text, rewritten to `$n`, with plain
 *   `client.query(text, values)` in `BEGIN … COMMIT` on a pooled client.
 * - C: ONE Kysely source, for both dialects.
 *
 * Booking: stay conflict → block conflict → insert stay → outbox seq upsert → supersede older billing
 * messages → outbox insert → audit insert (7 statements, as a POST /bookings runs them). Stock: the
 * guarded decrement → booking row → seq upsert → outbox insert (4 statements).
 */
import { sql } from 'kysely';
import type pg from 'pg';
import { enqueueOutbox } from '../../core/outbox/outbox-queries';
import type { Sqlite } from '../../db/open-database';
import { insertAuditRow } from '../../db/queries/audit-queries';
import { BLOCK_CONFLICT_SQL, findOccupancyConflict, insertStay, STAY_CONFLICT_SQL } from '../../db/queries/stay-queries';
import { insertStockBooking, takeStock } from '../../db/queries/stock-queries';
import { NOW_MS } from '../support/hotel-dataset';
import { toPgSql } from './b-pg';
import type { KDb } from './c-kysely';
import { auditInput, billingMessage, BOOKED_AT, MAX_STAY_MS, Refused, stayInput, stockMessage, type OutboxInput } from './write-input';

// ---- A ----------------------------------------------------------------------------------------

export function bookingA(db: Sqlite, k: number): number {
  const s = stayInput(k);
  if (findOccupancyConflict(db, s.roomId, s.checkinMs, s.checkoutMs, MAX_STAY_MS)) throw new Refused('taken');
  const id = insertStay(db, s);
  const payload = { room_type: s.category, checkin: s.checkin, checkout: s.checkout, roomnumber: 0, status: s.status, price: s.price, currency: 'DKK' };
  enqueueOutbox(db, { target: 'billing', topic: 'billing.bill_update', aggregate: `stay:${id}`, path: `/bills/update/${id}`, payload }, NOW_MS);
  insertAuditRow(db, auditInput('stay', id));
  return id;
}

export function stockA(db: Sqlite, resourceId: number): number {
  if (!takeStock(db, resourceId, 1, NOW_MS)) throw new Refused('sold out');
  const id = insertStockBooking(db, {
    resourceId, quantity: 1, guestName: null, stayId: null, ownerId: null, createdBy: 'lan', bookedAt: BOOKED_AT, bookedMs: NOW_MS,
    returnBy: null, returnByMs: null, notes: '',
  });
  enqueueOutbox(db, { target: 'events', topic: 'stock.booked', aggregate: `stock-booking:${id}`, path: '/events', payload: { bookingId: id, resourceId, quantity: 1 } }, NOW_MS);
  return id;
}

// ---- B and raw pg: one source over `?` SQL ------------------------------------------------------

export interface Q {
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  run(sql: string, ...params: unknown[]): Promise<{ changes: number }>;
  insert(sql: string, ...params: unknown[]): Promise<number>;
}

export const SQL = {
  insertStay: `INSERT INTO stays (room_id, category, guest_name, guest_email, guest_phone, guests, checkin, checkout, checkin_ms, checkout_ms,
                      nights, status, price, notes, created_by, owner_id, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  nextSeq: `INSERT INTO outbox_sequences (aggregate, last_seq) VALUES (?, 1)
   ON CONFLICT (aggregate) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1 RETURNING last_seq AS seq`,
  supersede: `UPDATE outbox SET status = 'superseded' WHERE aggregate = ? AND target = ? AND status IN ('pending', 'dead')`,
  insertOutbox: `INSERT INTO outbox (target, topic, aggregate, seq, path, payload, idempotency_key, status, attempts, next_attempt_ms, created_ms)
   VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  insertAudit: `INSERT INTO audit_log (at, actor_id, actor, role, action, entity, entity_id, detail, via, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  takeStock: `UPDATE stock_resources SET available_quantity = available_quantity - ?, updated_at = ? WHERE id = ? AND available_quantity >= ?`,
  insertStockBooking: `INSERT INTO stock_bookings (resource_id, quantity, status, guest_name, stay_id, owner_id, created_by, booked_at, booked_ms,
                      return_by, return_by_ms, notes)
   VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

async function outboxQ(q: Q, m: (seq: number) => OutboxInput, aggregate: string, wholeState: boolean): Promise<number> {
  const { seq } = (await q.get<{ seq: number }>(SQL.nextSeq, aggregate))!;
  if (wholeState) await q.run(SQL.supersede, aggregate, 'billing');
  const e = m(seq);
  return q.insert(SQL.insertOutbox, e.target, e.topic, e.aggregate, seq, e.path, e.payload, e.idempotencyKey, e.nowMs, e.nowMs);
}

export async function bookingQ(q: Q, k: number): Promise<number> {
  const s = stayInput(k);
  const hit = (await q.get(STAY_CONFLICT_SQL, s.roomId, s.checkoutMs, s.checkinMs - MAX_STAY_MS, s.checkinMs, 0))
    ?? (await q.get(BLOCK_CONFLICT_SQL, s.roomId, s.checkoutMs, s.checkinMs, 0));
  if (hit) throw new Refused('taken');
  const id = await q.insert(SQL.insertStay, s.roomId, s.category, s.guestName, s.guestEmail, s.guestPhone, s.guests,
    s.checkin, s.checkout, s.checkinMs, s.checkoutMs, s.nights, s.status, s.price, s.notes, s.createdBy, s.ownerId, s.createdAt, s.updatedAt);
  await outboxQ(q, (seq) => billingMessage(id, s, seq), `stay:${id}`, true);
  const a = auditInput('stay', id);
  await q.run(SQL.insertAudit, a.at, a.actorId, a.actor, a.role, a.action, a.entity, a.entityId, a.detail, a.via, a.address);
  return id;
}

export async function stockQ(q: Q, resourceId: number): Promise<number> {
  if ((await q.run(SQL.takeStock, 1, NOW_MS, resourceId, 1)).changes !== 1) throw new Refused('sold out');
  const id = await q.insert(SQL.insertStockBooking, resourceId, 1, null, null, null, 'lan', BOOKED_AT, NOW_MS, null, null, '');
  await outboxQ(q, () => stockMessage(id, resourceId), `stock-booking:${id}`, false);
  return id;
}

/** Raw pg: the same transaction, unnamed statements, no handle. */
const pgText = new Map<string, string>();
function rawQ(c: pg.PoolClient): Q {
  const text = (s: string) => {
    let t = pgText.get(s);
    if (t === undefined) pgText.set(s, (t = toPgSql(s)));
    return t;
  };
  return {
    get: async <T>(s: string, ...p: unknown[]) => (await c.query(text(s), p)).rows[0] as T | undefined,
    run: async (s: string, ...p: unknown[]) => ({ changes: (await c.query(text(s), p)).rowCount ?? 0 }),
    insert: async (s: string, ...p: unknown[]) => (await c.query(`${text(s)} RETURNING id`, p)).rows[0].id as number,
  };
}

export async function rawPgUnit<T>(pool: pg.Pool, fn: (q: Q) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const v = await fn(rawQ(c));
    await c.query('COMMIT');
    return v;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

// ---- C: Kysely ----------------------------------------------------------------------------------

/** Literal, not bound: SQLite uses a partial index only when the query's terms imply its WHERE. */
export const OCCUPYING = sql<boolean>`status in ('booked', 'checked_in', 'checked_out')`;
/**
 * `LIMIT 1` as a literal: Kysely binds `.limit(1)` as `limit ?`, and this SQLite (STAT4) then spends
 * 3–4× as long on the availability probe (31 µs instead of 9 µs, measured in the spike).
 */
const ONE = sql.lit(1);

async function outboxK(trx: KDb, m: (seq: number) => OutboxInput, aggregate: string, wholeState: boolean): Promise<number> {
  const { seq } = await trx.insertInto('outboxSequences').values({ aggregate, lastSeq: 1 })
    .onConflict((oc) => oc.column('aggregate').doUpdateSet((eb) => ({ lastSeq: eb('outboxSequences.lastSeq', '+', 1) })))
    .returning('lastSeq as seq').executeTakeFirstOrThrow();
  if (wholeState) {
    await trx.updateTable('outbox').set({ status: sql.lit('superseded') })
      .where('aggregate', '=', aggregate).where('target', '=', 'billing').where(sql<boolean>`status in ('pending', 'dead')`).execute();
  }
  const e = m(seq);
  const row = await trx.insertInto('outbox').values({
    target: e.target, topic: e.topic, aggregate: e.aggregate, seq, path: e.path, payload: e.payload, idempotencyKey: e.idempotencyKey,
    status: 'pending', attempts: 0, nextAttemptMs: e.nowMs, createdMs: e.nowMs,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function stayConflictK(trx: KDb, roomId: number, startMs: number, endMs: number) {
  return trx.selectFrom('stays').select([sql.lit('stay').as('kind'), 'id'])
    .where('roomId', '=', roomId).where(OCCUPYING)
    .where('checkinMs', '<', endMs).where('checkinMs', '>', startMs - MAX_STAY_MS).where('checkoutMs', '>', startMs).where('id', '<>', 0)
    .limit(ONE).executeTakeFirst();
}

export async function bookingK(trx: KDb, k: number): Promise<number> {
  const s = stayInput(k);
  const hit = (await stayConflictK(trx, s.roomId, s.checkinMs, s.checkoutMs))
    ?? (await trx.selectFrom('roomBlocks').select([sql.lit('block').as('kind'), 'id'])
      .where('roomId', '=', s.roomId).where('startsMs', '<', s.checkoutMs).where('endsMs', '>', s.checkinMs).where('id', '<>', 0)
      .limit(ONE).executeTakeFirst());
  if (hit) throw new Refused('taken');
  const { id } = await trx.insertInto('stays').values(s).returning('id').executeTakeFirstOrThrow();
  await outboxK(trx, (seq) => billingMessage(id, s, seq), `stay:${id}`, true);
  await trx.insertInto('auditLog').values(auditInput('stay', id)).execute();
  return id;
}

export async function stockK(trx: KDb, resourceId: number): Promise<number> {
  const r = await trx.updateTable('stockResources')
    .set((eb) => ({ availableQuantity: eb('availableQuantity', '-', 1), updatedAt: NOW_MS }))
    .where('id', '=', resourceId).where('availableQuantity', '>=', 1).executeTakeFirst();
  if (r.numUpdatedRows !== 1n) throw new Refused('sold out');
  const { id } = await trx.insertInto('stockBookings').values({
    resourceId, quantity: 1, status: 'out', guestName: null, stayId: null, ownerId: null, createdBy: 'lan', bookedAt: BOOKED_AT,
    bookedMs: NOW_MS, returnBy: null, returnByMs: null, notes: '',
  }).returning('id').executeTakeFirstOrThrow();
  await outboxK(trx, () => stockMessage(id, resourceId), `stock-booking:${id}`, false);
  return id;
}
