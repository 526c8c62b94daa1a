/**
 * Benchmark 5's scrolling under Chromium's performance trace: the board loaded as in the benchmark,
 * then its 2 s of scrolling (board-page-probes.ts's `scrollProbe`) traced, optionally with one busy
 * process beside it (`--loaded`, as `npm run bench -- --loaded`). Prints the frame deltas, then for
 * every thread of the page's renderer process (main, compositor, raster) its busy time by kind, and
 * the main thread's sampled JavaScript by function.
 *
 *   npx tsx bench/board-scroll-profile.ts [rendererDir] [--loaded] [--no-samples]
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { defaultRendererDir } from '../core/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH, droppedFrames } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { scrollProbe, storeTokenScript } from './support/board-page-probes';
import { copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from './support/hotel-dataset';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string } }
interface CpuNode { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber?: number } }

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'cc', 'blink'];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rendererDir = args.find((a) => !a.startsWith('--')) ?? defaultRendererDir();
  const log = (line: string) => console.log(line);
  const data = await denseHistoryHotel(log);
  const scratch = scratchDir('scroll-profile');
  copyHotelTo(data.file, scratch);
  const host = await startBenchHost(scratch, { rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const busy = args.includes('--loaded') ? spawn(process.execPath, ['-e', 'let x=1;for(;;)x=(x*1103515245+12345)|0'], { stdio: 'ignore' }) : null;
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
    await context.addInitScript(storeTokenScript(host.url, host.token));
    const page = await context.newPage();
    await page.waitForTimeout(1500);
    await page.goto(`${host.url}/#/board?from=${TODAY}&days=90`);
    await page.waitForSelector('[data-testid^="stay-bar-"]');
    await page.waitForTimeout(1500);
    // An untraced scroll first, as the benchmark's runs scroll a board that was used already.
    await page.evaluate(scrollProbe(500, 60));
    await browser.startTracing(page, { categories: args.includes('--no-samples') ? CATEGORIES.filter((c) => !c.includes('cpu_profiler')) : CATEGORIES });
    const scroll = (await page.evaluate(scrollProbe(2000, 60))) as { deltas: number[] };
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const dropped = droppedFrames(scroll.deltas);
    log(`frames ${scroll.deltas.length}, dropped ${dropped}; deltas ${scroll.deltas.map((d) => d.toFixed(0)).join(' ')}`);
    analyse(trace.traceEvents, log);
  } finally {
    busy?.kill();
    await browser.close();
    await host.child.stop();
  }
}

function analyse(events: TraceEvent[], log: (line: string) => void): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FireAnimationFrame'));
  if (!main) throw new Error('no renderer main thread');
  const pid = main.pid;
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const t0 = Math.min(...xs.filter((e) => e.pid === pid).map((e) => e.ts));
  // Busy time of every thread of the renderer (top-level tasks), and the main thread's slices by name.
  for (const [key, name] of threads) {
    if (!key.startsWith(`${pid}:`)) continue;
    const tid = Number(key.split(':')[1]);
    const tasks = xs.filter((e) => e.pid === pid && e.tid === tid && /^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/.test(e.name));
    const busy = tasks.reduce((s, e) => s + e.dur!, 0) / 1000;
    if (busy < 1) continue;
    log(`thread ${name}: ${tasks.length} tasks, busy ${busy.toFixed(1)} ms, longest ${(Math.max(...tasks.map((e) => e.dur!)) / 1000).toFixed(1)} ms`);
    if (tid === main.tid) continue;
    const names = new Map<string, number>();
    for (const e of xs) if (e.pid === pid && e.tid === tid) names.set(e.name, (names.get(e.name) ?? 0) + e.dur! / 1000);
    log(`  ${[...names].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, v]) => `${n} ${v.toFixed(0)}`).join('; ')}`);
  }
  const mainXs = xs.filter((e) => e.pid === pid && e.tid === main.tid);
  const byName = new Map<string, { n: number; ms: number }>();
  for (const e of mainXs) {
    const v = byName.get(e.name) ?? { n: 0, ms: 0 };
    v.n++;
    v.ms += e.dur! / 1000;
    byName.set(e.name, v);
  }
  log('main thread slices by name (inclusive, nested slices counted in their parents too), top 25:');
  for (const [n, v] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 60)) log(`  ${v.ms.toFixed(1).padStart(7)} ms  ${String(v.n).padStart(4)}×  ${n}`);
  const long = mainXs.filter((e) => /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) && e.dur! > 12_000).sort((a, b) => a.ts - b.ts);
  log(`main-thread tasks over 12 ms: ${long.map((e) => `${((e.ts - t0) / 1000).toFixed(0)}+${(e.dur! / 1000).toFixed(1)}`).join(', ')}`);
  for (const task of long.filter((e) => e.name === 'RunTask').slice(0, 12)) {
    const inside = mainXs.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.dur! > 500).sort((a, b) => a.ts - b.ts);
    const top = [...inside].sort((a, b) => b.dur! - a.dur!).filter((e) => !/RunTask|BeginMainFrame$/.test(e.name));
    log(`  task at ${((task.ts - t0) / 1000).toFixed(0)} +${(task.dur! / 1000).toFixed(1)}: ${top.slice(0, 12).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}`).join(', ')}`);
  }
  const profile = events.find((e) => e.pid === pid && e.tid === main.tid && e.name === 'Profile') ?? events.find((e) => e.pid === pid && e.name === 'Profile');
  if (!profile) return;
  const nodes = new Map<number, CpuNode>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
    const d = chunk.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = d.cpuProfile?.samples ?? [];
    for (let i = 0; i < ids.length; i++) {
      const dt = (d.timeDeltas?.[i] ?? 0) / 1000;
      const node = nodes.get(ids[i]!);
      if (!node) continue;
      const fname = (n: CpuNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^.*\//, '')}:${(n.callFrame.lineNumber ?? 0) + 1}`;
      self.set(fname(node), (self.get(fname(node)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: CpuNode | undefined = node; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
        const f = fname(n);
        if (!seen.has(f)) total.set(f, (total.get(f) ?? 0) + dt);
        seen.add(f);
      }
    }
  }
  log('JS samples, self, top 20:');
  for (const [n, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) log(`  ${v.toFixed(1).padStart(7)}  ${n}`);
  log('JS samples, inclusive, top 30:');
  for (const [n, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) log(`  ${v.toFixed(1).padStart(7)}  ${n}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
