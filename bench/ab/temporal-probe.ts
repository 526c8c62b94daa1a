/**
 * Whose read sets up V8's `Temporal` global in benchmark 5's page: the first read of `globalThis.Temporal`
 * timed once the page is interactive, in the bare tab and in the Playwright-driven tab. A first read costs
 * V8's set-up (about a millisecond here); a read after someone else's is free. `npx tsx bench/ab/temporal-probe.ts`.
 * Found (docs/benchmarks.md, sixty-third pass): Playwright's utility script keeps the page's builtins, `Temporal` among
 * them, so the driven tab has it set up before the probe reads; the bare tab (benchmark 5's checked row) does not.
 */
import { rmSync } from 'node:fs';
import { bareLoad, boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH, freeNight, openBoardTab, openBareBoardTab } from '../board-render-bench';
import { launchWithBare } from '../support/bare-tab';
import { startBenchHost } from '../support/bench-host';
import { INTERACTIVE_MARKS } from '../support/board-page-probes';
import { copyHotelTo, denseHistoryHotel, scratchDir } from '../support/hotel-dataset';

const FIRST_READ = `(() => { const t = performance.now(); const T = globalThis.Temporal; const ms = performance.now() - t; const t2 = performance.now(); void globalThis.Temporal; return { first: ms, second: performance.now() - t2, has: typeof T }; })()`;

async function main(): Promise<void> {
  const data = await denseHistoryHotel(console.log);
  const scratch = scratchDir('temporal-probe');
  const night = freeNight(copyHotelTo(data.file, scratch));
  const host = await startBenchHost(scratch);
  const { browser, bare } = await launchWithBare({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    await bareLoad(bare, host.url, host.token, night);
    for (let r = 0; r < 3; r++) {
      const tab = await openBareBoardTab(bare, host.url, host.token, night);
      await tab.navigate(boardUrl(host.url, 90));
      await tab.evaluate(INTERACTIVE_MARKS);
      console.log('bare tab      ', JSON.stringify(await tab.evaluate(FIRST_READ)));
      await tab.close();
      const { context, page } = await openBoardTab(browser, host.url, host.token, night);
      await page.goto(boardUrl(host.url, 90));
      await page.evaluate(INTERACTIVE_MARKS);
      console.log('playwright tab', JSON.stringify(await page.evaluate(FIRST_READ)));
      await context.close();
      const blank = await browser.newContext();
      const p2 = await blank.newPage();
      // A page Playwright never evaluated in: the read through CDP directly.
      const cdp = await blank.newCDPSession(p2);
      const { result } = await cdp.send('Runtime.evaluate', { expression: FIRST_READ, returnByValue: true });
      console.log('blank, cdp    ', JSON.stringify(result.value));
      await blank.close();
    }
  } finally {
    bare.close();
    await browser.close();
    await host.child.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
await main();
