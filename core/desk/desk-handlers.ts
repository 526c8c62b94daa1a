import type { deskCommands } from '../../shared/contract/desk';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function deskHandlers({ desk }: CoreServices): HandlersFor<typeof deskCommands> {
  return {
    'desk:search': (input) => desk.search(input.q, input.limit),
    'desk:worklists': () => desk.worklists(),
    'rooms:available': (input) => desk.available(input),
  };
}
