/** The fleet report: utilisation per car, km driven, damage reports; cars out by day. */
import type { FleetFigures, FleetReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
import { ReportBody, percent, useDaySeries, useThingBars } from './report-series';
import { FiguresTable, ThingsTable, type FigureRow } from './report-tables';

export function FleetReportView({ report, fmt }: { report: FleetReport; fmt: ReportFormat }) {
  const { t, pct, num, span, pctAxis } = fmt;
  const rows: FigureRow<FleetFigures>[] = [
    { key: 'utilisation', label: 'reports.utilisation', value: (x) => x.utilisation, show: pct },
    { key: 'rentals', label: 'reports.rentals', value: (x) => x.rentals, show: num },
    { key: 'rentedDays', label: 'reports.rentedDays', value: (x) => x.rentedDays, show: num },
    { key: 'availableDays', label: 'reports.availableDays', value: (x) => x.availableDays, show: num },
    { key: 'kmDriven', label: 'reports.kmDriven', value: (x) => x.kmDriven, show: num },
    { key: 'damageReports', label: 'reports.damageReports', value: (x) => x.damageReports, show: num },
    { key: 'cars', label: 'reports.cars', value: (x) => x.cars, show: num },
  ];
  const { current, lastYear } = report;
  const line = useDaySeries(fmt, current, lastYear, (d) => d.carsOut);
  const bars = useThingBars(fmt, current, current.byCar, lastYear.byCar, (c) => c.id, (c) => c.name, (c) => percent(c.utilisation));
  return (
    <ReportBody
      figures={<FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />}
      charts={
        <>
          <LineChart title={t('reports.carsOutByDay')} {...line} xLabel={t('reports.date')} format={num} testId="report-cars-chart" />
          <BarChart title={t('reports.utilisationByCar')} {...bars} xLabel={t('reports.car')} format={pctAxis} testId="report-car-utilisation-chart" />
        </>
      }
      things={
        <ThingsTable
          title="reports.byCar" nameLabel="reports.car" rows={current.byCar} name={(c) => c.name} rowKey={(c) => String(c.id)} testId="report-cars"
          columns={[
            { label: 'reports.rentals', cell: (c) => num(c.rentals) },
            { label: 'reports.rentedDays', cell: (c) => num(c.rentedDays) },
            { label: 'reports.utilisation', cell: (c) => pct(c.utilisation) },
            { label: 'reports.kmDriven', cell: (c) => num(c.kmDriven) },
            { label: 'reports.damageReports', cell: (c) => num(c.damageReports) },
          ]}
        />
      }
    />
  );
}
