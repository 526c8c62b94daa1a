import type { reportCommands } from '../../shared/contract/reports';
import type { HandlersFor } from '../handler-types';
import type { ReportsService } from './reports-service';

export function reportHandlers({ reports }: { reports: ReportsService }): HandlersFor<typeof reportCommands> {
  return {
    'reports:rooms': (input) => reports.rooms(input),
    'reports:appointments': (input) => reports.appointments(input),
    'reports:stock': (input) => reports.stock(input),
    'reports:fleet': (input) => reports.fleet(input),
  };
}
