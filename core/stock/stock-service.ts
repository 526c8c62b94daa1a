/**
 * Stock (SPEC §3.3, seed 002): resources lent by quantity and their bookings. Every change goes
 * through `commit()`: the guarded quantity UPDATE, the booking row and the movement row in one
 * IMMEDIATE transaction, `stock.changed` after COMMIT. A booking never oversells: the decrement's
 * WHERE is the check (`available_quantity >= n`), and the table's CHECKs back it.
 */
import type { z } from 'zod';
import type { Sqlite } from '../../db/open-database';
import {
  closeStockBooking, getStockBooking, getStockResource, getStockResourceByName, giveBackStock, insertStockBooking, insertStockMovement,
  insertStockResource, listSeedStockBookings, listStockBookings, listStockMovements, listStockResources, setStockTotal, takeStock,
  updateStockResourceFields, type StockBookingRow, type StockResourceRow,
} from '../../db/queries/stock-queries';
import { getStayRecord } from '../../db/queries/stay-queries';
import type {
  SeedResource, SeedResourceCreateSchema, SeedResourceListSchema, SeedStockBooking, SeedStockBookingCreateSchema, StockBookingListQuerySchema,
  StockBookingPageSchema, StockBookSchema, StockMovement, StockResourceCreateSchema, StockResourceUpdateSchema, StockRestockSchema,
  StockBooking, StockResource, STOCK_EVENT_ACTIONS,
} from '../../shared/contract/stock';
import { AppError } from '../../shared/errors';
import { addDays, formatInstant, resolveTime, startOfLocalDate } from '../../shared/time';
import { commit, type Commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';

export type SeedResourceCreateInput = z.output<typeof SeedResourceCreateSchema>;
export type SeedStockBookingInput = z.output<typeof SeedStockBookingCreateSchema>;
export type StockResourceCreateInput = z.output<typeof StockResourceCreateSchema>;
export type StockResourceUpdateInput = z.output<typeof StockResourceUpdateSchema>;
export type StockRestockInput = z.output<typeof StockRestockSchema>;
export type StockBookInput = z.output<typeof StockBookSchema>;
export type StockBookingListQuery = z.output<typeof StockBookingListQuerySchema>;
type StockEventAction = (typeof STOCK_EVENT_ACTIONS)[number];

export const SEED_RESOURCES_MESSAGE = 'Resources fetched successfully';
export const SEED_RESOURCE_CREATED_MESSAGE = 'Resource created successfully';

export interface StockService {
  seedList(): z.output<typeof SeedResourceListSchema>;
  seedCreate(input: SeedResourceCreateInput, ctx: CallContext): SeedResource & { message: string };
  /** A `client` gets only its own; the desk all. */
  seedBookings(ctx: CallContext): SeedStockBooking[];
  seedBook(input: SeedStockBookingInput, ctx: CallContext): SeedStockBooking;

  list(includeInactive: boolean): StockResource[];
  create(input: StockResourceCreateInput, ctx: CallContext): StockResource;
  update(input: StockResourceUpdateInput, ctx: CallContext): StockResource;
  restock(input: StockRestockInput, ctx: CallContext): StockResource;
  deactivate(id: number, ctx: CallContext): StockResource;
  movements(id: number, limit: number): StockMovement[];
  bookings(query: StockBookingListQuery): z.output<typeof StockBookingPageSchema>;
  book(input: StockBookInput, ctx: CallContext): StockBooking;
  giveBack(id: number, ctx: CallContext): StockBooking;
  cancel(id: number, ctx: CallContext): StockBooking;
}

export interface StockDeps {
  core: CoreDeps;
  settings: SettingsService;
}

const ENDED_STAY = new Set(['checked_out', 'cancelled', 'no_show']);

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

function toSeedResource(r: StockResourceRow): SeedResource {
  return { id: r.id, name: r.name, description: r.description, total_quantity: r.totalQuantity, available_quantity: r.availableQuantity };
}

function requireResource(db: Sqlite, id: number): StockResourceRow {
  const r = getStockResource(db, id);
  if (!r) throw new AppError('NOT_FOUND', `Resource ${id} not found`, { reason: 'stock.resourceNotFound', params: { id } });
  return r;
}

export function requireBooking(db: Sqlite, id: number): StockBookingRow {
  const b = getStockBooking(db, id);
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

/** The writes every stock change shares: the movement row and `stock.changed`, inside the commit. */
export function stockWriter(d: StockDeps, c: Commit) {
  const db = d.core.sqlite;
  const zone = d.settings.get().timeZone;
  const at = formatInstant(c.nowMs, zone);
  const movement = (resourceId: number, bookingId: number | null, kind: string, availableChange: number, totalChange: number, actor: string, note = '') => {
    insertStockMovement(db, { resourceId, bookingId, kind, availableChange, totalChange, at, atMs: c.nowMs, actor, note });
  };
  const publish = (action: StockEventAction, resourceId: number, bookingId: number | null): { resource: StockResource; booking: StockBooking | null } => {
    const resource = toStockResource(requireResource(db, resourceId), zone);
    const booking = bookingId === null ? null : toStockBooking(requireBooking(db, bookingId), c.nowMs);
    c.publish({ type: 'stock.changed', action, resource, booking });
    return { resource, booking };
  };
  /** Closes a booking still out as returned or cancelled and gives its quantity back. */
  const close = (b: StockBookingRow, status: 'returned' | 'cancelled', actor: string, note = ''): StockBooking => {
    if (b.status !== 'out') {
      throw new AppError('ILLEGAL_TRANSITION', `Stock booking ${b.id} was already ${b.status}`, {
        reason: 'stock.alreadyClosed',
        params: { id: b.id, status: b.status },
      });
    }
    closeStockBooking(db, b.id, status, { at, ms: c.nowMs, by: actor });
    giveBackStock(db, b.resourceId, b.quantity, c.nowMs);
    movement(b.resourceId, b.id, status, b.quantity, 0, actor, note);
    return publish(status, b.resourceId, b.id).booking!;
  };
  return { at, zone, movement, publish, close };
}

export function createStockService(d: StockDeps): StockService {
  const db = d.core.sqlite;
  const zone = () => d.settings.get().timeZone;

  /** Inserts a resource after checking its name and quantities (inside the commit). */
  const insertResource = (c: Commit, ctx: CallContext, name: string, description: string, total: number, available: number): number => {
    if (available > total) {
      throw new AppError('VALIDATION', `available_quantity (${available}) cannot be greater than total_quantity (${total})`, {
        reason: 'stock.availableAboveTotal',
        params: { available, total },
      });
    }
    if (getStockResourceByName(db, name)) {
      throw new AppError('CONFLICT', `A resource named "${name}" already exists`, { reason: 'stock.nameTaken', params: { name } });
    }
    const id = insertStockResource(db, { name, description, totalQuantity: total, availableQuantity: available }, c.nowMs);
    const w = stockWriter(d, c);
    w.movement(id, null, 'created', available, total, ctx.actor.username);
    w.publish('created', id, null);
    return id;
  };

  /** Takes `quantity` and writes the booking (inside the commit); the 409 says how many are left. */
  const bookInside = (c: Commit, ctx: CallContext, resource: StockResourceRow, quantity: number, extra: { guestName?: string | null; stayId?: number | null; notes?: string; returnBy?: { iso: string; ms: number } }) => {
    if (!resource.active) {
      throw new AppError('CONFLICT', `"${resource.name}" is no longer in use`, { reason: 'stock.inactive', params: { name: resource.name } });
    }
    if (!takeStock(db, resource.id, quantity, c.nowMs)) {
      throw notEnoughError(resource.name, requireResource(db, resource.id).availableQuantity, quantity);
    }
    const w = stockWriter(d, c);
    const id = insertStockBooking(db, {
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
    w.movement(resource.id, id, 'booked', -quantity, 0, ctx.actor.username);
    return w.publish('booked', resource.id, id).booking!;
  };

  const change = (id: number, ctx: CallContext, patch: { name?: string | undefined; description?: string | undefined; active?: boolean | undefined }) =>
    commit(d.core, (c) => {
      const r = requireResource(db, id);
      const name = patch.name ?? r.name;
      const holder = getStockResourceByName(db, name);
      if (holder && holder.id !== id) {
        throw new AppError('CONFLICT', `A resource named "${name}" already exists`, { reason: 'stock.nameTaken', params: { name } });
      }
      const active = patch.active ?? r.active === 1;
      updateStockResourceFields(db, id, { name, description: patch.description ?? r.description, active }, c.nowMs);
      const w = stockWriter(d, c);
      const activeChanged = active !== (r.active === 1);
      const kind = activeChanged ? (active ? 'reactivated' : 'deactivated') : 'edited';
      w.movement(id, null, kind, 0, 0, ctx.actor.username);
      return w.publish(activeChanged && !active ? 'deactivated' : 'updated', id, null).resource;
    });

  return {
    seedList() {
      const rows = listStockResources(db, false);
      return {
        message: SEED_RESOURCES_MESSAGE,
        resources: rows.filter((r) => r.availableQuantity > 0).map(toSeedResource),
        'out of stock resources': rows.filter((r) => r.availableQuantity <= 0).map(toSeedResource),
      };
    },

    seedCreate(input, ctx) {
      const id = commit(d.core, (c) => insertResource(c, ctx, input.name, input.description, input.total_quantity, input.available_quantity));
      return { ...toSeedResource(requireResource(db, id)), message: SEED_RESOURCE_CREATED_MESSAGE };
    },

    seedBookings(ctx) {
      return listSeedStockBookings(db, ctx.actor.role === 'client' ? (ctx.actor.userId ?? -1) : undefined);
    },

    seedBook(input, ctx) {
      const booking = commit(d.core, (c) => {
        const resource = getStockResourceByName(db, input.resource);
        if (!resource) {
          throw new AppError('NOT_FOUND', `Resource "${input.resource}" not found`, { reason: 'stock.nameNotFound', params: { name: input.resource } });
        }
        return bookInside(c, ctx, resource, input.purchase_quantity, {});
      });
      return { resource: booking.resourceId, purchase_quantity: booking.quantity, booking_date: booking.bookedAt };
    },

    list: (includeInactive) => listStockResources(db, includeInactive).map((r) => toStockResource(r, zone())),

    create(input, ctx) {
      const id = commit(d.core, (c) =>
        insertResource(c, ctx, input.name, input.description, input.totalQuantity, input.availableQuantity ?? input.totalQuantity),
      );
      return toStockResource(requireResource(db, id), zone());
    },

    update: ({ id, ...patch }, ctx) => change(id, ctx, patch),
    deactivate: (id, ctx) => change(id, ctx, { active: false }),

    restock(input, ctx) {
      return commit(d.core, (c) => {
        const r = requireResource(db, input.id);
        const out = r.totalQuantity - r.availableQuantity;
        if (!setStockTotal(db, r.id, input.totalQuantity, c.nowMs)) {
          throw new AppError('CONFLICT', `"${r.name}" has ${out} lent out: the total cannot be less than that`, {
            reason: 'stock.belowOut',
            params: { name: r.name, out, total: input.totalQuantity },
          });
        }
        const change = input.totalQuantity - r.totalQuantity;
        const w = stockWriter(d, c);
        w.movement(r.id, null, 'restocked', change, change, ctx.actor.username, input.note ?? '');
        return w.publish('restocked', r.id, null).resource;
      });
    },

    movements(id, limit) {
      requireResource(db, id);
      return listStockMovements(db, id, limit) as StockMovement[];
    },

    bookings(query) {
      const z = zone();
      const now = d.core.clock();
      const { rows, total } = listStockBookings(db, {
        resourceId: query.resourceId,
        stayId: query.stayId,
        status: query.status,
        overdueAtMs: query.overdue ? now : undefined,
        guest: query.guest,
        fromMs: query.from === undefined ? undefined : startOfLocalDate(query.from, z),
        toMs: query.to === undefined ? undefined : startOfLocalDate(addDays(query.to, 1), z),
        limit: query.limit,
        offset: query.offset,
      });
      return { items: rows.map((r) => toStockBooking(r, now)), total };
    },

    book(input, ctx) {
      const settings = d.settings.get();
      const returnBy = input.returnBy === undefined ? undefined : resolveTime(input.returnBy, settings.timeZone, settings.checkoutTime);
      return commit(d.core, (c) => {
        const resource = requireResource(db, input.resourceId);
        let guestName = input.guestName ?? null;
        if (input.stayId !== undefined) {
          const stay = getStayRecord(db, input.stayId);
          if (!stay) throw new AppError('NOT_FOUND', `Stay ${input.stayId} not found`);
          if (ENDED_STAY.has(stay.status)) {
            throw new AppError('ILLEGAL_TRANSITION', `Stay ${stay.id} has ended (${stay.status.replace('_', ' ')}): nothing more can be lent to it`, {
              reason: 'stock.stayEnded',
              params: { id: stay.id },
            });
          }
          guestName ??= stay.guestName;
        }
        if (returnBy !== undefined && returnBy.ms <= c.nowMs) {
          throw new AppError('VALIDATION', `returnBy (${returnBy.iso}) must be in the future`, { reason: 'stock.returnByPast', params: { returnBy: returnBy.iso } });
        }
        return bookInside(c, ctx, resource, input.quantity, {
          guestName,
          stayId: input.stayId ?? null,
          notes: input.notes ?? '',
          ...(returnBy ? { returnBy } : {}),
        });
      });
    },

    giveBack: (id, ctx) => commit(d.core, (c) => stockWriter(d, c).close(requireBooking(db, id), 'returned', ctx.actor.username)),
    cancel: (id, ctx) => commit(d.core, (c) => stockWriter(d, c).close(requireBooking(db, id), 'cancelled', ctx.actor.username)),
  };
}
