import type { blockCommands } from '../../shared/contract/blocks';
import type { HandlersFor } from '../handler-types';
import type { BlocksService } from './blocks-service';

export function blockHandlers({ blocks }: { blocks: BlocksService }): HandlersFor<typeof blockCommands> {
  return {
    'blocks:list': (input) => blocks.list(input.from, input.to),
    'blocks:create': (input, ctx) => blocks.create(input, ctx),
    'blocks:update': (input) => blocks.update(input),
    'blocks:remove': (input) => blocks.remove(input.id),
  };
}
