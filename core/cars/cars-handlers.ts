import type { carCommands } from '../../shared/contract/cars';
import type { HandlersFor } from '../handler-types';
import type { CarsService } from './cars-service';

/** `cars:export` streams from the export registry and have no handler here. */
export function carHandlers({ cars }: { cars: CarsService }): HandlersFor<typeof carCommands> {
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
  };
}
