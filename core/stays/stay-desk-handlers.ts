import type { stayDeskCommands } from '../../shared/contract/stay-desk';
import type { HandlersFor } from '../handler-types';
import type { StayDeskService } from './stay-desk-service';

export function stayDeskHandlers({ stayDesk }: { stayDesk: StayDeskService }): HandlersFor<typeof stayDeskCommands> {
  return {
    'stays:quote': (input) => stayDesk.quote(input),
    'stays:updateGuest': (input, ctx) => stayDesk.updateGuest(input, ctx),
    'guests:profile': (input) => stayDesk.profile(input),
  };
}
