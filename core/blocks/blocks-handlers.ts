import type { blockCommands } from '../../shared/contract/blocks';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function blockHandlers({ blocks }: CoreServices): HandlersFor<typeof blockCommands> {
  return {
    'blocks:list': (input) => blocks.list(input.from, input.to),
    'blocks:create': (input, ctx) => blocks.create(input, ctx),
    'blocks:update': (input) => blocks.update(input),
    'blocks:remove': (input) => blocks.remove(input.id),
  };
}
