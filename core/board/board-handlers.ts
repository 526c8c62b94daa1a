import type { boardCommands } from '../../shared/contract/board';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function boardHandlers({ board }: CoreServices): HandlersFor<typeof boardCommands> {
  return { 'board:get': (input) => board.get(input) };
}
