/**
 * What one load of benchmark 5's board costs the machine, by process and thread: from navigation to
 * the booking dialog painted (time to interactive, as benchmark 5 measures it), the CPU time of every
 * Chromium process (the browser, the page's renderer, the GPU process that composites, the network
 * service …) and of the host that serves the page and builds the board. Read from `/proc`
 * (`schedstat`, ns) before the navigation and once the page is interactive, so it counts every thread,
 * the page's main thread and the ones it waits for (V8's background parse, the raster workers).
 * Beside the time to interactive, the sum says how many cores the load kept busy; with `--loaded`
 * (the loaded mode's background load, support/background-load.ts) it says why a page on two shared
 * cores cannot be interactive sooner than the CPU on its critical path allows.
 *
 *   npx tsx bench/board-load-cpu.ts [rendererDir] [--loads 8] [--loaded]
 *
 * Linux only. Each load in a fresh context after a room saved (support/touch-data.ts), as benchmark 5's.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { defaultRendererDir } from '../core/host';
import { boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH, freeNight, openBoardTab, type Marks } from './board-render-bench';
import { startBackgroundLoad } from './support/background-load';
import { startBenchHost } from './support/bench-host';
import { INTERACTIVE_MARKS } from './support/board-page-probes';
import { descendantPids, threadsRunNs } from './support/cpu-time';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';
import { fmt, median } from './support/stats';
import { touchData } from './support/touch-data';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { loads: { type: 'string', default: '8' }, loaded: { type: 'boolean', default: false } } });
const loads = Number(values.loads);
const rendererDir = positionals[0] ?? defaultRendererDir();

/** A Chromium process's kind from its command line (`--type=…`, a utility's sub-type); the browser has none. */
function kindOf(pid: number): string {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return 'gone';
  }
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  const utility = /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1]?.split('.').pop();
  return type ? (utility ? `utility (${utility})` : type) : 'browser';
}

/** Every thread of these processes: `kind/thread name` → ns on a CPU so far, by thread id. */
function snapshot(processes: Map<number, string>): Map<string, { key: string; runNs: number }> {
  const threads = new Map<string, { key: string; runNs: number }>();
  for (const [pid, kind] of processes) for (const [tid, t] of threadsRunNs(pid)) threads.set(`${pid}:${tid}`, { key: `${kind}/${t.name}`, runNs: t.runNs });
  return threads;
}

async function main(): Promise<void> {
  const data = await denseHistoryHotel();
  const scratch = scratchDir('load-cpu');
  const dbFile = copyHotelTo(data.file, scratch);
  const night = freeNight(dbFile);
  const host = await startBenchHost(scratch, { rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const background = values.loaded ? startBackgroundLoad() : null;
  const browserPid = descendantPids(process.pid).find((pid) => kindOf(pid) === 'browser' && readFileSync(`/proc/${pid}/comm`, 'utf8').includes('chrom'));
  if (browserPid === undefined) throw new Error('no Chromium browser process among this process’s children');
  const byKind: Record<string, number[]> = {};
  const byThread = new Map<string, number>();
  const ttis: number[] = [];
  try {
    console.log(`load average ${loadavg()[0]!.toFixed(1)}${background ? ', beside the loaded mode’s background load' : ''}; ${loads} loads after a warm-up`);
    for (let i = 0; i <= loads; i++) {
      await touchData(host.url, host.token);
      const { context, page } = await openBoardTab(browser, host.url, host.token, night);
      const processes = new Map<number, string>([[host.child.process.pid!, 'host'], ...[browserPid, ...descendantPids(browserPid)].map((pid) => [pid, kindOf(pid)] as [number, string])]);
      const before = snapshot(processes);
      await page.goto(boardUrl(host.url, 90));
      const marks = (await page.evaluate(INTERACTIVE_MARKS)) as Marks;
      if (marks.error) throw new Error(`board page: ${marks.error}`);
      // Processes started by the navigation (the page's renderer) count from zero.
      for (const pid of descendantPids(browserPid)) if (!processes.has(pid)) processes.set(pid, kindOf(pid));
      const after = snapshot(processes);
      await context.close();
      if (i === 0) continue;
      const kinds: Record<string, number> = {};
      for (const [id, t] of after) {
        const ms = (t.runNs - (before.get(id)?.runNs ?? 0)) / 1e6;
        const kind = t.key.split('/')[0]!;
        kinds[kind] = (kinds[kind] ?? 0) + ms;
        byThread.set(t.key, (byThread.get(t.key) ?? 0) + ms / loads);
      }
      for (const [k, ms] of Object.entries(kinds)) (byKind[k] ??= []).push(ms);
      ttis.push(marks.dialog);
      const total = Object.values(kinds).reduce((a, b) => a + b, 0);
      console.log(`  load ${i}: interactive ${fmt(marks.dialog)} ms, CPU ${fmt(total)} ms (${Object.entries(kinds).filter(([, ms]) => ms >= 0.5).map(([k, ms]) => `${k} ${fmt(ms)}`).join(', ')})`);
    }
  } finally {
    if (background) console.log(`background load: ${JSON.stringify(await background.stop())}`);
    await browser.close();
    await host.child.stop();
  }
  const totals = ttis.map((_, i) => Object.values(byKind).reduce((sum, list) => sum + (list[i] ?? 0), 0));
  console.log(`time to interactive ${fmt(median(ttis))} ms (median of ${loads}); CPU until then ${fmt(median(totals))} ms, ${fmt(median(totals) / median(ttis))} cores busy on average`);
  console.log(`by process (medians, ms): ${Object.entries(byKind).sort((a, b) => median(b[1]) - median(a[1])).map(([k, list]) => `${k} ${fmt(median(list))}`).join(', ')}`);
  console.log('by thread (mean ms a load, 3 ms or more):');
  for (const [key, ms] of [...byThread].sort((a, b) => b[1] - a[1])) if (ms >= 3) console.log(`  ${key} ${fmt(ms)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
