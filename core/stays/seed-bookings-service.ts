/**
 * Seed 000's `/bookings`: the same stays, addressed by room number and category, in the seed's field
 * names. `POST /bookings` books through the stays service, so it gets the same checks and outbox.
 */
import type { z } from 'zod';
import { getRoomByNumber } from '../../db/queries/room-queries';
import { getSeedBooking, listSeedBookings } from '../../db/queries/seed-booking-queries';
import type { SeedBooking, SeedBookingCreateSchema, SeedBookingListQuerySchema } from '../../shared/contract/seed-bookings';
import { AppError } from '../../shared/errors';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { localRangeMs } from './stay-window';
import type { StaysService } from './stays-service';

export type SeedBookingCreateInput = z.output<typeof SeedBookingCreateSchema>;
export type SeedBookingListQuery = z.output<typeof SeedBookingListQuerySchema>;

export const WALK_IN_GUEST = 'Walk-in guest';

export interface SeedBookingsService {
  /** A `client` gets only its own bookings; the desk and admins get all. */
  list(query: SeedBookingListQuery, ctx: CallContext): Promise<SeedBooking[]>;
  create(input: SeedBookingCreateInput, ctx: CallContext): Promise<SeedBooking>;
}

export function createSeedBookingsService(core: CoreDeps, settings: SettingsService, stays: StaysService): SeedBookingsService {
  const db = core.db;
  return {
    async list(query, ctx) {
      return await listSeedBookings(db, {
        ...localRangeMs(settings.get().timeZone, query.from, query.to),
        limit: query.limit,
        maxStayMs: settings.maxStayMs(),
        ...(ctx.actor.role === 'client' ? { ownerId: ctx.actor.userId ?? -1 } : {}),
      });
    },

    async create(input, ctx) {
      const room = await getRoomByNumber(db, input.roomnumber);
      if (!room) throw new AppError('NOT_FOUND', `Room ${input.roomnumber} not found`, { reason: 'rooms.numberNotFound', params: { room: input.roomnumber } });
      if (room.category.toLowerCase() !== input.category.trim().toLowerCase()) {
        throw new AppError('VALIDATION', `Room ${room.number} is a "${room.category}", not a "${input.category}"`, {
          reason: 'rooms.categoryMismatch',
          params: { room: room.number, category: room.category, asked: input.category },
        });
      }
      const stay = await stays.create(
        {
          roomId: room.id,
          checkin: input.checkin,
          checkout: input.checkout,
          guestName: input.guest_name ?? WALK_IN_GUEST,
          guests: input.guests ?? 1,
          price: input.price,
          notes: input.notes,
          lateEntry: input.late_entry,
        },
        ctx,
      );
      return (await getSeedBooking(db, stay.id))!;
    },
  };
}
