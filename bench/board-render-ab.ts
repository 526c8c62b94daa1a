/**
 * Benchmark 5 as an interleaved A/B: the same dense hotel (300 rooms × 90 days), the same host code,
 * two renderer builds served side by side (each by its own host on its own copy of the data), and
 * the runs alternating A, B, B, A, … so that the machine's load (shared with other work) falls on
 * both alike. Reports each side's median time to interactive, its milestones and dropped frames, and B / A.
 *
 *   npx tsx bench/board-render-ab.ts <rendererDirA> <rendererDirB> [runs] [--kept-b] [--loaded]
 *
 * `--kept-b`: B's host is not changed before its runs, so it answers the board it kept (core/read-memo.ts)
 * while A's builds one, as benchmark 5's does: with the same renderer on both sides, what building the
 * board costs the page that waits for it (the host's work on the same two cores).
 * `--loaded`: the whole sitting beside `npm run bench -- --loaded`'s background load (support/background-load.ts).
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, droppedFrames, freeNight, oneRun, type RunResult } from './board-render-bench';
import { startBackgroundLoad } from './support/background-load';
import { startBenchHost } from './support/bench-host';
import { inTurns } from './support/board-turns';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';
import { touchData } from './support/touch-data';
import { fmt, median } from './support/stats';

async function main(): Promise<void> {
  const keptB = process.argv.includes('--kept-b');
  const loaded = process.argv.includes('--loaded');
  const [dirA, dirB, runsText] = process.argv.slice(2).filter((a) => a !== '--kept-b' && a !== '--loaded');
  if (!dirA || !dirB) throw new Error('usage: tsx bench/board-render-ab.ts <rendererDirA> <rendererDirB> [runs] [--kept-b] [--loaded]');
  const runs = Number(runsText ?? 6);
  const log = (line: string) => console.log(line);
  const data = await denseHistoryHotel(log);
  const sides = await Promise.all(
    [dirA, dirB].map(async (rendererDir, i) => {
      const scratch = scratchDir(`render-ab-${i}`);
      const dbFile = copyHotelTo(data.file, scratch);
      return { name: i === 0 ? 'A' : 'B', rendererDir: i === 1 && keptB ? `${rendererDir}, the board kept` : rendererDir, night: freeNight(dbFile), host: await startBenchHost(scratch, { rendererDir }), results: [] as RunResult[] };
    }),
  );
  const background = loaded ? startBackgroundLoad() : undefined;
  if (background) log(`beside: ${background.description}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    for (const s of sides) await oneRun(browser, s.host.url, s.night, s.host.token, { cpu: true }); // warm-up
    await inTurns(sides, runs, async (s, r) => {
      // As benchmark 5 does: a change first, so the host builds the board rather than answer the one it kept.
      if (!(keptB && s.name === 'B')) await touchData(s.host.url, s.host.token);
      const run = await oneRun(browser, s.host.url, s.night, s.host.token, { cpu: true });
      s.results.push(run);
      log(`  run ${r + 1} ${s.name}: interactive ${fmt(run.marks.dialog)} ms, rows ${fmt(run.marks.rows)} ms, dropped ${droppedFrames(run.deltas)} of ${run.deltas.length} (by keyboard ${droppedFrames(run.keyboard.deltas)} of ${run.keyboard.deltas.length}${run.keyboard.ring ? '' : ', no focus ring'}, focused ${droppedFrames(run.focusedDeltas)} of ${run.focusedDeltas.length}), main thread CPU ${fmt(run.cpu!.threadMs)} ms`);
    });
  } finally {
    await browser.close();
    for (const s of sides) await s.host.child.stop();
    if (background) log(`background load: ${JSON.stringify(await background.stop())}`);
  }
  const summary = sides.map((s) => ({
    name: s.name,
    dir: s.rendererDir,
    tti: median(s.results.map((r) => r.marks.dialog)),
    rows: median(s.results.map((r) => r.marks.rows)),
    dropped: median(s.results.map((r) => droppedFrames(r.deltas))),
    frames: median(s.results.map((r) => r.deltas.length)),
    droppedByKeyboard: median(s.results.map((r) => droppedFrames(r.keyboard.deltas))),
    framesByKeyboard: median(s.results.map((r) => r.keyboard.deltas.length)),
    droppedFocused: median(s.results.map((r) => droppedFrames(r.focusedDeltas))),
    framesFocused: median(s.results.map((r) => r.focusedDeltas.length)),
    dcl: median(s.results.map((r) => r.marks.domContentLoaded ?? Number.NaN)),
    json: median(s.results.map((r) => r.marks.boardResponseEnd ?? Number.NaN)),
    open: median(s.results.map((r) => r.marks.dialogOpen - r.marks.click)),
    paint: median(s.results.map((r) => r.marks.dialog - r.marks.dialogOpen)),
    longest: median(s.results.map((r) => Math.max(0, ...r.marks.longTasks))),
    thread: median(s.results.map((r) => r.cpu!.threadMs)),
    task: median(s.results.map((r) => r.cpu!.taskMs)),
    script: median(s.results.map((r) => r.cpu!.scriptMs)),
    layout: median(s.results.map((r) => r.cpu!.layoutMs)),
    style: median(s.results.map((r) => r.cpu!.styleMs)),
    reload: median(s.results.map((r) => r.reload.marks.dialog)),
    reloadDcl: median(s.results.map((r) => r.reload.marks.domContentLoaded ?? Number.NaN)),
    reloadFetches: median(s.results.map((r) => r.reload.assetFetches)),
  }));
  for (const s of summary) {
    console.log(`${s.name} (${s.dir}): time to interactive ${fmt(s.tti)} ms (median of ${runs}), rows painted ${fmt(s.rows)} ms, dropped ${fmt(s.dropped)} of ${fmt(s.frames)} frames (by keyboard, the down arrow held: ${fmt(s.droppedByKeyboard)} of ${fmt(s.framesByKeyboard)}; scrolled, the grid focused: ${fmt(s.droppedFocused)} of ${fmt(s.framesFocused)})`);
    console.log(`  medians: DOMContentLoaded ${fmt(s.dcl)}, board JSON received ${fmt(s.json)}, click → dialog open ${fmt(s.open)} ms, open → painted ${fmt(s.paint)} ms; longest task ${fmt(s.longest)} ms`);
    console.log(`  the tab reloaded: interactive ${fmt(s.reload)} ms, DOMContentLoaded ${fmt(s.reloadDcl)}, files under /assets/ from the host ${fmt(s.reloadFetches)}`);
    console.log(`  main thread until interactive (CDP Performance.getMetrics): CPU ${fmt(s.thread)} ms, tasks ${fmt(s.task)} ms (script ${fmt(s.script)}, layout ${fmt(s.layout)}, style ${fmt(s.style)})`);
  }
  // Each round's two runs were back to back (A B, then B A): B ahead of A in how many of them.
  const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const ahead = b.results.filter((r, i) => r.marks.dialog < a.results[i]!.marks.dialog).length;
  console.log(`B / A time to interactive: ${fmt(summary[1]!.tti / summary[0]!.tti)} (B sooner in ${ahead} of ${runs} rounds); main thread CPU: ${fmt(summary[1]!.thread / summary[0]!.thread)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
