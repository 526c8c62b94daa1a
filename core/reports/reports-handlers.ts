import type { reportCommands } from '../../shared/contract/reports';
import type { CoreServices } from '../core-services';
import type { HandlersFor } from '../handler-types';

export function reportHandlers({ reports }: CoreServices): HandlersFor<typeof reportCommands> {
  return {
    'reports:rooms': (input) => reports.rooms(input),
    'reports:appointments': (input) => reports.appointments(input),
    'reports:stock': (input) => reports.stock(input),
    'reports:fleet': (input) => reports.fleet(input),
  };
}
