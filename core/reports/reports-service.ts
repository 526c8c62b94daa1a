/**
 * The reports (issue 17 §1): rooms, appointments, stock and the fleet, each a period's figures
 * beside the same days last year, read on the desk's connection. The figures themselves are worked
 * out in one file per report, over a read handle, so the reports' CSVs (report-exports.ts) compute
 * the same figures in the export worker's snapshot.
 */
import type { AppointmentsReport, FleetReport, ReportQuery, RoomsReport, StockReport } from '../../shared/contract/reports';
import type { CoreDeps } from '../context';
import type { SettingsService } from '../settings/settings-service';
import { appointmentsReport } from './appointments-report';
import { fleetReport } from './fleet-report';
import type { ReportEnv } from './report-period';
import { roomsReport } from './rooms-report';
import { stockReport } from './stock-report';

export interface ReportsService {
  rooms(query: ReportQuery): Promise<RoomsReport>;
  appointments(query: ReportQuery): Promise<AppointmentsReport>;
  stock(query: ReportQuery): Promise<StockReport>;
  fleet(query: ReportQuery): Promise<FleetReport>;
}

/** What a report reads of the settings and the clock, now. */
export function reportEnvOf(settings: SettingsService, nowMs: number): ReportEnv {
  const s = settings.get();
  return { timeZone: s.timeZone, currency: s.currency, nowMs, maxStayMs: settings.maxStayMs(), outOfOrderUnavailable: s.reportsOutOfOrderUnavailable };
}

export function createReportsService(core: CoreDeps, settings: SettingsService): ReportsService {
  const { db } = core;
  // One read: on SQLite no write lands between a report's queries (this period and last year's).
  const run = <R>(report: (d: typeof db, env: ReportEnv, q: ReportQuery) => Promise<R>) => (query: ReportQuery) =>
    db.read(() => report(db, reportEnvOf(settings, core.clock()), query));
  return { rooms: run(roomsReport), appointments: run(appointmentsReport), stock: run(stockReport), fleet: run(fleetReport) };
}
