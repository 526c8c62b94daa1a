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
 *   npx tsx bench/board-load-cpu.ts [rendererDir] [--loads 8] [--loaded] [--driver playwright|bare|both]
 *
 * `--driver`: who opens the page — Playwright, as benchmark 5 does (the default), a bare tab with no
 * test driver attached (support/bare-tab.ts), or both taking turns: what the driver's instrumentation
 * costs the load.
 *
 * Linux only. Each load in a fresh context after a room saved (support/touch-data.ts), as benchmark 5's.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultRendererDir } from '../core/host';
import { boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH, freeNight, openBareBoardTab, openBoardTab, type Marks } from './board-render-bench';
import { launchWithBare } from './support/bare-tab';
import { startBackgroundLoad } from './support/background-load';
import { startBenchHost } from './support/bench-host';
import { INTERACTIVE_MARKS } from './support/board-page-probes';
import { descendantPids, minorFaults, threadsRunNs } from './support/cpu-time';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';
import { fmt, median } from './support/stats';
import { touchData } from './support/touch-data';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { loads: { type: 'string', default: '8' }, loaded: { type: 'boolean', default: false }, driver: { type: 'string', default: 'playwright' } } });
const loads = Number(values.loads);
if (!['playwright', 'bare', 'both'].includes(values.driver)) throw new Error(`--driver ${values.driver}: playwright, bare or both`);
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

/** Minor page faults so far of each of these processes, by pid. */
const faultsOf = (processes: Map<number, string>) => new Map([...processes.keys()].map((pid) => [pid, minorFaults(pid)]));

/** One driver's loads: CPU and minor page faults by process kind (a list per kind), the mean CPU by thread, the times to interactive. */
interface Tally { byKind: Record<string, number[]>; faultsByKind: Record<string, number[]>; byThread: Map<string, number>; ttis: number[] }

/** A tab ready to load the board, not yet navigated: Playwright's (benchmark 5's) or a bare one (support/bare-tab.ts). */
interface ReadyTab { load(): Promise<Marks>; close(): Promise<void> }

async function main(): Promise<void> {
  const data = await denseHistoryHotel();
  const scratch = scratchDir('load-cpu');
  const dbFile = copyHotelTo(data.file, scratch);
  const night = freeNight(dbFile);
  const host = await startBenchHost(scratch, { rendererDir });
  const { browser, bare } = await launchWithBare({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const background = values.loaded ? startBackgroundLoad() : null;
  const browserPid = descendantPids(process.pid).find((pid) => kindOf(pid) === 'browser' && readFileSync(`/proc/${pid}/comm`, 'utf8').includes('chrom'));
  if (browserPid === undefined) throw new Error('no Chromium browser process among this process’s children');
  const drivers = values.driver === 'both' ? ['playwright', 'bare'] : [values.driver];
  const tallies = new Map(drivers.map((d) => [d, { byKind: {}, faultsByKind: {}, byThread: new Map(), ttis: [] } as Tally]));
  const open = async (driver: string): Promise<ReadyTab> => {
    if (driver === 'bare') {
      const tab = await openBareBoardTab(bare, host.url, host.token, night);
      return { load: async () => (await tab.navigate(boardUrl(host.url, 90)), tab.evaluate<Marks>(INTERACTIVE_MARKS)), close: () => tab.close() };
    }
    const { context, page } = await openBoardTab(browser, host.url, host.token, night);
    return { load: async () => (await page.goto(boardUrl(host.url, 90)), (await page.evaluate(INTERACTIVE_MARKS)) as Marks), close: () => context.close() };
  };
  try {
    console.log(`load average ${loadavg()[0]!.toFixed(1)}${background ? ', beside the loaded mode’s background load' : ''}; ${loads} loads a driver (${drivers.join(', ')}) after a warm-up, taking turns`);
    for (let i = 0; i <= loads; i++) {
      for (const driver of i % 2 ? [...drivers].reverse() : drivers) {
        await touchData(host.url, host.token);
        const tab = await open(driver);
        const processes = new Map<number, string>([[host.child.process.pid!, 'host'], ...[browserPid, ...descendantPids(browserPid)].map((pid) => [pid, kindOf(pid)] as [number, string])]);
        const before = snapshot(processes);
        const faultsBefore = faultsOf(processes);
        const marks = await tab.load();
        if (marks.error) throw new Error(`board page: ${marks.error}`);
        // Processes started by the navigation (the page's renderer) count from zero.
        for (const pid of descendantPids(browserPid)) if (!processes.has(pid)) processes.set(pid, kindOf(pid));
        const after = snapshot(processes);
        const faultsAfter = faultsOf(processes);
        await tab.close();
        if (i === 0) continue;
        const tally = tallies.get(driver)!;
        const kinds: Record<string, number> = {};
        for (const [id, t] of after) {
          const ms = (t.runNs - (before.get(id)?.runNs ?? 0)) / 1e6;
          const kind = t.key.split('/')[0]!;
          kinds[kind] = (kinds[kind] ?? 0) + ms;
          tally.byThread.set(t.key, (tally.byThread.get(t.key) ?? 0) + ms / loads);
        }
        for (const [k, ms] of Object.entries(kinds)) (tally.byKind[k] ??= []).push(ms);
        const faults: Record<string, number> = {};
        for (const [pid, kind] of processes) faults[kind] = (faults[kind] ?? 0) + (faultsAfter.get(pid) ?? 0) - (faultsBefore.get(pid) ?? 0);
        for (const [k, n] of Object.entries(faults)) (tally.faultsByKind[k] ??= []).push(n);
        tally.ttis.push(marks.dialog);
        const total = Object.values(kinds).reduce((a, b) => a + b, 0);
        console.log(`  load ${i} (${driver}): interactive ${fmt(marks.dialog)} ms, CPU ${fmt(total)} ms (${Object.entries(kinds).filter(([, ms]) => ms >= 0.5).map(([k, ms]) => `${k} ${fmt(ms)}`).join(', ')})`);
      }
    }
  } finally {
    if (background) console.log(`background load: ${JSON.stringify(await background.stop())}`);
    bare.close();
    await browser.close();
    await host.child.stop();
  }
  for (const [driver, { byKind, faultsByKind, byThread, ttis }] of tallies) {
    const totals = ttis.map((_, i) => Object.values(byKind).reduce((sum, list) => sum + (list[i] ?? 0), 0));
    console.log(`${driver}: time to interactive ${fmt(median(ttis))} ms (median of ${loads}); CPU until then ${fmt(median(totals))} ms, ${fmt(median(totals) / median(ttis))} cores busy on average`);
    console.log(`  by process (medians, ms): ${Object.entries(byKind).sort((a, b) => median(b[1]) - median(a[1])).map(([k, list]) => `${k} ${fmt(median(list))}`).join(', ')}`);
    const faults = Object.entries(faultsByKind).map(([k, list]) => [k, median(list)] as const).sort((a, b) => b[1] - a[1]);
    console.log(`  minor page faults by process (medians): ${faults.filter(([, n]) => n > 0).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}; ${fmt(faults.reduce((sum, [, n]) => sum + n, 0))} in all`);
    console.log('  by thread (mean ms a load, 3 ms or more):');
    for (const [key, ms] of [...byThread].sort((a, b) => b[1] - a[1])) if (ms >= 3) console.log(`    ${key} ${fmt(ms)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
