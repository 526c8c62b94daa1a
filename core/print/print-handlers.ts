import type { printCommands } from '../../shared/contract/print';
import type { HandlersFor } from '../handler-types';
import type { PrintService } from './print-service';

export function printHandlers({ print }: { print: PrintService }): HandlersFor<typeof printCommands> {
  return {
    'print:lists': () => print.lists(),
  };
}
