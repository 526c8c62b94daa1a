/**
 * Back to the board from another screen, as a desk goes to Stock or the calendars and returns: for each
 * renderer build, taking turns, the benchmark's board (300 rooms, 90 days) is loaded and left to settle,
 * then the header's link to another screen and the Board link are clicked in turn, `--trips` times,
 * timing each click → the screen in the DOM → its next frame painted. The board's answer is kept by the
 * page, so coming back is the board's components mounted and rendered again, not a request.
 *
 *   npx tsx bench/board-return-probe.ts [<rendererDir> …] [--screen stock] [--ready <css>] [--trips 8] [--loads 2]
 *
 * `--ready`: what shows the other screen is there (for Stock, its export button, there with or without items).
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { defaultRendererDir } from '../core/host';
import { boardUrl, CHROMIUM_ARGS, CHROMIUM_PATH } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { inTurns, withSettledPage } from './support/board-turns';
import { copyHotelTo, denseHistoryHotel, scratchDir } from './support/hotel-dataset';

const args = process.argv.slice(2);
const OPTIONS_WITH_VALUES = ['--screen', '--ready', '--trips', '--loads'];
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const screen = valueOf('--screen') ?? 'stock';
const readySelector = valueOf('--ready') ?? (screen === 'stock' ? '[data-testid="stock-export"]' : undefined);
const trips = Number(valueOf('--trips') ?? 8);
const loads = Number(valueOf('--loads') ?? 2);
const dirs = args.filter((a, i) => !a.startsWith('--') && !OPTIONS_WITH_VALUES.includes(args[i - 1] ?? ''));

/** Clicks the header's link to `to` and waits for `selector`: ms to the DOM and to the frame after it (an error after 30 s). */
function switchTo(to: string, selector: string): string {
  return `(async () => {
    const t0 = performance.now();
    document.querySelector('[data-testid="nav-${to}"]').click();
    while (!document.querySelector(${JSON.stringify(selector)})) {
      if (performance.now() - t0 > 30000) throw new Error('${to}: nothing matched ${selector.replace(/'/g, '"')} within 30 s');
      await new Promise((res) => setTimeout(res, 0));
    }
    const inDom = performance.now() - t0;
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    return [Math.round(inDom), Math.round(performance.now() - t0)];
  })()`;
}

async function main(): Promise<void> {
  if (!readySelector) throw new Error(`--ready: what shows the ${screen} screen is there (a CSS selector)`);
  const ready = readySelector;
  const renderers = dirs.length ? dirs : [defaultRendererDir()];
  const data = await denseHistoryHotel(() => undefined);
  const sides = [];
  for (const [i, dir] of renderers.entries()) {
    const scratch = scratchDir(`return-probe-${i}`);
    copyHotelTo(data.file, scratch);
    sides.push({ dir, host: await startBenchHost(scratch, { rendererDir: dir }) });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    await inTurns(sides, loads, async ({ dir, host }) => {
      const settled = { origin: host.url, token: host.token, url: boardUrl(host.url, 90), settleMs: 2000 };
      await withSettledPage(browser, settled, async (page) => {
        const away: string[] = [];
        const back: string[] = [];
        for (let k = 0; k < trips; k++) {
          const [a1, a2] = (await page.evaluate(switchTo(screen, ready))) as [number, number];
          await page.waitForTimeout(400);
          const [b1, b2] = (await page.evaluate(switchTo('board', '[data-testid^="stay-bar-"]'))) as [number, number];
          await page.waitForTimeout(400);
          away.push(`${a1}/${a2}`);
          back.push(`${b1}/${b2}`);
        }
        console.log(`${dir}: to ${screen} ${away.join(', ')} ms; back to the board ${back.join(', ')} ms (in the DOM / painted); load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
      });
    });
  } finally {
    await browser.close();
    for (const s of sides) await s.host.child.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
