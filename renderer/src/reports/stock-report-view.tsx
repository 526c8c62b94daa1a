/** The stock report: loans, utilisation and overdue loans per resource. */
import type { StockFigures, StockReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
import { ReportBody, percent, useDaySeries, useThingBars } from './report-series';
import { FiguresTable, ThingsTable, type FigureRow } from './report-tables';

export function StockReportView({ report, fmt }: { report: StockReport; fmt: ReportFormat }) {
  const { t, pct, num, span, pctAxis } = fmt;
  const rows: FigureRow<StockFigures>[] = [
    { key: 'loans', label: 'reports.loans', value: (x) => x.loans, show: num },
    { key: 'quantityLent', label: 'reports.quantityLent', value: (x) => x.quantityLent, show: num },
    { key: 'utilisation', label: 'reports.utilisation', value: (x) => x.utilisation, show: pct },
    { key: 'overdue', label: 'reports.overdue', value: (x) => x.overdue, show: num },
  ];
  const { current, lastYear } = report;
  const line = useDaySeries(fmt, current, lastYear, (d) => percent(d.utilisation));
  const bars = useThingBars(fmt, current, current.byResource, lastYear.byResource, (r) => r.id, (r) => r.name, (r) => r.loans);
  return (
    <ReportBody
      figures={<FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />}
      charts={
        <>
          <LineChart title={t('reports.utilisationByDay')} {...line} xLabel={t('reports.date')} format={pctAxis} yMax={100} testId="report-stock-chart" />
          <BarChart title={t('reports.loansByResource')} {...bars} xLabel={t('reports.resource')} format={num} testId="report-loans-chart" />
        </>
      }
      things={
        <ThingsTable
          title="reports.byResource" nameLabel="reports.resource" rows={current.byResource} name={(r) => r.name} rowKey={(r) => String(r.id)} testId="report-resources"
          columns={[
            { label: 'reports.owned', cell: (r) => num(r.totalQuantity) },
            { label: 'reports.loans', cell: (r) => num(r.loans) },
            { label: 'reports.quantityLent', cell: (r) => num(r.quantityLent) },
            { label: 'reports.utilisation', cell: (r) => pct(r.utilisation) },
            { label: 'reports.overdue', cell: (r) => num(r.overdue) },
          ]}
        />
      }
    />
  );
}
