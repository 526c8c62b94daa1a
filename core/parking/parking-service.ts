/**
 * Parking spaces and their bookings (the rehearsal of docs/adding-a-domain.md): a space is booked for
 * a car and its guest for hotel-local dates [from, to), at most `parkingMaxDays` days. **No two
 * bookings of one space overlap**: the check and the insert are one unit of work (SQLite: one writer
 * at a time); on PostgreSQL the exclusion constraint `parking_bookings_no_overlap` refuses the second
 * of two racing bookings, whose unit the engine runs again, so it refuses with this check's message.
 */
import {
  cancelParkingBooking, findParkingOverlap, getParkingBooking, getParkingSpace, getParkingSpaceByLabel, insertParkingBooking, insertParkingSpace,
  listParkingBookings, listParkingSpaces,
} from '../../db/queries/parking-queries';
import type { ParkingBooking, ParkingBookingListQuery, ParkingBookSchema, ParkingSpace, ParkingSpaceCreateSchema } from '../../shared/contract/parking';
import { AppError } from '../../shared/errors';
import { formatInstant, nightsBetween } from '../../shared/time';
import { commit } from '../commit';
import type { CallContext, CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import type { z } from 'zod';

export interface ParkingService {
  spaces(): Promise<ParkingSpace[]>;
  createSpace(input: z.output<typeof ParkingSpaceCreateSchema>, ctx: CallContext): Promise<ParkingSpace>;
  bookings(query: ParkingBookingListQuery): Promise<ParkingBooking[]>;
  book(input: z.output<typeof ParkingBookSchema>, ctx: CallContext): Promise<ParkingBooking>;
  cancel(id: number, ctx: CallContext): Promise<ParkingBooking>;
}

export function createParkingService(core: CoreDeps, settings: SettingsService): ParkingService {
  const db = core.db;
  const requireBooking = async (id: number) => {
    const booking = await getParkingBooking(db, id);
    if (!booking) throw new AppError('NOT_FOUND', `Parking booking ${id} not found`, { reason: 'parking.bookingNotFound', params: { id } });
    return booking;
  };
  return {
    spaces: () => listParkingSpaces(db),
    async createSpace(input) {
      return await commit(core, async (c) => {
        if (await getParkingSpaceByLabel(db, input.label)) {
          throw new AppError('CONFLICT', `There is already a parking space ${input.label}`, { reason: 'parking.labelTaken', params: { label: input.label } });
        }
        const id = await insertParkingSpace(db, input.label, formatInstant(c.nowMs, settings.get().timeZone));
        c.publish({ type: 'parking.changed', action: 'space_added', spaceId: id });
        return (await getParkingSpace(db, id))!;
      });
    },
    async bookings(query) {
      if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
        throw new AppError('VALIDATION', `to (${query.to}) must be after from (${query.from})`);
      }
      return await listParkingBookings(db, query);
    },
    async book(input, ctx) {
      const days = nightsBetween(input.from, input.to);
      if (days < 1) throw new AppError('VALIDATION', `to (${input.to}) must be after from (${input.from})`, { reason: 'parking.emptyPeriod' });
      const max = settings.get().parkingMaxDays;
      if (days > max) {
        throw new AppError('VALIDATION', `A parking booking lasts at most ${max} days, not ${days}`, { reason: 'parking.tooLong', params: { max, days } });
      }
      return await commit(core, async (c) => {
        const space = await getParkingSpace(db, input.spaceId);
        if (!space) throw new AppError('NOT_FOUND', `Parking space ${input.spaceId} not found`, { reason: 'parking.spaceNotFound', params: { id: input.spaceId } });
        const taken = await findParkingOverlap(db, space.id, input.from, input.to);
        if (taken) {
          throw new AppError('CONFLICT', `Parking space ${space.label} is already booked from ${taken.from} to ${taken.to}`, {
            reason: 'parking.overlap', params: { label: space.label, from: taken.from, to: taken.to },
          });
        }
        const createdAt = formatInstant(c.nowMs, settings.get().timeZone);
        const id = await insertParkingBooking(db, { ...input, spaceId: space.id, createdBy: ctx.actor?.username ?? 'internal', createdAt });
        c.publish({ type: 'parking.changed', action: 'booked', spaceId: space.id });
        return (await getParkingBooking(db, id))!;
      });
    },
    async cancel(id) {
      return await commit(core, async (c) => {
        const booking = await requireBooking(id);
        if (booking.status === 'cancelled') {
          throw new AppError('ILLEGAL_TRANSITION', `Parking booking ${id} is cancelled already`, { reason: 'parking.cancelledAlready', params: { id } });
        }
        await cancelParkingBooking(db, id);
        c.publish({ type: 'parking.changed', action: 'cancelled', spaceId: booking.spaceId });
        return await requireBooking(id);
      });
    },
  };
}
