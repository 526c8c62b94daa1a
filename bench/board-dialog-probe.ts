/**
 * The board's dialogs once the board has settled (not the first one, which benchmark 5 times): for
 * each renderer build, taking turns, the benchmark's board is loaded, left 4 s, then a free night is
 * clicked twice (the dialog closed between), timing click → booking dialog painted, and the grid's
 * element count is printed. A modal dialog makes the rest of the page inert, which recalculates the
 * style of the whole document, so this is what a larger board DOM costs every click.
 *
 *   npx tsx bench/board-dialog-probe.ts <rendererDirA> [<rendererDirB> …]
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, freeNight } from './board-render-bench';
import { startBenchHost } from './support/bench-host';
import { inTurns, withSettledPage } from './support/board-turns';
import { copyHotelTo, denseHistoryHotel, scratchDir, TODAY } from './support/hotel-dataset';

const ROUNDS = 4;

function clickToDialogPainted(room: number, date: string): string {
  return `(async () => {
    const row = document.querySelector('[data-testid="room-row-${room}"]');
    const day = document.querySelector('[data-testid="day-${date}"]');
    const r = row.getBoundingClientRect(), d = day.getBoundingClientRect();
    const x = d.left + d.width * 0.75, y = r.top + r.height / 2;
    const t0 = performance.now();
    document.elementFromPoint(x, y).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y }));
    while (!document.querySelector('[data-testid="booking-dialog"]')) await new Promise((res) => setTimeout(res, 0));
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    return Math.round(performance.now() - t0);
  })()`;
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('usage: tsx bench/board-dialog-probe.ts <rendererDir> [<rendererDir> …]');
  const data = await denseHistoryHotel(() => undefined);
  const sides = [];
  for (const [i, dir] of dirs.entries()) {
    const scratch = scratchDir(`dialog-probe-${i}`);
    const night = freeNight(copyHotelTo(data.file, scratch));
    sides.push({ dir, night, host: await startBenchHost(scratch, { rendererDir: dir }) });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    await inTurns(sides, ROUNDS, async ({ dir, host, night }) => {
      const settled = { origin: host.url, token: host.token, url: `${host.url}/#/board?from=${TODAY}&days=90`, settleMs: 4000 };
      await withSettledPage(browser, settled, async (page) => {
        const times: number[] = [];
        for (let k = 0; k < 2; k++) {
          times.push((await page.evaluate(clickToDialogPainted(night.room, night.date))) as number);
          await page.keyboard.press('Escape');
          await page.waitForSelector('[data-testid="booking-dialog"]', { state: 'detached' });
          await page.waitForTimeout(500);
        }
        const elements = await page.evaluate(`document.querySelector('[data-testid="board-grid"]').querySelectorAll('*').length`);
        console.log(`${dir}: click → dialog painted ${times.join(', ')} ms; ${String(elements)} elements in the grid; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
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
