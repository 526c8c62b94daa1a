/** Reports and statistics (issue 17 §1): figures for a period beside the same period last year. */
import { z } from 'zod';
import { MAX_REPORT_DAYS, REPORT_PERIODS } from '../rules/report-rules';
import { defineCommands, type InputRule } from './command-def';
import { DateOutSchema, DateSchema } from './primitives';
import { DESK } from './roles';

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

const Count = z.number().int();
const Money = z.number().int().meta({ description: 'Minor units (øre, cents): 89500 is 895.00.' });
const Fraction = z.number().meta({ description: 'A fraction: 0.82 is 82 %.' });

export const RoomsDaySchema = z.object({
  date: DateOutSchema,
  roomsAvailable: Count,
  roomsSold: Count,
  roomRevenue: Money,
  occupancy: Fraction,
  arrivals: Count,
  departures: Count,
});
export const RoomsCategorySchema = z.object({
  category: z.string(),
  roomsAvailable: Count,
  roomsSold: Count,
  roomRevenue: Money,
  occupancy: Fraction,
  adr: Money,
  revpar: Money,
});
export const RoomsFiguresSchema = z.object({
  from: DateOutSchema,
  to: DateOutSchema,
  days: Count,
  /** Room-nights the hotel could sell: rooms in use × days (less out-of-order nights where the setting says so). */
  roomsAvailable: Count,
  /** Room-nights sold: nights of booked, checked-in and checked-out stays in the period. */
  roomsSold: Count,
  /** Each stay's price spread evenly over its nights; the nights in the period counted. */
  roomRevenue: Money,
  occupancy: Fraction,
  adr: Money,
  revpar: Money,
  arrivals: Count,
  departures: Count,
  /** Rooms occupied on the period's last night. */
  inHouse: Count,
  /** Stays due to arrive in the period that were cancelled, or did not show. */
  cancellations: Count,
  noShows: Count,
  /** No-shows ÷ (arrivals + no-shows). */
  noShowRate: Fraction,
  /** Nights per arriving stay. */
  averageLengthOfStay: z.number(),
  /** Days from booking to arrival, per arriving stay. */
  averageLeadDays: z.number(),
  byCategory: z.array(RoomsCategorySchema),
  byDay: z.array(RoomsDaySchema),
});
export type RoomsFigures = z.infer<typeof RoomsFiguresSchema>;
export const RoomsReportSchema = z.object({
  currency: z.string(),
  /** Whether out-of-order rooms left "available" (the setting `reportsOutOfOrderUnavailable`). */
  outOfOrderUnavailable: z.boolean(),
  current: RoomsFiguresSchema,
  /** The same calendar days a year earlier. */
  lastYear: RoomsFiguresSchema,
});
export type RoomsReport = z.infer<typeof RoomsReportSchema>;

export const REPORT_RULES: InputRule[] = [
  { when: '`period=range` without `from` and `to`', error: 'A range needs from and to' },
  { when: '`to` before `from`', error: 'to (2026-05-01) is before from (2026-05-31)' },
  { when: `more than ${MAX_REPORT_DAYS} days`, error: `A report covers at most ${MAX_REPORT_DAYS} days (asked for 1461)` },
];

export const reportCommands = defineCommands({
  'reports:rooms': {
    summary: 'Rooms report: occupancy, ADR, RevPAR and more, beside last year', tags: TAG, roles: DESK,
    description:
      'For a day, the month or year to date (ending on `date`, default today) or any range (`from`..`to`, both inclusive, at most ' +
      `${MAX_REPORT_DAYS} days): rooms available and sold, room revenue, occupancy (sold ÷ available), ADR (revenue ÷ sold), RevPAR ` +
      '(revenue ÷ available), arrivals, departures, in-house, cancellations, no-shows and their rate, average length of stay and lead ' +
      'time, by category and by day; and the same for the same days last year. Money in minor units. Definitions: docs/reports.md.',
    example: { period: 'monthToDate', date: '2026-05-20' },
    input: ReportQuerySchema, output: RoomsReportSchema, http: { method: 'GET', path: '/api/v1/reports/rooms' },
    rules: REPORT_RULES,
    inclusiveDates: true,
  },
});
