/**
 * The reports' definitions (issue 17 §1), pure: which days a report covers, the same days last year,
 * and the standard hotel ratios. Money is in minor units (øre); ratios are plain fractions (0.82 is
 * 82 %). docs/reports.md has the definitions with a worked example.
 */
import { addDays, nightsBetween, parseDate, formatDate, daysInMonth } from '../time';

export const REPORT_PERIODS = ['day', 'monthToDate', 'yearToDate', 'range'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
/** The longest range one report covers (three years of days, for the daily chart). */
export const MAX_REPORT_DAYS = 1100;

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/**
 * The days a report covers: one `day` (`date`), the month or the year up to and including `date`,
 * or `from`..`to` (both inclusive) for `range`.
 */
export function reportRange(period: ReportPeriod, date: string, from?: string, to?: string): DateRange {
  const d = parseDate(date);
  switch (period) {
    case 'day':
      return { from: date, to: date };
    case 'monthToDate':
      return { from: formatDate({ ...d, day: 1 }), to: date };
    case 'yearToDate':
      return { from: formatDate({ year: d.year, month: 1, day: 1 }), to: date };
    case 'range':
      return { from: from ?? date, to: to ?? date };
  }
}

/** How many days `r` covers (both ends inclusive). */
export function rangeDays(r: DateRange): number {
  return nightsBetween(r.from, r.to) + 1;
}

/** The same date a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(date: string): string {
  const d = parseDate(date);
  const year = d.year - 1;
  return formatDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

/** The comparison period: the same calendar days last year. */
export function lastYearRange(r: DateRange): DateRange {
  return { from: sameDayLastYear(r.from), to: sameDayLastYear(r.to) };
}

/** Every day of `r`, in order. */
export function daysOf(r: DateRange): string[] {
  const days: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** `a ÷ b`, or 0 where there is nothing to divide by (no room available, none sold). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** The three standard figures of a rooms report, from its totals. */
export function roomRatios(t: { roomsAvailable: number; roomsSold: number; roomRevenue: number }): {
  occupancy: number;
  adr: number;
  revpar: number;
} {
  return {
    /** Occupancy = rooms sold ÷ rooms available. */
    occupancy: ratio(t.roomsSold, t.roomsAvailable),
    /** ADR (average daily rate) = room revenue ÷ rooms sold, in minor units. */
    adr: Math.round(ratio(t.roomRevenue, t.roomsSold)),
    /** RevPAR = room revenue ÷ rooms available, in minor units. */
    revpar: Math.round(ratio(t.roomRevenue, t.roomsAvailable)),
  };
}
