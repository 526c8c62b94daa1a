/**
 * The period a report covers and what every report needs to know of it: the checked range, its
 * first and last instant in the hotel's zone, its day numbers. Runs in the export worker too (the
 * reports' CSVs): no zod, nothing of the host.
 */
import type { ReportQuery } from '../../shared/contract/reports';
import { AppError } from '../../shared/errors';
import { MAX_REPORT_DAYS, rangeDays, reportRange, type DateRange } from '../../shared/rules/report-rules';
import { addDays, dayNumber, localDate, parseDate, startOfLocalDate } from '../../shared/time';

/** What a report reads of the settings and the clock: the service fills it, or the export's env. */
export interface ReportEnv {
  timeZone: string;
  currency: string;
  nowMs: number;
  /** The longest stay ever allowed, in ms (the rooms report's scan starts that long before the period). */
  maxStayMs: number;
  /** The setting `reportsOutOfOrderUnavailable`. */
  outOfOrderUnavailable: boolean;
}

/** The period a query asks for (`date` defaults to the hotel's today), refused with the reason when it is not one. */
export function checkedRange(query: ReportQuery, today: string): DateRange {
  if (query.period === 'range' && (query.from === undefined || query.to === undefined)) {
    throw new AppError('VALIDATION', 'A range needs from and to', { reason: 'reports.rangeNeedsDates' });
  }
  const range = reportRange(query.period, query.date ?? today, query.from, query.to);
  if (range.to < range.from) {
    throw new AppError('VALIDATION', `to (${range.to}) is before from (${range.from})`, { reason: 'reports.toBeforeFrom', params: { ...range } });
  }
  const days = rangeDays(range);
  if (days > MAX_REPORT_DAYS) {
    throw new AppError('VALIDATION', `A report covers at most ${MAX_REPORT_DAYS} days (asked for ${days})`, {
      reason: 'reports.tooLong', params: { max: MAX_REPORT_DAYS, days },
    });
  }
  return range;
}

/** The query's range in the hotel's calendar today. */
export function queryRange(query: ReportQuery, env: ReportEnv): DateRange {
  return checkedRange(query, localDate(env.nowMs, env.timeZone));
}

export interface PeriodSpan {
  range: DateRange;
  /** 00:00 of the first day, and of the day after the last, in the hotel's zone (UTC ms). */
  startMs: number;
  endMs: number;
  /** The first day's day number (days since 1970-01-01) and how many days. */
  fromDay: number;
  days: number;
}

export function periodSpan(range: DateRange, zone: string): PeriodSpan {
  return {
    range,
    startMs: startOfLocalDate(range.from, zone),
    endMs: startOfLocalDate(addDays(range.to, 1), zone),
    fromDay: dayNumber(parseDate(range.from)),
    days: rangeDays(range),
  };
}

/**
 * Refuses a query that is no period (the 400s of `checkedRange`) before a report's CSV starts. Which
 * day is "today" changes nothing here: a day, month or year to date always is one.
 */
export function checkReportQuery(query: ReportQuery): void {
  checkedRange(query, query.date ?? '2000-01-01');
}
