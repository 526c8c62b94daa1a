import type { boardCommands } from '../../shared/contract/board';
import type { HandlersFor } from '../handler-types';
import type { BoardService } from './board-service';

export function boardHandlers({ board }: { board: BoardService }): HandlersFor<typeof boardCommands> {
  return { 'board:get': (input) => board.get(input) };
}
