/**
 * Does Chromium make and take V8's code cache for the desk's scripts? The board page loaded several times
 * in one browser profile (a persistent context: its HTTP cache and code cache on disk, as a desk's
 * browser keeps them), each load traced; per load, the desk chunk's code cache produced (`v8.produceModuleCache`,
 * its size) and any cache taken instead of a parse (`V8.CompileDeserialize`), with the background streaming
 * parse's time (`BackgroundJSStreamManager::RunScriptStreamingTask` on Chromium's background fetch path).
 *
 *   npx tsx bench/ab/code-cache-probe.ts [loads] [--chromium-arg ARG …]
 *
 * On Debian's Chromium 156 (2026-12-04): the cache is made on the second load (347 KB for the desk chunk)
 * and never taken; with `--chromium-arg --disable-features=BackgroundResourceFetch` it is taken from the
 * third load on (docs/benchmarks.md, sixty-first pass). The times to interactive either way:
 * board-code-cache-ab.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, boardUrl } from '../board-render-bench';
import { storeTokenScript } from '../support/board-page-probes';
import { startBenchHost } from '../support/bench-host';
import { copyHotelTo, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';

interface TraceEvent {
  name: string;
  dur?: number;
  args?: { data?: { producedCacheSize?: number } };
}

/** The trace events that say what became of the scripts' code caches, summed by name (ms; sizes in KB). */
const WATCHED = /^(v8\.produceModuleCache|v8\.produceCache|V8\.CompileDeserialize|V8\.FinalizeDeserialization|BackgroundJSStreamManager::RunScriptStreamingTask|V8\.CompileStreamedModule)$/;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const chromiumArgs = args.flatMap((a, i) => (args[i - 1] === '--chromium-arg' ? [a] : []));
  const loads = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--chromium-arg') ?? 5);
  const data = await denseHistoryHotel((line) => console.log(line));
  const scratch = scratchDir('code-cache-probe');
  copyHotelTo(data.file, scratch);
  const host = await startBenchHost(scratch);
  const profile = mkdtempSync(join(tmpdir(), 'frontdesk-code-cache-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...chromiumArgs],
    headless: true,
    viewport: { width: 1600, height: 900 },
  });
  try {
    if (chromiumArgs.length) console.log(`Chromium with ${chromiumArgs.join(' ')}`);
    await context.addInitScript(storeTokenScript(host.url, host.token));
    for (let i = 0; i < loads; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8', 'devtools.timeline', 'disabled-by-default-v8.compile', 'blink', 'toplevel'] }, transferMode: 'ReportEvents' });
      await page.goto(boardUrl(host.url, 90));
      await page.waitForSelector('[data-testid^="stay-bar-"]', { timeout: 60_000 });
      await page.waitForTimeout(1500); // the cache is produced after the load, when the page is idle
      await cdp.send('Tracing.end');
      await complete;
      const sums = new Map<string, number>();
      let producedKb = 0;
      for (const e of events) {
        if (!WATCHED.test(e.name)) continue;
        sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
        producedKb += (e.args?.data?.producedCacheSize ?? 0) / 1024;
      }
      const parts = [...sums].map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
      console.log(`load ${i + 1}: ${parts.join('; ') || 'none of the watched events'}${producedKb ? `; cache produced ${producedKb.toFixed(0)} KB` : ''}`);
      await page.close();
    }
  } finally {
    await context.close();
    await host.child.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
