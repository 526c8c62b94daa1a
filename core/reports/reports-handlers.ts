import type { reportCommands } from '../../shared/contract/reports';
import type { HandlersFor } from '../handler-types';
import type { RoomsReportService } from './rooms-report-service';

export function reportHandlers({ roomsReport }: { roomsReport: RoomsReportService }): HandlersFor<typeof reportCommands> {
  return { 'reports:rooms': (input) => roomsReport.rooms(input) };
}
