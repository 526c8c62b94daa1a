/** The rooms report: occupancy, ADR, RevPAR… beside last year; occupancy by day; revenue by category. */
import { useMemo } from 'react';
import type { RoomsFigures, RoomsReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
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
  const line = useMemo(() => {
    const occ = (f: RoomsFigures) => f.byDay.map((d) => Math.round(d.occupancy * 1000) / 10);
    return { dates: current.byDay.map((d) => d.date), current: { label: span(current), values: occ(current) }, lastYear: { label: t('reports.lastYear'), values: occ(lastYear) } };
  }, [report, span, t]);
  const bars = useMemo(() => {
    const last = new Map(lastYear.byCategory.map((c) => [c.category, c.roomRevenue]));
    return {
      names: current.byCategory.map((c) => c.category),
      current: { label: span(current), values: current.byCategory.map((c) => c.roomRevenue) },
      lastYear: { label: t('reports.lastYear'), values: current.byCategory.map((c) => last.get(c.category) ?? 0) },
    };
  }, [report, span, t]);
  return (
    <div className="report-body" data-testid="report-body">
      <div className="report-figures">
        <FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />
        {report.outOfOrderUnavailable ? <p className="report-note">{t('reports.outOfOrderNote')}</p> : null}
      </div>
      <div className="report-charts">
        <LineChart title={t('reports.occupancyByDay')} {...line} xLabel={t('reports.date')} format={pctAxis} yMax={100} testId="report-occupancy-chart" />
        <BarChart title={t('reports.revenueByCategory')} {...bars} xLabel={t('reports.category')} format={money} testId="report-revenue-chart" />
      </div>
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
    </div>
  );
}
