/**
 * Benchmark 5's first load, cold against warm: the same renderer and host, the bare tab (support/bare-tab.ts)
 * opened either in a fresh off-the-record context (benchmark 5's: no HTTP cache, no V8 code cache) or in the
 * browser's own profile after the page has been loaded there before, so Chromium keeps the page's files and
 * V8's code cache for its scripts (made once a script has run in two loads; the next load takes its
 * compiled functions instead of parsing and compiling them again). The warm side is how a desk's browser
 * would meet the board every morning if Chromium took that cache (see `--chromium-arg`).
 *
 *   npx tsx bench/ab/board-code-cache-ab.ts [rounds] [--loaded] [--renderer DIR] [--chromium-arg ARG …]
 *
 * `--chromium-arg` adds a switch to Chromium's command line, for both sides: Debian's Chromium 156 makes a
 * code cache for the desk's module scripts on their second load but, on its background fetch path (the
 * default), never takes it (`bench/ab/code-cache-probe.ts`); with `--disable-features=BackgroundResourceFetch`
 * the third load on takes it.
 *
 * Turns alternate (support/board-turns.ts); before each load the host's data is changed so it builds the
 * board (as benchmark 5). Prints each side's median time to interactive and milestones, and warm ÷ cold.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH, bareLoad, freeNight, type Marks } from '../board-render-bench';
import { startBackgroundLoad } from '../support/background-load';
import { launchWithBare } from '../support/bare-tab';
import { startBenchHost } from '../support/bench-host';
import { inTurns } from '../support/board-turns';
import { copyHotelTo, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';
import { fmt, median } from '../support/stats';
import { touchData } from '../support/touch-data';

/** Profile loads before the timed ones: V8 caches a script's code from its second load on. */
const PROFILE_WARM_LOADS = 3;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const loaded = args.includes('--loaded');
  const dirAt = args.indexOf('--renderer');
  const rendererDir = dirAt >= 0 ? args[dirAt + 1] : undefined;
  const chromiumArgs = args.flatMap((a, i) => (args[i - 1] === '--chromium-arg' ? [a] : []));
  const rounds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--renderer' && args[i - 1] !== '--chromium-arg') ?? 8);
  const log = (line: string) => console.log(line);
  const data = await denseHistoryHotel(log);
  const scratch = scratchDir('code-cache-ab');
  const dbFile = copyHotelTo(data.file, scratch);
  const night = freeNight(dbFile);
  const host = await startBenchHost(scratch, rendererDir ? { rendererDir } : {});
  const background = loaded ? startBackgroundLoad() : undefined;
  if (background) log(`beside: ${background.description}`);
  if (chromiumArgs.length) log(`Chromium with ${chromiumArgs.join(' ')}`);
  const { browser, bare } = await launchWithBare({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...chromiumArgs], headless: true });
  const sides = [
    { name: 'cold', context: 'fresh' as const, marks: [] as Marks[] },
    { name: 'warm', context: 'profile' as const, marks: [] as Marks[] },
  ];
  try {
    await bareLoad(bare, host.url, host.token, night, 'fresh');
    for (let i = 0; i < PROFILE_WARM_LOADS; i++) await bareLoad(bare, host.url, host.token, night, 'profile');
    await inTurns(sides, rounds, async (s, r) => {
      await touchData(host.url, host.token);
      const m = await bareLoad(bare, host.url, host.token, night, s.context);
      s.marks.push(m);
      log(`  round ${r + 1} ${s.name}: interactive ${fmt(m.dialog)} ms, rows ${fmt(m.rows)}, DOMContentLoaded ${fmt(m.domContentLoaded ?? Number.NaN)}, board answered ${fmt(m.boardResponseEnd ?? Number.NaN)}`);
    });
  } finally {
    bare.close();
    await browser.close();
    await host.child.stop();
    if (background) log(`background load: ${JSON.stringify(await background.stop())}`);
  }
  const summary = sides.map((s) => ({
    name: s.name,
    tti: median(s.marks.map((m) => m.dialog)),
    rows: median(s.marks.map((m) => m.rows)),
    dcl: median(s.marks.map((m) => m.domContentLoaded ?? Number.NaN)),
    answer: median(s.marks.map((m) => m.boardResponseEnd ?? Number.NaN)),
    open: median(s.marks.map((m) => m.dialogOpen - m.click)),
  }));
  for (const s of summary) {
    console.log(`${s.name}: time to interactive ${fmt(s.tti)} ms (median of ${rounds}), rows painted ${fmt(s.rows)}, DOMContentLoaded ${fmt(s.dcl)}, board answered ${fmt(s.answer)}, click → dialog open ${fmt(s.open)}`);
  }
  const ahead = sides[1]!.marks.filter((m, i) => m.dialog < sides[0]!.marks[i]!.dialog).length;
  console.log(`warm ÷ cold time to interactive: ${fmt(summary[1]!.tti / summary[0]!.tti)} (warm sooner in ${ahead} of ${rounds} rounds); rows ${fmt(summary[1]!.rows / summary[0]!.rows)}; DOMContentLoaded ${fmt(summary[1]!.dcl / summary[0]!.dcl)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
