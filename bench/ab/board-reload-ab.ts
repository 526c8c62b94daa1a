/**
 * Benchmark 5's board reloaded in the same tab, for two or more checkouts' hosts taking turns in one
 * sitting: what a desk that presses F5, or reopens its tab, waits for, with the page's files in the
 * browser's cache. The host is what differs (how it serves the UI's files: core/api/renderer-routes.ts);
 * every host serves the same built renderer (`--renderer`, default dist/renderer). Each checkout's own
 * host (`<checkout>/bench/support/host-process.ts`, built as benchmark 5's is) on its own copy of the
 * dense hotel. Per turn and checkout: a fresh browser context opens the board (the first visit), then
 * reloads it `--reloads` times, a room saved unchanged before each load so the board is built again
 * (support/touch-data.ts); each load timed to interactive as benchmark 5 times it
 * (support/board-page-probes.ts), with its DOMContentLoaded and how many files under /assets/ went to
 * the host (`transferSize > 0`: a revalidation answered 304 counts, a file from the cache does not).
 *
 *   npx tsx bench/ab/board-reload-ab.ts [--turns 4] [--reloads 4] [--renderer dir] <checkout> <checkout> [<checkout> …]
 *
 * Playwright's contexts are off the record: no V8 code cache, which a desk's own browser profile adds.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { defaultRendererDir } from '../../core/host';
import { boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH, freeNight, openBoardTab, type FreeNight, type Marks } from '../board-render-bench';
import { startBenchHost } from '../support/bench-host';
import { ASSET_FETCHES, INTERACTIVE_MARKS } from '../support/board-page-probes';
import { parseCheckoutArg } from '../support/checkout-arg';
import { benchHostText } from '../support/host-build';
import { copyHotelTo, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';
import { fmt, median } from '../support/stats';
import { touchData } from '../support/touch-data';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { turns: { type: 'string', default: '4' }, reloads: { type: 'string', default: '4' }, renderer: { type: 'string' } },
});
const turns = Number(values.turns);
const reloads = Number(values.reloads);
const rendererDir = values.renderer ?? defaultRendererDir();
const checkouts = positionals.map(parseCheckoutArg);
if (checkouts.length < 2) throw new Error('name two or more checkouts');
for (const c of checkouts) console.log(`${c.name}: host ${benchHostText(c.dir, { ...process.env, ...c.env })}`);

interface Load {
  marks: Marks;
  assetFetches: number;
}

/** One visit: the first load, then `reloads` reloads, each after a room saved. */
async function visit(browser: Browser, url: string, token: string, night: FreeNight): Promise<Load[]> {
  const { context, page } = await openBoardTab(browser, url, token, night);
  try {
    const loads: Load[] = [];
    for (let i = 0; i <= reloads; i++) {
      await touchData(url, token);
      if (i === 0) await page.goto(boardUrl(url, 90));
      else await page.reload();
      const marks = (await page.evaluate(INTERACTIVE_MARKS)) as Marks;
      if (marks.error) throw new Error(`board page: ${marks.error}`);
      loads.push({ marks, assetFetches: (await page.evaluate(ASSET_FETCHES)) as number });
      await page.waitForTimeout(1000);
    }
    return loads;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const data = await denseHistoryHotel();
  const hosts = [];
  for (const [i, c] of checkouts.entries()) {
    const dataDir = scratchDir(`reload-ab-${i}`);
    const dbFile = copyHotelTo(data.file, dataDir);
    const host = await startBenchHost(dataDir, { env: c.env, checkout: c.dir, rendererDir });
    hosts.push({ checkout: c, ...host, night: freeNight(dbFile), first: [] as Load[], reloaded: [] as Load[] });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    console.log(`load average ${loadavg()[0]!.toFixed(1)}; ${turns} turns, each a first visit and ${reloads} reloads a checkout`);
    for (const h of hosts) await visit(browser, h.url, h.token, h.night); // warm-up
    for (let t = 0; t < turns; t++) {
      for (const h of t % 2 === 0 ? hosts : [...hosts].reverse()) {
        const [first, ...reloaded] = await visit(browser, h.url, h.token, h.night);
        h.first.push(first!);
        h.reloaded.push(...reloaded);
        const line = reloaded.map((l) => `${fmt(l.marks.dialog)}/${fmt(l.marks.domContentLoaded ?? Number.NaN)}/${l.assetFetches}`).join(' ');
        console.log(`  turn ${t + 1} ${h.checkout.name}: first ${fmt(first!.marks.dialog)} ms; reloads (interactive/DOMContentLoaded ms/files fetched) ${line}`);
      }
    }
  } finally {
    await browser.close();
    for (const h of hosts) await h.child.stop();
  }
  const tti = (loads: Load[]) => median(loads.map((l) => l.marks.dialog));
  for (const h of hosts) {
    console.log(
      `${h.checkout.name}: reloaded, interactive ${fmt(tti(h.reloaded))} ms (median of ${h.reloaded.length}), DOMContentLoaded ${fmt(median(h.reloaded.map((l) => l.marks.domContentLoaded ?? Number.NaN)))} ms, files under /assets/ fetched ${fmt(median(h.reloaded.map((l) => l.assetFetches)))} a reload; first visit ${fmt(tti(h.first))} ms`,
    );
  }
  const [a, ...others] = hosts;
  for (const h of others) console.log(`${h.checkout.name} / ${a!.checkout.name}: reloaded ${fmt(tti(h.reloaded) / tti(a!.reloaded))}, first visit ${fmt(tti(h.first) / tti(a!.first))}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
