/**
 * Benchmark 13, in Chromium: the Reports screen on the dense hotel, served by a real host (child
 * process) from the built renderer, asked for a three-year range of days (1 096, the daily chart's
 * longest) beside the three years before it. From the press of Show until both charts have drawn
 * (the renderer marks `reports:chart-drawn` as each uPlot chart is made), every long task (> 50 ms)
 * of the page is recorded: the screen stays responsive if none is long enough for a user to notice
 * a click going unanswered (target: the longest ≤ 100 ms). The report's own request is timed too.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { addDays } from '../shared/time';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureRendererBuilt } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import type { BenchOptions } from './support/bench-options';
import { storeTokenScript } from './support/board-page-probes';
import { BENCH_DIR, copyHotelTo, scratchDir, TODAY, type DatasetInfo } from './support/hotel-dataset';
import { benchHostText } from './support/host-build';
import type { Check } from './support/report';
import { fmt, fmtMs, median } from './support/stats';

const VIEWPORT = { width: 1600, height: 900 };
const RANGE = { from: addDays(TODAY, -1095), to: TODAY };
/** Installed before the app loads: long tasks and chart marks with their times. */
const PROBE = `(() => {
  const marks = (window.__reports = { longTasks: [], charts: [] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) marks.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'reports:chart-drawn') marks.charts.push(e.startTime); }).observe({ type: 'mark', buffered: true });
})();`;

interface Run {
  /** From Show to the second chart drawn. */
  drawnMs: number;
  /** The report's request, as the page's resource timing saw it. */
  requestMs: number;
  longTasks: number[];
}

async function oneRun(browser: Browser, url: string, token: string): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, bypassCSP: true });
  try {
    await context.addInitScript(storeTokenScript(url, token));
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${url}/#/reports`);
    await page.waitForSelector('[data-testid="report-occupancy-chart"] canvas', { timeout: 60_000 });
    await page.selectOption('[data-testid="report-period"]', 'range');
    await page.fill('[data-testid="report-from"]', RANGE.from);
    await page.fill('[data-testid="report-to"]', RANGE.to);
    const t0 = (await page.evaluate('(window.__reports.charts = [], performance.now())')) as number;
    await page.click('[data-testid="report-show"]');
    await page.waitForFunction('window.__reports.charts.length >= 2', undefined, { timeout: 120_000 });
    return (await page.evaluate(`(() => {
      const m = window.__reports;
      const end = Math.max(...m.charts);
      const request = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/reports/rooms') && e.startTime >= ${t0}).pop();
      return {
        drawnMs: end - ${t0},
        requestMs: request ? request.responseEnd - request.startTime : NaN,
        longTasks: m.longTasks.filter(([s, d]) => s + d >= ${t0} && s <= end).map(([, d]) => d),
      };
    })()`)) as Run;
  } finally {
    await context.close();
  }
}

export async function runReportChartBench(o: BenchOptions, data: DatasetInfo): Promise<{ checks: Check[]; figures: string[] }> {
  const built = ensureRendererBuilt(o.log);
  const scratch = scratchDir('report-chart');
  copyHotelTo(data.file, scratch);
  const host = await startBenchHost(scratch);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    o.log('  report chart: warm-up …');
    await oneRun(browser, host.url, host.token);
    const runs: Run[] = [];
    for (let r = 0; r < o.runs; r++) {
      const run = await oneRun(browser, host.url, host.token);
      runs.push(run);
      o.log(`  report chart run ${r + 1}: drawn ${fmtMs(run.drawnMs)} after Show (request ${fmtMs(run.requestMs)}), long tasks ${run.longTasks.map((d) => fmt(d)).join('+') || 'none'}`);
    }
    const version = browser.version();
    const longest = median(runs.map((r) => Math.max(0, ...r.longTasks)));
    return {
      checks: [{ label: 'longest task while a 3-year daily chart draws', ours: longest === 0 ? 'none > 50 ms' : fmtMs(longest), target: '≤ 100 ms', pass: longest <= 100 }],
      figures: [
        `Chromium (${version}, headless, ${VIEWPORT.width}×${VIEWPORT.height}; ${built}): the Reports screen asked for ${RANGE.from} – ${RANGE.to} (1 096 days) beside the three years before; ${o.runs} runs after a warm-up, medians. From Show to both charts drawn ${fmtMs(median(runs.map((r) => r.drawnMs)))}, of which the report's request ${fmtMs(median(runs.map((r) => r.requestMs)))} (host ${benchHostText(join(BENCH_DIR, '..'))}, SQLite); long tasks (> 50 ms) meanwhile: ${runs.map((r) => (r.longTasks.length ? r.longTasks.map((d) => fmt(d)).join('+') + ' ms' : 'none')).join('; ')}.`,
      ],
    };
  } finally {
    await browser?.close();
    await host.child.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
