import type { stayCommands } from '../../shared/contract/stays';
import type { CoreServices } from '../core-services';
import type { HandlersFor } from '../handler-types';

/** The exports (`stays:export`, seed 000's CSV) stream from the export registry and have no handler here. */
export function stayHandlers({ stays, seedBookings }: CoreServices): HandlersFor<typeof stayCommands> {
  return {
    'stays:seedList': (input, ctx) => seedBookings.list(input, ctx),
    'stays:seedCreate': (input, ctx) => seedBookings.create(input, ctx),
    'stays:list': (input) => stays.list(input),
    'stays:get': (input) => stays.get(input.id),
    'stays:create': (input, ctx) => stays.create(input, ctx),
    'stays:move': (input, ctx) => stays.move(input, ctx),
    'stays:changeDates': (input, ctx) => stays.changeDates(input, ctx),
    'stays:cancel': (input) => stays.cancel(input.id),
    'stays:checkIn': (input) => stays.checkIn(input.id),
    'stays:checkOut': (input) => stays.checkOut(input.id),
    'stays:noShow': (input) => stays.noShow(input.id),
  };
}
