/** The fleet report: utilisation per car, km driven, damage reports; cars out by day. */
import { useMemo } from 'react';
import type { FleetFigures, FleetReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
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
  const line = useMemo(
    () => ({
      dates: current.byDay.map((d) => d.date),
      current: { label: span(current), values: current.byDay.map((d) => d.carsOut) },
      lastYear: { label: t('reports.lastYear'), values: lastYear.byDay.map((d) => d.carsOut) },
    }),
    [report, span, t],
  );
  const bars = useMemo(() => {
    const last = new Map(lastYear.byCar.map((c) => [c.id, c.utilisation]));
    return {
      names: current.byCar.map((c) => c.name),
      current: { label: span(current), values: current.byCar.map((c) => Math.round(c.utilisation * 1000) / 10) },
      lastYear: { label: t('reports.lastYear'), values: current.byCar.map((c) => Math.round((last.get(c.id) ?? 0) * 1000) / 10) },
    };
  }, [report, span, t]);
  return (
    <div className="report-body" data-testid="report-body">
      <div className="report-figures">
        <FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />
      </div>
      <div className="report-charts">
        <LineChart title={t('reports.carsOutByDay')} {...line} xLabel={t('reports.date')} format={num} testId="report-cars-chart" />
        <BarChart title={t('reports.utilisationByCar')} {...bars} xLabel={t('reports.car')} format={pctAxis} testId="report-car-utilisation-chart" />
      </div>
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
    </div>
  );
}
