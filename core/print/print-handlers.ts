import type { printCommands } from '../../shared/contract/print';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function printHandlers({ print }: CoreServices): HandlersFor<typeof printCommands> {
  return {
    'print:lists': () => print.lists(),
  };
}
