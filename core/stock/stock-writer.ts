/**
 * The writes every stock change shares (SPEC §3.3, seed 002), inside the caller's `commit()`: a
 * resource inserted after its checks, a booking that takes its quantity by the guarded decrement
 * (the WHERE is the check: `available_quantity >= n`), the movement row, `stock.changed`, and the
 * row → contract views. The service (stock-service.ts) and the stay reaction (stock-reactions.ts)
 * both write through here.
 */
import type { Db } from '../../db/database';
import {
  closeStockBooking, getStockBooking, getStockResource, getStockResourceByName, giveBackStock, insertStockBooking, insertStockMovement, insertStockResource, takeStock, type StockBookingRow, type StockResourceRow,
} from '../../db/queries/stock-queries';
import type { StockBooking, StockResource, STOCK_EVENT_ACTIONS } from '../../shared/contract/stock';
import type { SeedResource } from '../../shared/contract/stock-seed';
import { AppError } from '../../shared/errors';
import { formatInstant } from '../../shared/time';
import { type Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { stockToBroker } from './stock-broker';

type StockEventAction = (typeof STOCK_EVENT_ACTIONS)[number];

export interface StockDeps {
  core: CoreDeps;
  settings: SettingsService;
}

export function toStockResource(r: StockResourceRow, zone: string): StockResource {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    totalQuantity: r.totalQuantity,
    availableQuantity: r.availableQuantity,
    outQuantity: r.totalQuantity - r.availableQuantity,
    active: r.active === 1,
    createdAt: formatInstant(r.createdAt, zone),
    updatedAt: formatInstant(r.updatedAt, zone),
  };
}

export function toStockBooking(b: StockBookingRow, nowMs: number): StockBooking {
  const { returnByMs, ...rest } = b;
  return { ...rest, overdue: b.status === 'out' && returnByMs !== null && returnByMs < nowMs };
}

export function toSeedResource(r: StockResourceRow): SeedResource {
  return { id: r.id, name: r.name, description: r.description, total_quantity: r.totalQuantity, available_quantity: r.availableQuantity };
}

export async function requireResource(db: Db, id: number): Promise<StockResourceRow> {
  const r = await getStockResource(db, id);
  if (!r) throw new AppError('NOT_FOUND', `Resource ${id} not found`, { reason: 'stock.resourceNotFound', params: { id } });
  return r;
}

export async function requireBooking(db: Db, id: number): Promise<StockBookingRow> {
  const b = await getStockBooking(db, id);
  if (!b) throw new AppError('NOT_FOUND', `Stock booking ${id} not found`, { reason: 'stock.bookingNotFound', params: { id } });
  return b;
}

/** The refusal of a booking asking for more than is left: says how many are. */
export function notEnoughError(name: string, left: number, requested: number): AppError {
  return new AppError('CONFLICT', `Not enough "${name}" in stock: only ${left} left, ${requested} requested`, {
    reason: 'stock.notEnough',
    params: { name, left, requested },
  });
}

/** The writes every stock change shares: the movement row, `stock.changed` and the event broker's message (stock-broker.ts), inside the commit. */
export function stockWriter(d: StockDeps, c: Commit) {
  const db = d.core.db;
  const zone = d.settings.get().timeZone;
  const at = formatInstant(c.nowMs, zone);
  const movement = async (resourceId: number, bookingId: number | null, kind: string, availableChange: number, totalChange: number, actor: string, note = '') => {
    await insertStockMovement(db, { resourceId, bookingId, kind, availableChange, totalChange, at, atMs: c.nowMs, actor, note });
  };
  const publish = async (action: StockEventAction, resourceId: number, bookingId: number | null): Promise<{ resource: StockResource; booking: StockBooking | null }> => {
    const resource = toStockResource(await requireResource(db, resourceId), zone);
    const booking = bookingId === null ? null : toStockBooking(await requireBooking(db, bookingId), c.nowMs);
    c.publish({ type: 'stock.changed', action, resource, booking });
    await stockToBroker(c, d.settings, action, resource, booking);
    return { resource, booking };
  };
  /** Closes a booking still out as returned or cancelled and gives its quantity back. */
  const close = async (b: StockBookingRow, status: 'returned' | 'cancelled', actor: string, note = ''): Promise<StockBooking> => {
    if (b.status !== 'out') {
      throw new AppError('ILLEGAL_TRANSITION', `Stock booking ${b.id} was already ${b.status}`, {
        reason: 'stock.alreadyClosed',
        params: { id: b.id, status: b.status },
      });
    }
    await closeStockBooking(db, b.id, status, { at, ms: c.nowMs, by: actor });
    await giveBackStock(db, b.resourceId, b.quantity, c.nowMs);
    await movement(b.resourceId, b.id, status, b.quantity, 0, actor, note);
    return (await publish(status, b.resourceId, b.id)).booking!;
  };
  return { at, zone, movement, publish, close };
}

/** Inserts a resource after checking its name and quantities (inside the commit). */
export async function insertResource(d: StockDeps, c: Commit, ctx: CallContext, name: string, description: string, total: number, available: number): Promise<number> {
const db = d.core.db;
  if (available > total) {
    throw new AppError('VALIDATION', `available_quantity (${available}) cannot be greater than total_quantity (${total})`, {
      reason: 'stock.availableAboveTotal',
      params: { available, total },
    });
  }
  if (await getStockResourceByName(db, name)) {
    throw new AppError('CONFLICT', `A resource named "${name}" already exists`, { reason: 'stock.nameTaken', params: { name } });
  }
  const id = await insertStockResource(db, { name, description, totalQuantity: total, availableQuantity: available }, c.nowMs);
  const w = stockWriter(d, c);
  await w.movement(id, null, 'created', available, total, ctx.actor.username);
  await w.publish('created', id, null);
  return id;
}

/** Takes `quantity` and writes the booking (inside the commit); the 409 says how many are left. */
export async function bookInside(
d: StockDeps, c: Commit, ctx: CallContext, resource: StockResourceRow, quantity: number,
extra: { guestName?: string | null; stayId?: number | null; notes?: string; returnBy?: { iso: string; ms: number } },
): Promise<StockBooking> {
const db = d.core.db;
  if (!resource.active) {
    throw new AppError('CONFLICT', `"${resource.name}" is no longer in use`, { reason: 'stock.inactive', params: { name: resource.name } });
  }
  if (!await takeStock(db, resource.id, quantity, c.nowMs)) {
    throw notEnoughError(resource.name, (await requireResource(db, resource.id)).availableQuantity, quantity);
  }
  const w = stockWriter(d, c);
  const id = await insertStockBooking(db, {
    resourceId: resource.id,
    quantity,
    guestName: extra.guestName ?? null,
    stayId: extra.stayId ?? null,
    ownerId: ctx.actor.role === 'client' ? ctx.actor.userId : null,
    createdBy: ctx.actor.username,
    bookedAt: w.at,
    bookedMs: c.nowMs,
    returnBy: extra.returnBy?.iso ?? null,
    returnByMs: extra.returnBy?.ms ?? null,
    notes: extra.notes ?? '',
  });
  await w.movement(resource.id, id, 'booked', -quantity, 0, ctx.actor.username);
  return (await w.publish('booked', resource.id, id)).booking!;
}
