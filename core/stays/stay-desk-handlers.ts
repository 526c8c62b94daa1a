import type { stayDeskCommands } from '../../shared/contract/stay-desk';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function stayDeskHandlers({ stayDesk }: CoreServices): HandlersFor<typeof stayDeskCommands> {
  return {
    'stays:quote': (input) => stayDesk.quote(input),
    'stays:updateGuest': (input, ctx) => stayDesk.updateGuest(input, ctx),
    'guests:profile': (input) => stayDesk.profile(input),
  };
}
