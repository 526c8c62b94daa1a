/**
 * What the board's first screen costs Chromium to raster, and why (benchmark 5's page, software raster
 * as `--disable-gpu` has it). For a few fresh page loads of the benchmark's board (its data kept, so the
 * page's own work is what varies):
 *
 * - the raster of each frame while the page loads, by composited layer and tile (a traced load;
 *   support/trace-off-main.ts), the first frame with the board being the one `board:rows-rendered` waits for;
 * - the same board layer's tiles rastered again once the page has settled (its background changed by a
 *   shade, so every tile in view is drawn anew with warm caches);
 * - each layer's display list replayed over the first screen (CDP `LayerTree.profileSnapshot`): what
 *   drawing the board's bars, lines and text costs by itself, without tiles.
 *
 *   npx tsx bench/board-raster-probe.ts [rendererDir] [--loads 3]
 */
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { defaultRendererDir } from '../core/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { storeTokenScript } from './support/board-page-probes';
import { copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from './support/hotel-dataset';
import { rasterByFrame, type TraceEvent } from './support/trace-off-main';

const VIEW = { width: 1600, height: 900 };

interface Layer {
  layerId: string;
  width: number;
  height: number;
  drawsContent: boolean;
}

/** Each drawing layer's display list replayed over the first screen, median of 7 replays, in ms. */
async function replayTimes(cdp: CDPSession, layers: Layer[]): Promise<string[]> {
  const out: string[] = [];
  for (const l of layers.filter((x) => x.drawsContent && x.width * x.height >= 10_000)) {
    const { snapshotId } = await cdp.send('LayerTree.makeSnapshot', { layerId: l.layerId });
    const clipRect = { x: 0, y: 0, width: Math.min(l.width, VIEW.width), height: Math.min(l.height, VIEW.height) };
    const { timings } = await cdp.send('LayerTree.profileSnapshot', { snapshotId, minRepeatCount: 7, clipRect });
    const { commandLog } = await cdp.send('LayerTree.snapshotCommandLog', { snapshotId });
    await cdp.send('LayerTree.releaseSnapshot', { snapshotId });
    const replays = timings.map((t) => t.reduce((a, b) => a + b, 0)).sort((a, b) => a - b);
    out.push(`L${l.layerId} ${l.width}×${l.height}: ${commandLog.length} draw commands, ${(replays[replays.length >> 1]! * 1000).toFixed(2)} ms`);
  }
  return out;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { loads: { type: 'string', default: '3' } } });
  const rendererDir = positionals[0] ?? defaultRendererDir();
  const data = await denseHistoryHotel(() => undefined);
  const scratch = scratchDir('raster-probe');
  copyHotelTo(data.file, scratch);
  const host = await startBenchHost(scratch, { rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const traced = async (page: Page, action: () => Promise<unknown>): Promise<TraceEvent[]> => {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await action();
    await page.waitForTimeout(1500);
    return (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  };
  const rasterLine = (events: TraceEvent[]) => {
    // The board's renderer: a fresh context's first navigation may move the page to a new process.
    const pid = (events.find((e) => e.name === 'board:rows-rendered') ?? events.findLast((e) => e.name === 'RasterTask'))?.pid;
    return pid === undefined
      ? ['no raster']
      : rasterByFrame(events, pid)
          .filter((f) => f.ms >= 1)
          .map((f) => `frame ${f.frame}: ${f.ms.toFixed(1)} ms, ${f.tiles} tiles (${[...f.layers].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4).map(([id, l]) => `L${id} ${l.ms.toFixed(1)}/${l.tiles}`).join(', ')})`);
  };
  try {
    for (let load = 1; load <= Number(values.loads); load++) {
      const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 1, bypassCSP: true });
      await context.addInitScript(storeTokenScript(host.url, host.token));
      const page = await context.newPage();
      await page.waitForTimeout(1500);
      const loading = await traced(page, async () => {
        await page.goto(`${host.url}/#/board?from=${TODAY}&days=90`);
        await page.waitForSelector('[data-testid^="stay-bar-"]');
      });
      console.log(`load ${load}, raster while loading:`);
      for (const line of rasterLine(loading)) console.log(`  ${line}`);
      await page.waitForTimeout(1500);
      const again = await traced(page, () => page.evaluate(`document.querySelector('.board-canvas').style.background = '#fefefe'`));
      console.log(`  the board's tiles in view again, caches warm: ${rasterLine(again).join('; ')}`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('LayerTree.enable');
      let layers: Layer[] = [];
      cdp.on('LayerTree.layerTreeDidChange', (e) => (layers = (e.layers as Layer[] | undefined) ?? layers));
      // The tree is sent on its next change: a style no one sees.
      await page.evaluate(`document.body.style.outline = '1px solid transparent'; new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`);
      await page.waitForTimeout(300);
      console.log(`  display lists replayed over the first screen: ${(await replayTimes(cdp, layers)).join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await host.child.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
