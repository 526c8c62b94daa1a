/**
 * The rooms report (issue 17 §1): a period's figures beside the same days last year. The database
 * adds up per category and day (db/queries/report-queries.ts); rooms-figures.ts turns those sums
 * into the report with the standard definitions (shared/rules/report-rules.ts). Nothing here loads
 * a stay.
 */
import { lostArrivals, outOfOrderBlocks, roomsByCategory, roomsStayGroups } from '../../db/queries/report-queries';
import type { ReportQuery, RoomsFigures, RoomsReport } from '../../shared/contract/reports';
import { AppError } from '../../shared/errors';
import { MAX_REPORT_DAYS, lastYearRange, rangeDays, reportRange, type DateRange } from '../../shared/rules/report-rules';
import { addDays, dayNumber, localDate, parseDate, startOfLocalDate } from '../../shared/time';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { roomsFigures } from './rooms-figures';
import { offsetSegments } from './zone-offsets';

const DAY_MS = 86_400_000;

export interface RoomsReportService {
  rooms(query: ReportQuery): Promise<RoomsReport>;
}

/** The period a query asks for, refused with the reason when it is not one. */
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

export function createRoomsReportService(core: CoreDeps, settings: SettingsService): RoomsReportService {
  const db = core.db;

  async function figures(range: DateRange, rooms: ReadonlyMap<string, number>, oooUnavailable: boolean): Promise<RoomsFigures> {
    const zone = settings.get().timeZone;
    const maxStayMs = settings.maxStayMs();
    const startMs = startOfLocalDate(range.from, zone);
    const endMs = startOfLocalDate(addDays(range.to, 1), zone);
    const fromDay = dayNumber(parseDate(range.from));
    const days = rangeDays(range);
    const segments = offsetSegments(startMs - maxStayMs - DAY_MS, endMs + maxStayMs + DAY_MS, zone);
    const groups = await roomsStayGroups(db, { startMs, endMs, maxStayMs, segments });
    const lost = await lostArrivals(db, startMs, endMs);
    const outOfOrderNights: { category: string; day: number }[] = [];
    if (oooUnavailable) {
      const localDay = (ms: number) => dayNumber(parseDate(localDate(ms, zone)));
      for (const b of await outOfOrderBlocks(db, startMs, endMs)) {
        for (let day = localDay(Number(b.startsMs)); day < localDay(Number(b.endsMs)); day++) outOfOrderNights.push({ category: b.category, day });
      }
    }
    const count = (status: string) => Number(lost.find((l) => l.status === status)?.n ?? 0);
    return roomsFigures({ range, fromDay, days, rooms, groups, cancellations: count('cancelled'), noShows: count('no_show'), outOfOrderNights });
  }

  return {
    async rooms(query) {
      const s = settings.get();
      const range = checkedRange(query, localDate(core.clock(), s.timeZone));
      const rooms = new Map((await roomsByCategory(db)).map((r) => [r.category, Number(r.rooms)]));
      const oooUnavailable = s.reportsOutOfOrderUnavailable;
      const current = await figures(range, rooms, oooUnavailable);
      const lastYear = await figures(lastYearRange(range), rooms, oooUnavailable);
      return { currency: s.currency, outOfOrderUnavailable: oooUnavailable, current, lastYear };
    },
  };
}
