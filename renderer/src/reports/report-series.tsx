/**
 * What every report view draws the same way: its body (figures beside last year, two charts, a
 * table of things), the line chart's series (a value per day, this period against the same days last
 * year) and the bar chart's (a value per thing, each thing's last year matched by its key, 0 when it
 * had none). A view (`*-report-view.tsx`) says only which figures, values and columns.
 */
import { useMemo, type ReactNode } from 'react';
import type { ReportFormat } from './report-format';
import type { PeriodFigures } from './report-tables';

/** A share (0–1) as a chart's percentage, one decimal. */
export const percent = (share: number) => Math.round(share * 1000) / 10;

/** The line chart's dates and series: `value` of each day, this period and last year. */
export function useDaySeries<D extends { date: string }>(fmt: ReportFormat, current: PeriodFigures & { byDay: D[] }, lastYear: { byDay: D[] }, value: (d: D) => number) {
  const { span, t } = fmt;
  // `value` is a new function each render; what it reads is the report, which the memo follows.
  return useMemo(
    () => ({
      dates: current.byDay.map((d) => d.date),
      current: { label: span(current), values: current.byDay.map(value) },
      lastYear: { label: t('reports.lastYear'), values: lastYear.byDay.map(value) },
    }),
    [current, lastYear, span, t],
  );
}

/** The bar chart's names and series: `value` of each thing this period, and of the same thing (by `key`) last year. */
export function useThingBars<T>(fmt: ReportFormat, period: PeriodFigures, now: T[], before: T[], key: (x: T) => string | number, name: (x: T) => string, value: (x: T) => number) {
  const { span, t } = fmt;
  return useMemo(() => {
    const last = new Map(before.map((x) => [key(x), value(x)]));
    return {
      names: now.map(name),
      current: { label: span(period), values: now.map(value) },
      lastYear: { label: t('reports.lastYear'), values: now.map((x) => last.get(key(x)) ?? 0) },
    };
  }, [period, now, before, span, t]);
}

/** A report's body: the figures table (and a note under it), the two charts, the table of things. */
export function ReportBody({ figures, charts, things }: { figures: ReactNode; charts: ReactNode; things: ReactNode }) {
  return (
    <div className="report-body" data-testid="report-body">
      <div className="report-figures">{figures}</div>
      <div className="report-charts">{charts}</div>
      {things}
    </div>
  );
}
