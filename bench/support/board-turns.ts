/**
 * The board probes' sittings (board-dialog-probe.ts, board-return-probe.ts, board-render-ab.ts): builds
 * taking turns, and a board page loaded in a fresh browser context and left to settle before a probe
 * clicks through it.
 */
import type { Browser, Page } from 'playwright-core';
import { storeTokenScript } from './board-page-probes';

/**
 * `visit(side, round)` for each side in turn, `rounds` times, the order reversed every other round so
 * that no side always goes first (the first of a pair meets a colder machine).
 */
export async function inTurns<S>(sides: readonly S[], rounds: number, visit: (side: S, round: number) => Promise<void>): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) await visit(side, round);
  }
}

export interface SettledPageOptions {
  /** The host's origin and the session token its pages find where a desk's tab keeps it. */
  origin: string;
  token: string;
  /** The page to load (the board's URL). */
  url: string;
  /** What shows the page is there (default: the board's first stay bar). */
  ready?: string;
  /** Time left after that, before `use`. */
  settleMs: number;
}

/**
 * A fresh context (1600 × 900 at scale 1, as benchmark 5's; the page's CSP bypassed for the probes'
 * scripts), the session's token stored, `url` loaded and waited for, `settleMs` left, then `use(page)`;
 * the context is closed afterwards, also when `use` throws.
 */
export async function withSettledPage<T>(browser: Browser, options: SettledPageOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
  try {
    await context.addInitScript(storeTokenScript(options.origin, options.token));
    const page = await context.newPage();
    await page.goto(options.url);
    await page.waitForSelector(options.ready ?? '[data-testid^="stay-bar-"]');
    await page.waitForTimeout(options.settleMs);
    return await use(page);
  } finally {
    await context.close();
  }
}
