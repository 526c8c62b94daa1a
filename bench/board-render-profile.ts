/**
 * Benchmark 5's page load under Chromium's performance trace: where the main thread's time goes
 * between navigation start and the booking dialog painted. One traced run (after an untraced
 * warm-up) of the same page, probe and click as the benchmark (board-render-bench.ts's `oneRun`),
 * then from the trace:
 *
 * - the page's milestones (its user-timing marks, the board's response) on one time line;
 * - every main-thread task over 5 ms, with what filled it (script, style, layout, paint, GC …);
 * - what the page waited for off its main thread (support/trace-off-main.ts): each script's parse on
 *   V8's background thread, and each frame's software raster, by layer and tile;
 * - the sampled JavaScript profile (V8's sampler, in the trace) between two milestones, summed by
 *   function (self time), so a renderer built without minification (`vite build --minify false`)
 *   reads by name.
 *
 *   npx tsx bench/board-render-profile.ts [rendererDir] [--save trace.json] [--no-samples]
 *   npx tsx bench/board-render-profile.ts --from trace.json   (the report of a saved trace)
 *
 * `TRACE_EXTRA=cat1,cat2` adds trace categories (`disabled-by-default-v8.compile` shows the main
 * thread's lazy compiles, `V8.CompileCode`, in a saved trace).
 *
 * Tracing costs time itself: read the shares, not the absolute figures (those are the benchmark's).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { defaultRendererDir } from '../core/host';
import { boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH, freeNight, openBoardTab } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { INTERACTIVE_MARKS } from './support/board-page-probes';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';
import { logOffMainThread } from './support/trace-off-main';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'blink',
  'netlog',
  ...(process.env.TRACE_EXTRA ?? '').split(',').filter(Boolean),
];

/** What a slice of a task is, by the trace event's name. */
function kindOf(name: string): string | null {
  if (/^(FunctionCall|EvaluateScript|v8\.run|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.evaluateModule|FireIdleCallback)$/.test(name)) return 'script';
  if (/^(v8\.compile|v8\.compileModule|v8\.parseOnBackground|CompileScript|v8\.produceModuleCache)$/.test(name)) return 'compile';
  if (/^(MajorGC|MinorGC|V8\.GCScavenger|V8\.GCFinalizeMC|BlinkGC\.AtomicPhase|V8\.GC_MC_BACKGROUND_MARKING)$/.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/.test(name)) return 'style';
  if (/^(Layout|UpdateLayerTree|Layerize)$/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|PaintImage|Commit|CompositeLayers|RasterTask)$/.test(name)) return 'paint';
  if (/^(ParseHTML)$/.test(name)) return 'html';
  return null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const savePath = valueOf('--save');
  const fromPath = valueOf('--from');
  // The one argument that is neither a flag nor a flag's value.
  const rendererDir = args.find((a, i) => !a.startsWith('--') && !['--save', '--from'].includes(args[i - 1] ?? '')) ?? defaultRendererDir();
  const log = (line: string) => console.log(line);
  if (fromPath) return analyse(JSON.parse(readFileSync(fromPath, 'utf8')) as { traceEvents: TraceEvent[] }, log);
  const data = await denseHistoryHotel(log);
  const scratch = scratchDir('render-profile');
  const dbFile = copyHotelTo(data.file, scratch);
  const night = freeNight(dbFile);
  const host = await startBenchHost(scratch, { rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    let trace: Buffer | null = null;
    for (const traced of [false, true]) {
      const { context, page } = await openBoardTab(browser, host.url, host.token, night);
      // --no-samples: without V8's sampler, whose cost inflates script; the tasks' durations are then nearer the untraced page's.
      if (traced) await browser.startTracing(page, { categories: args.includes('--no-samples') ? CATEGORIES.filter((c) => !c.includes('cpu_profiler')) : CATEGORIES });
      await page.goto(boardUrl(host.url, 90));
      const marks = (await page.evaluate(INTERACTIVE_MARKS)) as Record<string, unknown>;
      if (traced) {
        await page.waitForTimeout(300);
        trace = await browser.stopTracing();
        log(`marks: ${JSON.stringify(marks)}`);
      }
      await context.close();
    }
    if (savePath) writeFileSync(savePath, trace!);
    analyse(JSON.parse(trace!.toString('utf8')) as { traceEvents: TraceEvent[] }, log);
  } finally {
    await browser.close();
    await host.child.stop();
  }
}

// eslint-disable-next-line max-lines-per-function -- one report read off one trace
function analyse(trace: { traceEvents: TraceEvent[] }, log: (line: string) => void): void {
  const events = trace.traceEvents;
  const rowsMark = events.find((e) => e.name === 'board:rows-rendered');
  if (!rowsMark) throw new Error('no board:rows-rendered mark in the trace');
  const pid = rowsMark.pid;
  const mainTid = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const nav = events.filter((e) => e.pid === pid && e.name === 'navigationStart').at(-1);
  if (mainTid === undefined || !nav) throw new Error('no renderer main thread or navigationStart');
  const t0 = nav.ts;
  const ms = (ts: number) => (ts - t0) / 1000;
  const fmt = (x: number) => x.toFixed(1);

  log('\nmilestones (ms from navigation start):');
  const marks = events.filter((e) => e.pid === pid && e.cat.includes('blink.user_timing') && e.ts >= t0 && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n'));
  for (const m of marks) log(`  ${fmt(ms(m.ts))}  ${m.name}`);
  for (const e of events.filter((x) => x.pid === pid && /^(ResourceSendRequest|ResourceReceiveResponse|ResourceFinish)$/.test(x.name))) {
    const d = e.args?.data as { url?: string; requestId?: string } | undefined;
    const url = d?.url ?? '';
    log(`  ${fmt(ms(e.ts))}  ${e.name} ${url.replace(/^https?:\/\/[^/]+/, '') || d?.requestId}`);
  }
  for (const e of events.filter((x) => x.pid === pid && x.tid === mainTid && /^(MarkDOMContent|MarkLoad|firstContentfulPaint|firstPaint)$/.test(x.name))) log(`  ${fmt(ms(e.ts))}  ${e.name}`);

  const main = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.ts >= t0 && e.dur !== undefined);
  const end = Math.max(...events.filter((e) => e.pid === pid && e.name === 'booking-dialog:open').map((e) => e.ts)) + 100_000;
  const tasks = main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts < end).sort((a, b) => a.ts - b.ts);
  log('\nmain-thread tasks over 5 ms (start, duration; what filled them, ms; the longest script entries):');
  for (const task of tasks) {
    if (task.dur! < 5000) continue;
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const byKind = new Map<string, number>();
    // Top-most slices of each kind only, so nested events are not counted twice.
    const counted: TraceEvent[] = [];
    for (const e of inside.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
      const kind = kindOf(e.name);
      if (!kind) continue;
      if (counted.some((c) => e.ts >= c.ts && e.ts + e.dur! <= c.ts + c.dur!)) continue;
      counted.push(e);
      byKind.set(kind, (byKind.get(kind) ?? 0) + e.dur! / 1000);
    }
    const scripts = counted
      .filter((e) => kindOf(e.name) === 'script')
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 3)
      .map((e) => {
        const d = e.args?.data as { url?: string; functionName?: string; type?: string; id?: number } | undefined;
        return `${e.name}${d?.type ? `(${d.type})` : ''}${d?.functionName ? ` ${d.functionName}` : ''}${d?.url ? ` ${d.url.replace(/^.*\//, '')}` : ''} ${fmt(e.dur! / 1000)}`;
      });
    log(`  ${fmt(ms(task.ts))} +${fmt(task.dur! / 1000)}  ${[...byKind].map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}  | ${scripts.join('; ')}`);
  }
  logOffMainThread(events, pid, t0, end, log);
  // With TRACE_EXTRA=disabled-by-default-v8.compile: functions V8 compiled on the main thread when first called.
  const rowsTs = rowsMark.ts;
  const lazy = main.filter((e) => e.name === 'V8.CompileCode');
  if (lazy.length) {
    const sum = (xs: TraceEvent[]) => fmt(xs.reduce((a, e) => a + e.dur! / 1000, 0));
    log(`main thread's lazy compiles (V8.CompileCode): until rows painted ${lazy.filter((e) => e.ts < rowsTs).length}, ${sum(lazy.filter((e) => e.ts < rowsTs))} ms; after ${lazy.filter((e) => e.ts >= rowsTs && e.ts < end).length}, ${sum(lazy.filter((e) => e.ts >= rowsTs && e.ts < end))} ms`);
  }

  // The sampled profile: Profile + ProfileChunk events of the page's main thread.
  const profile = events.find((e) => e.pid === pid && e.name === 'Profile' && e.tid === mainTid) ?? events.find((e) => e.pid === pid && e.name === 'Profile');
  if (!profile) {
    log('no CPU profile in the trace');
    return;
  }
  const nodes = new Map<number, CpuNode>();
  const samples: { ts: number; node: number }[] = [];
  let ts = (profile.args?.data as { startTime: number }).startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
    const d = chunk.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = d.cpuProfile?.samples ?? [];
    const deltas = d.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node: ids[i]! });
    }
  }
  const markTs = (name: string) => events.find((e) => e.pid === pid && e.name === name)?.ts;
  const boardDone = events.find((e) => e.pid === pid && e.name === 'ResourceFinish' && events.some((s) => s.name === 'ResourceSendRequest' && (s.args?.data as { requestId?: string; url?: string })?.requestId === (e.args?.data as { requestId?: string })?.requestId && /\/api\/v1\/board/.test((s.args?.data as { url?: string }).url ?? '')))?.ts;
  const dcl = markTs('MarkDOMContent');
  const windows: [string, number, number][] = [
    ['navigation → board answer received', t0, boardDone ?? t0],
    ['board answer → rows painted', boardDone ?? t0, markTs('board:rows-rendered') ?? t0],
    ['the 60 ms before DOMContentLoaded (the desk chunk evaluated)', (dcl ?? t0) - 60_000, dcl ?? t0],
    ['DOMContentLoaded → rows painted', dcl ?? t0, markTs('board:rows-rendered') ?? t0],
    ['rows painted → dialog open', markTs('board:rows-rendered') ?? t0, markTs('booking-dialog:open') ?? t0],
    ['dialog open → end', markTs('booking-dialog:open') ?? t0, end],
  ];
  const frameName = (n: CpuNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^.*\//, '')}:${(n.callFrame.lineNumber ?? 0) + 1}`;
  for (const [label, from, to] of windows) {
    const inWindow = samples.filter((s) => s.ts >= from && s.ts < to);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    let prev = from;
    for (const s of inWindow) {
      const dt = (s.ts - prev) / 1000;
      prev = s.ts;
      const node = nodes.get(s.node);
      if (!node) continue;
      const name = frameName(node);
      self.set(name, (self.get(name) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: CpuNode | undefined = node; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
        const f = frameName(n);
        if (seen.has(f)) continue;
        seen.add(f);
        total.set(f, (total.get(f) ?? 0) + dt);
      }
    }
    log(`\n${label} (${fmt((to - from) / 1000)} ms, ${inWindow.length} samples); self time, top 25:`);
    for (const [name, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${fmt(v).padStart(6)}  ${name}`);
    log('  total (inclusive) time, top 30:');
    for (const [name, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30))) log(`  ${fmt(v).padStart(6)}  ${name}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
