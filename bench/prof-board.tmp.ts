import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, freeNight } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';
import { storeTokenScript, timeToInteractiveProbe } from './support/board-page-probes';
const rendererDir = process.argv[2] ?? '/tmp/r-nomin';
const data = denseHistoryHotel();
const scratch = scratchDir('render-prof');
const dbFile = copyHotelTo(data.file, scratch);
const night = freeNight(dbFile);
const host = await startBenchHost(scratch, { rendererDir });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
for (let run = 0; run < 4; run++) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
  await context.addInitScript(storeTokenScript(host.url, host.token));
  const page = await context.newPage();
  await page.addInitScript(timeToInteractiveProbe(night.room, night.date, 90));
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { path: `/tmp/prof/trace${run}.json`, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel'] });
  await page.goto(`${host.url}/#/board?from=2026-05-01&days=90`);
  const marks = await page.evaluate('window.__benchDone.then(() => window.__bench)') as any;
  await browser.stopTracing();
  console.log(JSON.stringify({ dcl: marks.domContentLoaded, req: marks.boardRequestStart, resp: marks.boardResponseEnd, rows: marks.rows, click: marks.click, open: marks.dialogOpen, dialog: marks.dialog }));
  await context.close();
}
await browser.close();
await host.child.stop();
