/**
 * Stock (SPEC §3.3, seed 002): resources lent by quantity and their bookings. Every change goes
 * through `commit()`: the guarded quantity UPDATE, the booking row and the movement row in one
 * IMMEDIATE transaction, `stock.changed` after COMMIT. A booking never oversells: the decrement's
 * WHERE is the check (`available_quantity >= n`), and the table's CHECKs back it.
 */
import type { z } from 'zod';
import type { Db } from '../../db/database';
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
  seedList(): Promise<z.output<typeof SeedResourceListSchema>>;
  seedCreate(input: SeedResourceCreateInput, ctx: CallContext): Promise<SeedResource & { message: string }>;
  /** A `client` gets only its own; the desk all. */
  seedBookings(ctx: CallContext): Promise<SeedStockBooking[]>;
  seedBook(input: SeedStockBookingInput, ctx: CallContext): Promise<SeedStockBooking>;

  list(includeInactive: boolean): Promise<StockResource[]>;
  create(input: StockResourceCreateInput, ctx: CallContext): Promise<StockResource>;
  update(input: StockResourceUpdateInput, ctx: CallContext): Promise<StockResource>;
  restock(input: StockRestockInput, ctx: CallContext): Promise<StockResource>;
  deactivate(id: number, ctx: CallContext): Promise<StockResource>;
  movements(id: number, limit: number): Promise<StockMovement[]>;
  bookings(query: StockBookingListQuery): Promise<z.output<typeof StockBookingPageSchema>>;
  book(input: StockBookInput, ctx: CallContext): Promise<StockBooking>;
  giveBack(id: number, ctx: CallContext): Promise<StockBooking>;
  cancel(id: number, ctx: CallContext): Promise<StockBooking>;
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

async function requireResource(db: Db, id: number): Promise<StockResourceRow> {
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

/** The writes every stock change shares: the movement row and `stock.changed`, inside the commit. */
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

export function createStockService(d: StockDeps): StockService {
  const db = d.core.db;
  const zone = () => d.settings.get().timeZone;

  /** Inserts a resource after checking its name and quantities (inside the commit). */
  const insertResource = async (c: Commit, ctx: CallContext, name: string, description: string, total: number, available: number): Promise<number> => {
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
  };

  /** Takes `quantity` and writes the booking (inside the commit); the 409 says how many are left. */
  const bookInside = async (c: Commit, ctx: CallContext, resource: StockResourceRow, quantity: number, extra: { guestName?: string | null; stayId?: number | null; notes?: string; returnBy?: { iso: string; ms: number } }) => {
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
  };

  const change = (id: number, ctx: CallContext, patch: { name?: string | undefined; description?: string | undefined; active?: boolean | undefined }) =>
    commit(d.core, async (c) => {
      const r = await requireResource(db, id);
      const name = patch.name ?? r.name;
      const holder = await getStockResourceByName(db, name);
      if (holder && holder.id !== id) {
        throw new AppError('CONFLICT', `A resource named "${name}" already exists`, { reason: 'stock.nameTaken', params: { name } });
      }
      const active = patch.active ?? r.active === 1;
      await updateStockResourceFields(db, id, { name, description: patch.description ?? r.description, active }, c.nowMs);
      const w = stockWriter(d, c);
      const activeChanged = active !== (r.active === 1);
      const kind = activeChanged ? (active ? 'reactivated' : 'deactivated') : 'edited';
      await w.movement(id, null, kind, 0, 0, ctx.actor.username);
      return (await w.publish(activeChanged && !active ? 'deactivated' : 'updated', id, null)).resource;
    });

  return {
    async seedList() {
      const rows = await listStockResources(db, false);
      return {
        message: SEED_RESOURCES_MESSAGE,
        resources: rows.filter((r) => r.availableQuantity > 0).map(toSeedResource),
        'out of stock resources': rows.filter((r) => r.availableQuantity <= 0).map(toSeedResource),
      };
    },

    async seedCreate(input, ctx) {
      const id = await commit(d.core, (c) => insertResource(c, ctx, input.name, input.description, input.total_quantity, input.available_quantity));
      return { ...toSeedResource(await requireResource(db, id)), message: SEED_RESOURCE_CREATED_MESSAGE };
    },

    async seedBookings(ctx) {
      return await listSeedStockBookings(db, ctx.actor.role === 'client' ? (ctx.actor.userId ?? -1) : undefined);
    },

    async seedBook(input, ctx) {
      const booking = await commit(d.core, async (c) => {
        const resource = await getStockResourceByName(db, input.resource);
        if (!resource) {
          throw new AppError('NOT_FOUND', `Resource "${input.resource}" not found`, { reason: 'stock.nameNotFound', params: { name: input.resource } });
        }
        return bookInside(c, ctx, resource, input.purchase_quantity, {});
      });
      return { resource: booking.resourceId, purchase_quantity: booking.quantity, booking_date: booking.bookedAt };
    },

    list: async (includeInactive) => (await listStockResources(db, includeInactive)).map((r) => toStockResource(r, zone())),

    async create(input, ctx) {
      const id = await commit(d.core, (c) =>
        insertResource(c, ctx, input.name, input.description, input.totalQuantity, input.availableQuantity ?? input.totalQuantity),
      );
      return toStockResource(await requireResource(db, id), zone());
    },

    update: async ({ id, ...patch }, ctx) => await change(id, ctx, patch),
    deactivate: async (id, ctx) => await change(id, ctx, { active: false }),

    async restock(input, ctx) {
      return await commit(d.core, async (c) => {
        const r = await requireResource(db, input.id);
        const out = r.totalQuantity - r.availableQuantity;
        if (!await setStockTotal(db, r.id, input.totalQuantity, c.nowMs)) {
          throw new AppError('CONFLICT', `"${r.name}" has ${out} lent out: the total cannot be less than that`, {
            reason: 'stock.belowOut',
            params: { name: r.name, out, total: input.totalQuantity },
          });
        }
        const change = input.totalQuantity - r.totalQuantity;
        const w = stockWriter(d, c);
        await w.movement(r.id, null, 'restocked', change, change, ctx.actor.username, input.note ?? '');
        return (await w.publish('restocked', r.id, null)).resource;
      });
    },

    async movements(id, limit) {
      await requireResource(db, id);
      return await listStockMovements(db, id, limit) as StockMovement[];
    },

    async bookings(query) {
      const z = zone();
      const now = d.core.clock();
      const { rows, total } = await listStockBookings(db, {
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

    async book(input, ctx) {
      const settings = d.settings.get();
      const returnBy = input.returnBy === undefined ? undefined : resolveTime(input.returnBy, settings.timeZone, settings.checkoutTime);
      return await commit(d.core, async (c) => {
        const resource = await requireResource(db, input.resourceId);
        let guestName = input.guestName ?? null;
        if (input.stayId !== undefined) {
          const stay = await getStayRecord(db, input.stayId);
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

    giveBack: async (id, ctx) => await commit(d.core, async (c) => stockWriter(d, c).close(await requireBooking(db, id), 'returned', ctx.actor.username)),
    cancel: async (id, ctx) => await commit(d.core, async (c) => stockWriter(d, c).close(await requireBooking(db, id), 'cancelled', ctx.actor.username)),
  };
}
