/** The stock report: loans, utilisation and overdue loans per resource. */
import { useMemo } from 'react';
import type { StockFigures, StockReport } from '../../../shared/contract/reports';
import { BarChart, LineChart } from './report-charts';
import type { ReportFormat } from './report-format';
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
  const occ = (f: StockFigures) => f.byDay.map((d) => Math.round(d.utilisation * 1000) / 10);
  const line = useMemo(
    () => ({ dates: current.byDay.map((d) => d.date), current: { label: span(current), values: occ(current) }, lastYear: { label: t('reports.lastYear'), values: occ(lastYear) } }),
    [report, span, t],
  );
  const bars = useMemo(() => {
    const last = new Map(lastYear.byResource.map((r) => [r.id, r.loans]));
    return {
      names: current.byResource.map((r) => r.name),
      current: { label: span(current), values: current.byResource.map((r) => r.loans) },
      lastYear: { label: t('reports.lastYear'), values: current.byResource.map((r) => last.get(r.id) ?? 0) },
    };
  }, [report, span, t]);
  return (
    <div className="report-body" data-testid="report-body">
      <div className="report-figures">
        <FiguresTable rows={rows} current={current} lastYear={lastYear} span={span} />
      </div>
      <div className="report-charts">
        <LineChart title={t('reports.utilisationByDay')} {...line} xLabel={t('reports.date')} format={pctAxis} yMax={100} testId="report-stock-chart" />
        <BarChart title={t('reports.loansByResource')} {...bars} xLabel={t('reports.resource')} format={num} testId="report-loans-chart" />
      </div>
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
    </div>
  );
}
