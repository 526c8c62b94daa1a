import type { rentalCommands } from '../../shared/contract/rentals';
import type { HandlersFor } from '../handler-types';
import type { RentalsService } from './rentals-service';

/** `rentals:export` streams from the export registry and has no handler here. */
export function rentalHandlers({ rentals }: { rentals: RentalsService }): HandlersFor<typeof rentalCommands> {
  return {
    'rentals:list': (input) => rentals.list(input),
    'rentals:timeline': (input) => rentals.timeline(input.from, input.days),
    'rentals:get': (input) => rentals.get(input.id),
    'rentals:reserve': (input, ctx) => rentals.reserve(input, ctx),
    'rentals:handOut': (input) => rentals.handOut(input),
    'rentals:return': (input) => rentals.giveBack(input),
    'rentals:cancel': (input) => rentals.cancel(input.id),
    'rentals:undo': (input, ctx) => rentals.undo(input.id, ctx),
  };
}
