/** The rooms report: occupancy, ADR, RevPAR… beside last year; occupancy by day; revenue by category. */
import type { RoomsFigures, RoomsReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
import { ReportBody, percent, useDaySeries, useThingBars } from './report-series';
import { FiguresTable, ThingsTable, type FigureRow } from './report-tables';

export function RoomsReportView({ report, fmt }: { report: RoomsReport; fmt: ReportFormat }) {
  const { t, pct, num, money, span, pctAxis } = fmt;
  const rows: FigureRow<RoomsFigures>[] = [
    { key: 'occupancy', label: 'reports.occupancy', value: (x) => x.occupancy, show: pct },
    { key: 'adr', label: 'reports.adr', value: (x) => x.adr, show: money },
    { key: 'revpar', label: 'reports.revpar', value: (x) => x.revpar, show: money },
    { key: 'roomRevenue', label: 'reports.roomRevenue', value: (x) => x.roomRevenue, show: money },
    { key: 'roomsSold', label: 'reports.roomsSold', value: (x) => x.roomsSold, show: num },
    { key: 'roomsAvailable', label: 'reports.roomsAvailable', value: (x) => x.roomsAvailable, show: num },
    { key: 'arrivals', label: 'reports.arrivals', value: (x) => x.arrivals, show: num },
    { key: 'departures', label: 'reports.departures', value: (x) => x.departures, show: num },
    { key: 'inHouse', label: 'reports.inHouse', value: (x) => x.inHouse, show: num },
    { key: 'cancellations', label: 'reports.cancellations', value: (x) => x.cancellations, show: num },
    { key: 'noShows', label: 'reports.noShows', value: (x) => x.noShows, show: num },
    { key: 'noShowRate', label: 'reports.noShowRate', value: (x) => x.noShowRate, show: pct },
    { key: 'alos', label: 'reports.alos', value: (x) => x.averageLengthOfStay, show: num },
    { key: 'lead', label: 'reports.leadTime', value: (x) => x.averageLeadDays, show: num },
  ];
  const { current, lastYear } = report;
  const line = useDaySeries(fmt, current, lastYear, (d) => percent(d.occupancy));
  const bars = useThingBars(fmt, current, current.byCategory, lastYear.byCategory, (c) => c.category, (c) => c.category, (c) => c.roomRevenue);
  return (
    <ReportBody
      figures={
        <>
          <FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />
          {report.outOfOrderUnavailable ? <p className="report-note">{t('reports.outOfOrderNote')}</p> : null}
        </>
      }
      charts={
        <>
          <LineChart title={t('reports.occupancyByDay')} {...line} xLabel={t('reports.date')} format={pctAxis} yMax={100} testId="report-occupancy-chart" />
          <BarChart title={t('reports.revenueByCategory')} {...bars} xLabel={t('reports.category')} format={money} testId="report-revenue-chart" />
        </>
      }
      things={
        <ThingsTable
          title="reports.byCategory" nameLabel="reports.category" rows={current.byCategory} name={(c) => c.category} rowKey={(c) => c.category} testId="report-categories"
          columns={[
            { label: 'reports.occupancy', cell: (c) => pct(c.occupancy) },
            { label: 'reports.adr', cell: (c) => money(c.adr) },
            { label: 'reports.revpar', cell: (c) => money(c.revpar) },
            { label: 'reports.roomRevenue', cell: (c) => money(c.roomRevenue) },
            { label: 'reports.roomsSold', cell: (c) => num(c.roomsSold) },
          ]}
        />
      }
    />
  );
}
