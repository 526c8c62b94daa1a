/**
 * Reports and statistics (issue 17 §1): figures for a period beside the same period last year, for
 * the rooms, the appointments, stock and the fleet, each also as a CSV of the export registry. What
 * each answers is in report-figures.ts; the definitions in docs/reports.md.
 */
import { z } from 'zod';
import { MAX_REPORT_DAYS, REPORT_PERIODS } from '../rules/report-rules';
import { defineCommands, type CommandDef, type InputRule } from './command-def';
import { CsvOptionsSchema, DateSchema, ExportResultSchema } from './primitives';
import { AppointmentsReportSchema, FleetReportSchema, RoomsReportSchema, StockReportSchema } from './report-figures';
import { DESK } from './roles';

export * from './report-figures';

const TAG = ['Reports'] as const;

export const ReportQuerySchema = z.object({
  /** `day`, `monthToDate` and `yearToDate` end on `date`; `range` is `from`..`to`. */
  period: z.enum(REPORT_PERIODS).default('monthToDate'),
  /** The day a `day`, month-to-date or year-to-date report ends on; default the hotel's today. */
  date: DateSchema.optional(),
  /** A `range`'s first and last day (both inclusive). */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

export const REPORT_RULES: InputRule[] = [
  { when: '`period=range` without `from` and `to`', error: 'A range needs from and to' },
  { when: '`to` before `from`', error: 'to (2026-05-01) is before from (2026-05-31)' },
  { when: `more than ${MAX_REPORT_DAYS} days`, error: `A report covers at most ${MAX_REPORT_DAYS} days (asked for 1461)` },
];

/** A report's CSV takes the report's period and the export options. */
export const ReportExportQuerySchema = CsvOptionsSchema.extend(ReportQuerySchema.shape);
export type ReportExportQuery = z.output<typeof ReportExportQuerySchema>;

const PERIOD_TEXT =
  'For a day, the month or year to date (ending on `date`, default today) or any range (`from`..`to`, both inclusive, at most ' +
  `${MAX_REPORT_DAYS} days), and the same calendar days last year beside it. Money in minor units; definitions in docs/reports.md. `;

/** A report's command: staff and admins (a read: staff may read it), the period's rules. */
function report<const C extends Pick<CommandDef, 'summary' | 'description' | 'input' | 'output' | 'http'>>(c: C) {
  return { tags: TAG, roles: DESK, rules: REPORT_RULES, inclusiveDates: true as const, example: { period: 'monthToDate', date: '2026-05-20' } as Record<string, unknown>, ...c };
}

/** A report's CSV download, listed in the export center by itself (`export` flag). */
function reportCsv<const C extends Pick<CommandDef, 'summary' | 'description' | 'http'> & { export: string }>(c: C) {
  return {
    tags: ['Exports', 'Reports'] as const, roles: DESK, rules: REPORT_RULES, inclusiveDates: true as const,
    example: { period: 'range', from: '2026-05-01', to: '2026-05-31', delimiter: ';', bom: true } as Record<string, unknown>,
    input: ReportExportQuerySchema, output: ExportResultSchema, ...c,
  };
}

export const reportCommands = defineCommands({
  'reports:rooms': report({
    summary: 'Rooms report: occupancy, ADR, RevPAR and more, beside last year',
    description:
      PERIOD_TEXT +
      'Rooms available and sold, room revenue, occupancy (sold ÷ available), ADR (revenue ÷ sold), RevPAR (revenue ÷ available), arrivals, ' +
      'departures, in-house, cancellations, no-shows and their rate, average length of stay and lead time, by category and by day.',
    input: ReportQuerySchema, output: RoomsReportSchema, http: { method: 'GET', path: '/api/v1/reports/rooms' },
  }),
  'reports:appointments': report({
    summary: 'Appointments report: utilisation per service room and provider, status, revenue, no-shows, refunds',
    description:
      PERIOD_TEXT +
      'The appointments starting in the period: how many, by status, revenue (paid prices), no-shows and their rate, refunds; booked ' +
      "minutes against the minutes offered (a service room's timeslots × seats, a provider's working hours) per service room and provider; by day.",
    input: ReportQuerySchema, output: AppointmentsReportSchema, http: { method: 'GET', path: '/api/v1/reports/appointments' },
  }),
  'reports:stock': report({
    summary: 'Stock report: loans, utilisation and overdue loans per resource',
    description:
      PERIOD_TEXT + 'Loans made and quantities lent, utilisation (quantity × time out ÷ quantity owned × the period), loans overdue; per resource and by day.',
    input: ReportQuerySchema, output: StockReportSchema, http: { method: 'GET', path: '/api/v1/reports/stock' },
  }),
  'reports:fleet': report({
    summary: 'Fleet report: utilisation per car, km driven, damage reports',
    description: PERIOD_TEXT + 'Rentals, days rented against days available (utilisation), km driven and damage reported on return; per car, and cars out by day.',
    input: ReportQuerySchema, output: FleetReportSchema, http: { method: 'GET', path: '/api/v1/reports/fleet' },
  }),
  'reports:roomsExport': reportCsv({
    summary: 'Rooms report as CSV', export: 'roomsReport',
    description: 'The rooms report by day as a CSV download (rooms available and sold, revenue, occupancy, ADR, RevPAR, arrivals, departures), the same day last year beside each.',
    http: { method: 'GET', path: '/api/v1/reports/rooms.csv' },
  }),
  'reports:appointmentsExport': reportCsv({
    summary: 'Appointments report as CSV', export: 'appointmentsReport',
    description: 'The appointments report per service room and provider as a CSV download, last year beside each.',
    http: { method: 'GET', path: '/api/v1/reports/appointments.csv' },
  }),
  'reports:stockExport': reportCsv({
    summary: 'Stock report as CSV', export: 'stockReport',
    description: 'The stock report per resource as a CSV download, last year beside each.',
    http: { method: 'GET', path: '/api/v1/reports/stock.csv' },
  }),
  'reports:fleetExport': reportCsv({
    summary: 'Fleet report as CSV', export: 'fleetReport',
    description: 'The fleet report per car as a CSV download, last year beside each.',
    http: { method: 'GET', path: '/api/v1/reports/fleet.csv' },
  }),
});
