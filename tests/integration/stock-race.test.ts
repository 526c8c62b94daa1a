/**
 * No overselling under concurrency (SPEC §3.3, §6, issue 16 item 3): 16 clients on 16 real TCP
 * connections race for 100 rounds; in each round all 16 at once send a seed-002 booking of 1–3 of
 * that round's resource (5 available). Per resource the granted total is at most 5, the available
 * quantity is never negative, the movements add up to what is left, and returning every granted
 * booking gives back exactly 5. On either engine.
 *
 * The second case shows what the one guarded UPDATE prevents: the same race against a booking
 * handler that reads the quantity, awaits, then writes `read − n` grants far more than 5 — while the
 * CHECK (available ≥ 0) never fires, because every write stays non-negative (a lost update, on
 * both engines: READ COMMITTED lets it happen on PostgreSQL too).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../core/api/build-server';
import type { Dispatch } from '../../core/command-dispatcher';
import type { CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import { getStockResourceByName, insertStockBooking } from '../../db/queries/stock-queries';
import type { Db } from '../../db/database';
import type { ParsedInput } from '../../shared/contract/commands';
import type { StockBooking } from '../../shared/contract/stock';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import { signIn, signInFirstAdmin } from '../support/sessions';
import { createHttpClient, type HttpClient } from '../support/socket-client';
import { createTestCore, deskCtx } from '../support/test-core';
import { testEngine } from '../support/test-database';
import { startTestHost } from '../support/test-host';

const CLIENTS = 16;
const ROUNDS = 100;
const STOCK = 5;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface StockRace {
  granted: number[];
  /** What was granted of each round's resource. */
  grantedPerRound: number[];
  statuses: Record<number, number>;
  unexpected: string[];
  /** Every 409 said how many were left; the smallest number said. */
  leftSaid: number[];
}

/** A fixed pseudo-random 1–3 per request, so a failure repeats. */
const quantityOf = (client: number, attempt: number) => ((client * 7 + attempt * 13) % 3) + 1;

/** Round `a`'s resource. */
const bike = (a: number) => `Bike ${a}`;

async function race(baseUrl: string, tokens: string[], rounds: number): Promise<StockRace> {
  const clients: HttpClient[] = tokens.map((token) => createHttpClient(baseUrl, { token }));
  const result: StockRace = { granted: [], grantedPerRound: [], statuses: {}, unexpected: [], leftSaid: [] };
  try {
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    for (let a = 0; a < rounds; a++) {
      let granted = 0;
      await Promise.all(
        clients.map(async (client, i) => {
          const q = quantityOf(i, a);
          const res = await client.send({ method: 'POST', path: '/bookings/', body: { resource: bike(a), purchase_quantity: q } });
          result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
          if (res.status === 201) {
            const n = (JSON.parse(res.body) as { purchase_quantity: number }).purchase_quantity;
            result.granted.push(n);
            granted += n;
          } else if (res.status === 409) result.leftSaid.push(Number(/only (\d+) left/.exec(res.body)?.[1] ?? NaN));
          else result.unexpected.push(`${res.status} ${res.body}`);
        }),
      );
      result.grantedPerRound.push(granted);
    }
    return result;
  } finally {
    for (const c of clients) c.close();
  }
}

interface StockState {
  available: number;
  total: number;
  outSum: number;
  movementSum: number;
}

/** One resource's quantities, its bookings out and its movements (committed rows only). */
async function stockState(db: Db, name: string): Promise<StockState> {
  return (await db.get<StockState>(
    `SELECT available_quantity AS available, total_quantity AS total,
       (SELECT coalesce(sum(quantity), 0) FROM stock_bookings b WHERE b.resource_id = r.id AND b.status = 'out') AS "outSum",
       (SELECT coalesce(sum(available_change), 0) FROM stock_movements m WHERE m.resource_id = r.id) AS "movementSum"
     FROM stock_resources r WHERE name = ?`,
    name,
  ))!;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe(`${CLIENTS} clients × ${ROUNDS} rounds of bookings of 1–3 on a resource with ${STOCK} available, over real sockets`, () => {
  it('the real server: at most 5 granted per resource, never negative, the movements add up, and returns give back exactly 5', { timeout: 300_000 }, async () => {
    const th = await startTestHost();
    cleanups.push(() => th.close());
    for (let a = 0; a < ROUNDS; a++) {
      const created = await th.json('POST', '/resources/', { name: bike(a), description: 'City bike', total_quantity: STOCK, available_quantity: STOCK });
      expect(created.status).toBe(201);
    }
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) tokens.push((await signIn(th.host.core, 'client')).token);

    const r = await race(th.host.url, tokens, ROUNDS);
    console.info(`stock race on ${testEngine}, real server: ${CLIENTS * ROUNDS} requests → ${JSON.stringify(r.statuses)}, granted ${sum(r.granted)} in ${r.granted.length} bookings`);

    expect(r.unexpected).toEqual([]);
    expect(r.grantedPerRound.filter((n) => n > STOCK)).toEqual([]);
    expect(r.statuses[201]! + r.statuses[409]!).toBe(CLIENTS * ROUNDS);
    expect(r.leftSaid.every((n) => n >= 0 && n < 3)).toBe(true);
    const db = th.host.core.deps.db;
    for (let a = 0; a < ROUNDS; a++) {
      const after = await stockState(db, bike(a));
      expect(after.available).toBeGreaterThanOrEqual(0);
      expect(after.available).toBe(STOCK - r.grantedPerRound[a]!);
      expect(after.outSum).toBe(r.grantedPerRound[a]);
      expect(after.movementSum).toBe(after.available);
    }

    // every granted booking comes back over HTTP: exactly what was taken, no more
    const page = (await (await th.fetch('/api/v1/stock/bookings?status=out&limit=1000')).json()) as { items: StockBooking[] };
    expect(sum(page.items.map((b) => b.quantity))).toBe(sum(r.granted));
    for (const b of page.items) expect((await th.json('POST', `/api/v1/stock/bookings/${b.id}/return`)).status).toBe(200);
    const second = await th.json('POST', `/api/v1/stock/bookings/${page.items[0]!.id}/return`);
    expect(second.status).toBe(409);
    for (let a = 0; a < ROUNDS; a++) expect(await stockState(db, bike(a))).toEqual({ available: STOCK, total: STOCK, outSum: 0, movementSum: STOCK });
  });

  it('the same race against a handler that reads, awaits, then writes: it oversells', async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['stock:create']({ name: bike(0), description: 'City bike', totalQuantity: STOCK }, deskCtx);
    const broken = checkThenAwaitThenWrite(t.core);
    const call = ((name, input, ctx) =>
      name === 'stock:seedBook' ? broken(input as ParsedInput<'stock:seedBook'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const r = await race(url, Array.from({ length: CLIENTS }, () => token), 1);
    console.info(`stock race on ${testEngine}, broken handler: ${JSON.stringify(r.statuses)}, granted ${sum(r.granted)} of ${STOCK}`);
    expect(sum(r.granted)).toBeGreaterThan(STOCK);
    // the CHECK never fired: each write was a non-negative stale value
    expect((await stockState(t.db, bike(0))).available).toBeGreaterThanOrEqual(0);
  });
});

/**
 * **Deliberately wrong**: seed 002's booking with the check and the write split by an `await`,
 * writing the quantity it read minus what it takes (a lost update).
 */
function checkThenAwaitThenWrite(core: Core) {
  const db = core.deps.db;
  return async (input: ParsedInput<'stock:seedBook'>, ctx: CallContext) => {
    const resource = await getStockResourceByName(db, input.resource);
    if (!resource) throw new AppError('NOT_FOUND', 'Resource not found');
    if (resource.availableQuantity < input.purchase_quantity) throw new AppError('CONFLICT', `only ${resource.availableQuantity} left`);
    await new Promise((resolve) => setImmediate(resolve));
    const now = core.deps.clock();
    await db.run('UPDATE stock_resources SET available_quantity = ? WHERE id = ?', resource.availableQuantity - input.purchase_quantity, resource.id);
    const at = formatInstant(now, 'Europe/Copenhagen');
    await insertStockBooking(db, {
      resourceId: resource.id, quantity: input.purchase_quantity, guestName: null, stayId: null, ownerId: null, createdBy: ctx.actor.username,
      bookedAt: at, bookedMs: now, returnBy: null, returnByMs: null, notes: '',
    });
    return { resource: resource.id, purchase_quantity: input.purchase_quantity, booking_date: at };
  };
}
