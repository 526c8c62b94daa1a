/**
 * No overselling under concurrency (SPEC §3.3, §6): a resource with 5 available, 20 clients on 20
 * real TCP connections each sending 20 seed-002 bookings of 1–3 at once. The granted total is at most
 * 5, the available quantity is never negative, the movements add up to what is left, and returning
 * every granted booking gives back exactly 5.
 *
 * The second case shows what the one guarded UPDATE prevents: the same race against a booking
 * handler that reads the quantity, awaits, then writes `read − n` grants far more than 5 — while the
 * CHECK (available ≥ 0) never fires, because every write stays non-negative.
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
import { startTestHost } from '../support/test-host';

const CLIENTS = 20;
const ATTEMPTS = 20;
const STOCK = 5;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface StockRace {
  granted: number[];
  statuses: Record<number, number>;
  unexpected: string[];
  /** Every 409 said how many were left; the smallest number said. */
  leftSaid: number[];
}

/** A fixed pseudo-random 1–3 per request, so a failure repeats. */
const quantityOf = (client: number, attempt: number) => ((client * 7 + attempt * 13) % 3) + 1;

async function race(baseUrl: string, tokens: string[]): Promise<StockRace> {
  const clients: HttpClient[] = tokens.map((token) => createHttpClient(baseUrl, { token }));
  const result: StockRace = { granted: [], statuses: {}, unexpected: [], leftSaid: [] };
  try {
    await Promise.all(clients.map((c) => c.send({ method: 'GET', path: '/health' })));
    await Promise.all(
      clients.map(async (client, i) => {
        for (let a = 0; a < ATTEMPTS; a++) {
          const q = quantityOf(i, a);
          const res = await client.send({ method: 'POST', path: '/bookings/', body: { resource: 'Bike', purchase_quantity: q } });
          result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
          if (res.status === 201) result.granted.push((JSON.parse(res.body) as { purchase_quantity: number }).purchase_quantity);
          else if (res.status === 409) result.leftSaid.push(Number(/only (\d+) left/.exec(res.body)?.[1] ?? NaN));
          else result.unexpected.push(`${res.status} ${res.body}`);
        }
      }),
    );
    return result;
  } finally {
    for (const c of clients) c.close();
  }
}

async function stockState(db: Db): Promise<{ available: number; total: number; outSum: number; movementSum: number }> {
  return (await db.get<{ available: number; total: number; outSum: number; movementSum: number }>(
    `SELECT available_quantity AS available, total_quantity AS total,
       (SELECT coalesce(sum(quantity), 0) FROM stock_bookings WHERE status = 'out') AS "outSum",
       (SELECT coalesce(sum(available_change), 0) FROM stock_movements WHERE resource_id = r.id) AS "movementSum"
     FROM stock_resources r WHERE name = 'Bike'`,
  ))!;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe(`${CLIENTS} clients × ${ATTEMPTS} bookings of 1–3 on a resource with ${STOCK} available, over real sockets`, () => {
  it('the real server: at most 5 granted, never negative, the movements add up, and returns give back exactly 5', async () => {
    const th = await startTestHost();
    cleanups.push(() => th.close());
    const created = await th.json('POST', '/resources/', { name: 'Bike', description: 'City bike', total_quantity: STOCK, available_quantity: STOCK });
    expect(created.status).toBe(201);
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, async () => (await signIn(th.host.core, 'client')).token));

    const r = await race(th.host.url, tokens);
    console.info(`stock race, real server: ${CLIENTS * ATTEMPTS} requests → ${JSON.stringify(r.statuses)}, granted ${sum(r.granted)} in ${r.granted.length} bookings`);

    expect(r.unexpected).toEqual([]);
    expect(sum(r.granted)).toBeLessThanOrEqual(STOCK);
    expect(r.statuses[201]! + r.statuses[409]!).toBe(CLIENTS * ATTEMPTS);
    expect(r.leftSaid.every((n) => n >= 0 && n < 3)).toBe(true);
    const after = await stockState(th.host.core.deps.db);
    expect(after.available).toBeGreaterThanOrEqual(0);
    expect(after.available).toBe(STOCK - sum(r.granted));
    expect(after.outSum).toBe(sum(r.granted));
    expect(after.movementSum).toBe(after.available);

    // every granted booking comes back over HTTP: exactly what was taken, no more
    const page = (await (await th.fetch('/api/v1/stock/bookings?status=out&limit=1000')).json()) as { items: StockBooking[] };
    expect(sum(page.items.map((b) => b.quantity))).toBe(sum(r.granted));
    for (const b of page.items) expect((await th.json('POST', `/api/v1/stock/bookings/${b.id}/return`)).status).toBe(200);
    const second = await th.json('POST', `/api/v1/stock/bookings/${page.items[0]!.id}/return`);
    expect(second.status).toBe(409);
    const back = await stockState(th.host.core.deps.db);
    expect(back).toEqual({ available: STOCK, total: STOCK, outSum: 0, movementSum: STOCK });
  });

  it('the same race against a handler that reads, awaits, then writes: it oversells', async () => {
    const t = await createTestCore();
    cleanups.push(() => t.close());
    await t.core.handlers['stock:create']({ name: 'Bike', description: 'City bike', totalQuantity: STOCK }, deskCtx);
    const broken = checkThenAwaitThenWrite(t.core);
    const call = ((name, input, ctx) =>
      name === 'stock:seedBook' ? broken(input as ParsedInput<'stock:seedBook'>, ctx) : t.core.call(name, input, ctx)) as Dispatch;
    const app = await buildServer({ ...t.core, call }, {});
    cleanups.push(() => app.close());
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = await signInFirstAdmin(t.core);

    const r = await race(url, Array.from({ length: CLIENTS }, () => token));
    console.info(`stock race, broken handler: ${JSON.stringify(r.statuses)}, granted ${sum(r.granted)} of ${STOCK}`);
    expect(sum(r.granted)).toBeGreaterThan(STOCK);
    // the CHECK never fired: each write was a non-negative stale value
    expect((await stockState(t.db)).available).toBeGreaterThanOrEqual(0);
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
