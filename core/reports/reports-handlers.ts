import type { reportCommands } from '../../shared/contract/reports';
import type { CoreServices } from '../composition/core-services';
import type { HandlersFor } from '../handler-types';

export function reportHandlers({ roomsReport }: CoreServices): HandlersFor<typeof reportCommands> {
  return { 'reports:rooms': (input) => roomsReport.rooms(input) };
}
