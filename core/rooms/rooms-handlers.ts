import type { roomCommands } from '../../shared/contract/rooms';
import type { HandlersFor } from '../handler-types';
import type { RoomsService } from './rooms-service';

export function roomHandlers({ rooms }: { rooms: RoomsService }): HandlersFor<typeof roomCommands> {
  return {
    'rooms:list': (input) => rooms.list(input.includeInactive ?? false),
    'rooms:free': (input) => rooms.free(input),
    'rooms:create': (input) => rooms.create(input),
    'rooms:update': (input) => rooms.update(input),
    'rooms:deactivate': (input) => rooms.deactivate(input.id),
    'rooms:setHousekeeping': (input) => rooms.setHousekeeping(input.id, input.housekeeping),
  };
}
