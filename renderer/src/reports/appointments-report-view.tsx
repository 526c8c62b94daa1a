/** The appointments report: bookings by status, revenue, no-shows, refunds, utilisation per service room and provider. */
import type { AppointmentsFigures, AppointmentsReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
import { ReportBody, percent, useDaySeries, useThingBars } from './report-series';
import { FiguresTable, ThingsTable, type FigureRow } from './report-tables';

export function AppointmentsReportView({ report, fmt }: { report: AppointmentsReport; fmt: ReportFormat }) {
  const { t, pct, num, money, span, pctAxis } = fmt;
  const rows: FigureRow<AppointmentsFigures>[] = [
    { key: 'bookings', label: 'reports.bookings', value: (x) => x.bookings, show: num },
    { key: 'utilisation', label: 'reports.utilisation', value: (x) => x.utilisation, show: pct },
    { key: 'revenue', label: 'reports.revenue', value: (x) => x.revenue, show: money },
    { key: 'pending', label: 'reports.status.pending', value: (x) => x.byStatus.pending, show: num },
    { key: 'confirmed', label: 'reports.status.confirmed', value: (x) => x.byStatus.confirmed, show: num },
    { key: 'completed', label: 'reports.status.completed', value: (x) => x.byStatus.completed, show: num },
    { key: 'cancelled', label: 'reports.status.cancelled', value: (x) => x.byStatus.cancelled, show: num },
    { key: 'noShows', label: 'reports.noShows', value: (x) => x.noShows, show: num },
    { key: 'noShowRate', label: 'reports.noShowRate', value: (x) => x.noShowRate, show: pct },
    { key: 'refunds', label: 'reports.refunds', value: (x) => x.refunds, show: num },
    { key: 'refunded', label: 'reports.refunded', value: (x) => x.refunded, show: money },
    { key: 'bookedHours', label: 'reports.bookedHours', value: (x) => x.bookedMinutes / 60, show: num },
  ];
  const { current, lastYear } = report;
  const line = useDaySeries(fmt, current, lastYear, (d) => d.bookings);
  const bars = useThingBars(fmt, current, current.byResource, lastYear.byResource, (r) => `${r.kind}:${r.id}`, (r) => r.name, (r) => percent(r.utilisation));
  return (
    <ReportBody
      figures={<FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />}
      charts={
        <>
          <LineChart title={t('reports.bookingsByDay')} {...line} xLabel={t('reports.date')} format={num} testId="report-bookings-chart" />
          <BarChart title={t('reports.utilisationByResource')} {...bars} xLabel={t('reports.name')} format={pctAxis} testId="report-utilisation-chart" />
        </>
      }
      things={
        <ThingsTable
          title="reports.byResource" nameLabel="reports.name" rows={current.byResource} name={(r) => r.name} rowKey={(r) => `${r.kind}:${r.id}`} testId="report-resources"
          columns={[
            { label: 'reports.kind', cell: (r) => t(r.kind === 'room' ? 'reports.kind.room' : 'reports.kind.provider'), num: false },
            { label: 'reports.bookings', cell: (r) => num(r.bookings) },
            { label: 'reports.bookedHours', cell: (r) => num(r.bookedMinutes / 60) },
            { label: 'reports.offeredHours', cell: (r) => num(r.availableMinutes / 60) },
            { label: 'reports.utilisation', cell: (r) => pct(r.utilisation) },
            { label: 'reports.revenue', cell: (r) => money(r.revenue) },
            { label: 'reports.noShows', cell: (r) => num(r.noShows) },
          ]}
        />
      }
    />
  );
}
