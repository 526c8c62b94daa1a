/**
 * The reports' charts, drawn by uPlot on a canvas: ~50 kB, and fast on thousands of points (a
 * three-year daily chart), where SVG charts slow down. Two kinds serve every report: a line per day
 * (this period, and the same days last year dashed beside it) and bars per thing (a category, a
 * service room, a car: this period's bar beside last year's). uPlot is imported here only, and this
 * module only by the Reports screen's chunk, so it never reaches the board's first bundle.
 *
 * When a chart has drawn, it marks `reports:chart-drawn` (the benchmark waits for it:
 * bench/report-chart-bench.ts).
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type UPlot = typeof uPlot;

const CURRENT = '#1f6feb';
const LAST_YEAR = '#999';

function useUplot(draw: (U: UPlot, el: HTMLDivElement) => { destroy(): void }, deps: unknown[]) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let gone = false;
    void import('uplot').then((m) => {
      const U = (m as { default?: UPlot }).default ?? (m as unknown as UPlot);
      if (gone || !el.current) return;
      chart = draw(U, el.current);
      performance.mark('reports:chart-drawn');
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, deps);
  return el;
}

const width = (el: HTMLElement) => Math.max(320, Math.min(900, el.clientWidth || 640));

export interface LineChartProps {
  title: string;
  /** The period's days (`YYYY-MM-DD`), the x axis. */
  dates: readonly string[];
  current: { label: string; values: readonly (number | null)[] };
  /** The same days last year, by position (day 1 beside day 1). */
  lastYear: { label: string; values: readonly (number | null)[] };
  /** A value as the axis shows it (`82 %`, `1.234 kr.`). */
  format: (v: number) => string;
  /** A fixed y range (0–100 for a percentage); default from 0 to the largest value. */
  yMax?: number;
  /** The legend's name for the x value (a day). */
  xLabel: string;
  testId: string;
}

/** A value per day: this period as a line, last year's dashed beside it (x: day 1, 2, … of the period). */
export function LineChart({ title, dates, current, lastYear, format, yMax, xLabel, testId }: LineChartProps) {
  const el = useUplot(
    (U, node) => {
      const x = dates.map((_, i) => i + 1);
      const at = (values: readonly (number | null)[]) => x.map((_, i) => values[i] ?? null);
      return new U(
        {
          title, width: width(node), height: 240,
          scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, yMax ?? (max > 0 ? max * 1.1 : 1)] } },
          axes: [{ values: (_u, ticks) => ticks.map((i) => dates[i - 1]?.slice(5) ?? '') }, { size: 80, values: (_u, ticks) => ticks.map(format) }],
          series: [
            { label: xLabel, value: (_u, i) => (i == null ? '–' : (dates[i - 1] ?? '')) },
            { label: current.label, stroke: CURRENT, width: 2, value: (_u, v) => (v == null ? '–' : format(v)) },
            { label: lastYear.label, stroke: LAST_YEAR, dash: [6, 4], width: 1.5, value: (_u, v) => (v == null ? '–' : format(v)) },
          ],
        },
        [x, at(current.values), at(lastYear.values)],
        node,
      );
    },
    [dates, current, lastYear, title, format, yMax, xLabel],
  );
  return <div ref={el} className="report-chart" data-testid={testId} />;
}

export interface BarChartProps {
  title: string;
  /** What each pair of bars is about (a category, a service room, a car). */
  names: readonly string[];
  current: { label: string; values: readonly number[] };
  lastYear: { label: string; values: readonly number[] };
  format: (v: number) => string;
  /** The legend's name for what a pair of bars is about (a category, a car). */
  xLabel: string;
  testId: string;
}

/** A value per thing: this period's bar beside last year's. */
export function BarChart({ title, names, current, lastYear, format, xLabel, testId }: BarChartProps) {
  const el = useUplot(
    (U, node) => {
      const x = names.map((_, i) => i);
      const barsLeft = U.paths.bars!({ size: [0.35, 60], gap: 2, align: -1 });
      const barsRight = U.paths.bars!({ size: [0.35, 60], gap: 2, align: 1 });
      return new U(
        {
          title, width: width(node), height: 240,
          scales: { x: { time: false, range: [-0.5, Math.max(0.5, names.length - 0.5)] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
          axes: [
            { values: (_u, ticks) => ticks.map((i) => (Number.isInteger(i) ? (names[i] ?? '') : '')), splits: () => x },
            { size: 90, values: (_u, ticks) => ticks.map(format) },
          ],
          series: [
            { label: xLabel, value: (_u, i) => (i == null ? '–' : (names[i] ?? '')) },
            { label: current.label, fill: CURRENT, stroke: CURRENT, paths: barsLeft, points: { show: false }, value: (_u, v) => (v == null ? '–' : format(v)) },
            { label: lastYear.label, fill: '#bbb', stroke: LAST_YEAR, paths: barsRight, points: { show: false }, value: (_u, v) => (v == null ? '–' : format(v)) },
          ],
        },
        [x, [...current.values], [...lastYear.values]],
        node,
      );
    },
    [names, current, lastYear, title, format, xLabel],
  );
  return <div ref={el} className="report-chart" data-testid={testId} />;
}
