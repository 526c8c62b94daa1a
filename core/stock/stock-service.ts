/**
 * Stock (SPEC §3.3, seed 002): resources lent by quantity and their bookings. Every change goes
 * through `commit()`: the guarded quantity UPDATE, the booking row and the movement row in one
 * IMMEDIATE transaction, `stock.changed` after COMMIT. A booking never oversells: the decrement's
 * WHERE is the check (`available_quantity >= n`), and the table's CHECKs back it.
 */
import type { z } from 'zod';
import {
  getStockResourceByName, listSeedStockBookings, listStockBookings, listStockMovements, listStockResources, setStockTotal, updateStockResourceFields,
} from '../../db/queries/stock-queries';
import { getStayRecord } from '../../db/queries/stay-queries';
import type { StockBookingListQuerySchema, StockBookingPageSchema, StockBookSchema, StockMovement, StockResourceCreateSchema, StockResourceUpdateSchema, StockRestockSchema, StockBooking, StockResource } from '../../shared/contract/stock';
import type { SeedResource, SeedResourceCreateSchema, SeedResourceListSchema, SeedStockBooking, SeedStockBookingCreateSchema } from '../../shared/contract/stock-seed';
import { AppError } from '../../shared/errors';
import { addDays, resolveTime, startOfLocalDate } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext } from '../context';
import {
  bookInside, insertResource, requireBooking, requireResource, stockWriter, toSeedResource, toStockBooking, toStockResource, type StockDeps,
} from './stock-writer';

export type { StockDeps } from './stock-writer';

export type SeedResourceCreateInput = z.output<typeof SeedResourceCreateSchema>;
export type SeedStockBookingInput = z.output<typeof SeedStockBookingCreateSchema>;
export type StockResourceCreateInput = z.output<typeof StockResourceCreateSchema>;
export type StockResourceUpdateInput = z.output<typeof StockResourceUpdateSchema>;
export type StockRestockInput = z.output<typeof StockRestockSchema>;
export type StockBookInput = z.output<typeof StockBookSchema>;
export type StockBookingListQuery = z.output<typeof StockBookingListQuerySchema>;

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

const ENDED_STAY = new Set(['checked_out', 'cancelled', 'no_show']);

// eslint-disable-next-line max-lines-per-function -- a service factory: one closure over its deps whose methods are each short
export function createStockService(d: StockDeps): StockService {
  const db = d.core.db;
  const zone = () => d.settings.get().timeZone;
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
      const id = await commit(d.core, (c) => insertResource(d, c, ctx, input.name, input.description, input.total_quantity, input.available_quantity));
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
        return bookInside(d, c, ctx, resource, input.purchase_quantity, {});
      });
      return { resource: booking.resourceId, purchase_quantity: booking.quantity, booking_date: booking.bookedAt };
    },

    list: async (includeInactive) => (await listStockResources(db, includeInactive)).map((r) => toStockResource(r, zone())),

    async create(input, ctx) {
      const id = await commit(d.core, (c) =>
        insertResource(d, c, ctx, input.name, input.description, input.totalQuantity, input.availableQuantity ?? input.totalQuantity),
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
        return bookInside(d, c, ctx, resource, input.quantity, {
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
