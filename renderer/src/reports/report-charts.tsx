/**
 * The report's charts: occupancy by day (this period and the same days last year, as lines) and
 * room revenue by category (bars). uPlot draws them on a canvas: ~50 kB, and fast on thousands of
 * points (a three-year daily chart), where SVG charts slow down. It is imported here only, and this
 * module only by the Reports screen's chunk, so it never reaches the board's first bundle.
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import type { RoomsReport } from '../../../shared/contract/reports';
import 'uplot/dist/uPlot.min.css';

type UPlot = typeof uPlot;

interface ChartProps {
  report: RoomsReport;
  labels: { current: string; lastYear: string; title: string };
  money?: (minor: number) => string;
}

function useUplot(draw: (U: UPlot, el: HTMLDivElement) => { destroy(): void }, deps: unknown[]) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let gone = false;
    void import('uplot').then((m) => {
      const U = (m as { default?: UPlot }).default ?? (m as unknown as UPlot);
      if (!gone && el.current) chart = draw(U, el.current);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, deps);
  return el;
}

const width = (el: HTMLElement) => Math.max(320, Math.min(900, el.clientWidth || 640));

/** Occupancy per day, in %, the same days last year beside it (x: the period's day 1, 2, …). */
export function OccupancyChart({ report, labels }: ChartProps) {
  const el = useUplot(
    (U, node) => {
      const x = report.current.byDay.map((_, i) => i + 1);
      const pct = (days: RoomsReport['current']['byDay']) => x.map((_, i) => (days[i] ? Math.round(days[i].occupancy * 1000) / 10 : null));
      return new U(
        {
          title: labels.title, width: width(node), height: 240,
          scales: { x: { time: false }, y: { range: [0, 100] } },
          axes: [{ values: (_u, ticks) => ticks.map((i) => report.current.byDay[i - 1]?.date.slice(5) ?? '') }, { values: (_u, ticks) => ticks.map((v) => `${v} %`) }],
          series: [{}, { label: labels.current, stroke: '#1f6feb', width: 2 }, { label: labels.lastYear, stroke: '#999', dash: [6, 4], width: 1.5 }],
        },
        [x, pct(report.current.byDay), pct(report.lastYear.byDay)],
        node,
      );
    },
    [report, labels.current, labels.lastYear, labels.title],
  );
  return <div ref={el} className="report-chart" data-testid="report-occupancy-chart" />;
}

/** Room revenue per category: this period's bar beside last year's. */
export function RevenueByCategoryChart({ report, labels, money }: ChartProps) {
  const el = useUplot(
    (U, node) => {
      const cats = report.current.byCategory.map((c) => c.category);
      const last = new Map(report.lastYear.byCategory.map((c) => [c.category, c.roomRevenue]));
      const x = cats.map((_, i) => i);
      const barsRight = U.paths.bars!({ size: [0.35, 60], gap: 2, align: 1 });
      const barsLeft = U.paths.bars!({ size: [0.35, 60], gap: 2, align: -1 });
      return new U(
        {
          title: labels.title, width: width(node), height: 240,
          scales: { x: { time: false, range: [-0.5, Math.max(0.5, cats.length - 0.5)] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
          axes: [
            { values: (_u, ticks) => ticks.map((i) => (Number.isInteger(i) ? (cats[i] ?? '') : '')), splits: () => x },
            { size: 90, values: (_u, ticks) => ticks.map((v) => (money ? money(v) : String(v))) },
          ],
          series: [
            {},
            { label: labels.current, fill: '#1f6feb', stroke: '#1f6feb', paths: barsLeft, points: { show: false } },
            { label: labels.lastYear, fill: '#bbb', stroke: '#999', paths: barsRight, points: { show: false } },
          ],
        },
        [x, report.current.byCategory.map((c) => c.roomRevenue), cats.map((c) => last.get(c) ?? 0)],
        node,
      );
    },
    [report, labels.current, labels.lastYear, labels.title, money],
  );
  return <div ref={el} className="report-chart" data-testid="report-revenue-chart" />;
}
