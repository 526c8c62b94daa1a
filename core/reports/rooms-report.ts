/**
 * The rooms report (issue 17 §1): a period's figures beside the same days last year. The database
 * adds up per arrival, departure and category from a covering index (db/queries/report-queries.ts);
 * rooms-figures.ts turns those sums into the report with the standard definitions
 * (shared/rules/report-rules.ts). Nothing here loads a stay. Runs in the export worker too.
 */
import { lostArrivals, outOfOrderBlocks, roomsByCategory, roomsStayGroups, type ReportDb } from '../../db/queries/report-queries';
import type { ReportQuery, RoomsFigures, RoomsReport } from '../../shared/contract/reports';
import { lastYearRange, type DateRange } from '../../shared/rules/report-rules';
import { dayNumber, localDate, parseDate } from '../../shared/time';
import { periodSpan, queryRange, type ReportEnv } from './report-period';
import { roomsFigures } from './rooms-figures';
import { localDayOf } from './zone-offsets';

const DAY_MS = 86_400_000;

async function figures(db: ReportDb, env: ReportEnv, range: DateRange, rooms: ReadonlyMap<string, number>): Promise<RoomsFigures> {
  const { startMs, endMs, fromDay, days } = periodSpan(range, env.timeZone);
  const maxStayMs = env.maxStayMs;
  const dayOf = localDayOf(startMs - maxStayMs - DAY_MS, endMs + maxStayMs + DAY_MS, env.timeZone);
  const groups = await roomsStayGroups(db, { startMs, endMs, maxStayMs });
  const lost = await lostArrivals(db, startMs, endMs);
  const outOfOrderNights: { category: string; day: number }[] = [];
  if (env.outOfOrderUnavailable) {
    const localDay = (ms: number) => dayNumber(parseDate(localDate(ms, env.timeZone)));
    for (const b of await outOfOrderBlocks(db, startMs, endMs)) {
      for (let day = localDay(Number(b.startsMs)); day < localDay(Number(b.endsMs)); day++) outOfOrderNights.push({ category: b.category, day });
    }
  }
  const count = (status: string) => Number(lost.find((l) => l.status === status)?.n ?? 0);
  return roomsFigures({ range, fromDay, days, rooms, groups, dayOf, cancellations: count('cancelled'), noShows: count('no_show'), outOfOrderNights });
}

export async function roomsReport(db: ReportDb, env: ReportEnv, query: ReportQuery): Promise<RoomsReport> {
  const range = queryRange(query, env);
  const rooms = new Map((await roomsByCategory(db)).map((r) => [r.category, Number(r.rooms)]));
  const current = await figures(db, env, range, rooms);
  const lastYear = await figures(db, env, lastYearRange(range), rooms);
  return { currency: env.currency, outOfOrderUnavailable: env.outOfOrderUnavailable, current, lastYear };
}
