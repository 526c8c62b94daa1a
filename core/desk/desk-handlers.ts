import type { deskCommands } from '../../shared/contract/desk';
import type { HandlersFor } from '../handler-types';
import type { DeskService } from './desk-service';

export function deskHandlers({ desk }: { desk: DeskService }): HandlersFor<typeof deskCommands> {
  return {
    'desk:search': (input) => desk.search(input.q, input.limit),
    'desk:worklists': () => desk.worklists(),
    'rooms:available': (input) => desk.available(input),
  };
}
