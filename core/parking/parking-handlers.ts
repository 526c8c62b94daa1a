import type { parkingCommands } from '../../shared/contract/parking';
import type { HandlersFor } from '../handler-types';
import type { ParkingService } from './parking-service';

/** `parking:export` streams from the export registry and has no handler here. */
export function parkingHandlers({ parking }: { parking: ParkingService }): HandlersFor<typeof parkingCommands> {
  return {
    'parking:spaces': () => parking.spaces(),
    'parking:createSpace': (input, ctx) => parking.createSpace(input, ctx),
    'parking:bookings': (input) => parking.bookings(input),
    'parking:book': (input, ctx) => parking.book(input, ctx),
    'parking:cancel': (input, ctx) => parking.cancel(input.id, ctx),
  };
}
