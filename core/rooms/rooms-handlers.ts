import type { roomCommands } from '../../shared/contract/rooms';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function roomHandlers({ rooms }: CoreServices): HandlersFor<typeof roomCommands> {
  return {
    'rooms:list': (input) => rooms.list(input.includeInactive ?? false),
    'rooms:free': (input) => rooms.free(input),
    'rooms:create': (input) => rooms.create(input),
    'rooms:update': (input) => rooms.update(input),
    'rooms:deactivate': (input) => rooms.deactivate(input.id),
    'rooms:setHousekeeping': (input) => rooms.setHousekeeping(input.id, input.housekeeping),
  };
}
