import type { seedBookingCommands } from '../../shared/contract/seed-bookings';
import type { stayCommands } from '../../shared/contract/stays';
import type { HandlersFor } from '../handler-types';
import type { StaysService } from './stays-service';
import type { SeedBookingsService } from './seed-bookings-service';

/** The exports (`stays:export`, seed 000's CSV) stream from the export registry and have no handler here. */
export function stayHandlers({ stays, seedBookings }: { stays: StaysService; seedBookings: SeedBookingsService }): HandlersFor<typeof seedBookingCommands & typeof stayCommands> {
  return {
    'stays:seedList': (input, ctx) => seedBookings.list(input, ctx),
    'stays:seedCreate': (input, ctx) => seedBookings.create(input, ctx),
    'stays:list': (input) => stays.list(input),
    'stays:get': (input) => stays.get(input.id),
    'stays:create': (input, ctx) => stays.create(input, ctx),
    'stays:move': (input, ctx) => stays.move(input, ctx),
    'stays:changeDates': (input, ctx) => stays.changeDates(input, ctx),
    'stays:cancel': (input, ctx) => stays.cancel(input.id, ctx),
    'stays:checkIn': (input, ctx) => stays.checkIn(input.id, ctx),
    'stays:checkOut': (input, ctx) => stays.checkOut(input.id, ctx),
    'stays:noShow': (input, ctx) => stays.noShow(input.id, ctx),
    'stays:departureQuote': (input) => stays.departureQuote(input.id, input.action),
    'stays:undo': (input, ctx) => stays.undo(input.id, ctx),
  };
}
