import type { carCommands } from '../../shared/contract/cars';
import type { CoreServices } from '../core-services';
import type { HandlersFor } from '../handler-types';

/** The exports (`cars:export`, `rentals:export`) stream from the export registry and have no handler here. */
export function carHandlers({ cars, rentals }: CoreServices): HandlersFor<typeof carCommands> {
  return {
    'cars:seedList': () => cars.seedList(),
    'cars:seedGet': (input) => cars.seedGet(input.car_id),
    'cars:seedAdd': (input, ctx) => cars.seedAdd(input, ctx),
    'cars:seedDelete': (input) => cars.remove(input.car_id),
    'cars:list': (input) => cars.list(input),
    'cars:get': (input) => cars.get(input.id),
    'cars:create': (input, ctx) => cars.create(input, ctx),
    'cars:update': (input) => cars.update(input),
    'cars:reportDamage': (input) => cars.reportDamage(input),
    'cars:repair': (input) => cars.repair(input.id),
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
