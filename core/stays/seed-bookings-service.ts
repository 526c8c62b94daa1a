/**
 * Seed 000's `/bookings`: the same stays, addressed by room number and category, in the seed's field
 * names. `POST /bookings` books through the stays service, so it gets the same checks and outbox.
 */
import type { z } from 'zod';
import { getRoomByNumber } from '../../db/queries/room-queries';
import { listSeedBookings } from '../../db/queries/seed-booking-queries';
import type { SeedBooking, SeedBookingCreateSchema, SeedBookingListQuerySchema } from '../../shared/contract/seed-bookings';
import type { Stay } from '../../shared/contract/stays';
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

/**
 * The seed's shape of a stay just written: the fields `getSeedBooking` would read back
 * (db/queries/seed-booking-queries.ts), without reading them back (tests/core/stays/seed-bookings-service.test.ts
 * holds the two equal).
 */
export function seedBookingOf(stay: Stay): SeedBooking {
  return {
    id: stay.id,
    roomnumber: stay.roomNumber,
    category: stay.category,
    isbooking: stay.status === 'cancelled' || stay.status === 'no_show' ? 0 : 1,
    checkin: stay.checkin,
    checkout: stay.checkout,
    status: stay.status,
    guest_name: stay.guestName,
    guests: stay.guests,
    price: stay.price,
  };
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
        room,
      );
      return seedBookingOf(stay);
    },
  };
}
