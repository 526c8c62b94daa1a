/**
 * The board probes' sittings (bench/support/board-turns.ts): sides take turns with the order reversed
 * every other round, and a settled page is one fresh context — the session's token stored before the
 * page's own scripts, `use` called only once the ready element shows and the settling time has passed,
 * the context closed afterwards, also when `use` throws. Against Debian's Chromium and a small local page.
 */
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTurns, withSettledPage } from '../../../bench/support/board-turns';
import { SESSION_TOKEN_KEY } from '../../../renderer/src/transport/session-token';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';

// The page shows its "stay bar" 300 ms after it loads, carrying the token it found in its session storage.
const PAGE = `<!doctype html><body><script>
  const token = sessionStorage.getItem(${JSON.stringify(SESSION_TOKEN_KEY)});
  setTimeout(() => {
    const bar = document.createElement('div');
    bar.dataset.testid = 'stay-bar-1';
    bar.textContent = token ?? 'no token';
    document.body.append(bar);
    window.shownAt = performance.now();
  }, 300);
</script></body>`;

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('sides taking turns', () => {
  it('visits every side each round, the order reversed every other round', async () => {
    const seen: string[] = [];
    await inTurns(['A', 'B', 'C'], 3, async (side, round) => {
      seen.push(`${round}${side}`);
    });
    expect(seen).toEqual(['0A', '0B', '0C', '1C', '1B', '1A', '2A', '2B', '2C']);
  });
});

describe('a settled board page', () => {
  it('stores the token first, waits for the ready element and the settling time, and closes its context', async () => {
    let pageSeen: Page | undefined;
    const result = await withSettledPage(browser, { origin, token: 'tok-123', url: `${origin}/`, settleMs: 400 }, async (page) => {
      pageSeen = page;
      const shownAt = (await page.evaluate('window.shownAt')) as number;
      const now = (await page.evaluate('performance.now()')) as number;
      return { text: await page.textContent('[data-testid="stay-bar-1"]'), sinceShown: now - shownAt, contexts: browser.contexts().length };
    });
    expect(result.text).toBe('tok-123');
    expect(result.sinceShown).toBeGreaterThanOrEqual(400);
    expect(result.contexts).toBe(1);
    expect(pageSeen!.isClosed()).toBe(true);
    expect(browser.contexts()).toHaveLength(0);
  });

  it('does not store the token for another origin, and closes the context when use throws', async () => {
    const other = origin.replace('127.0.0.1', 'localhost');
    await expect(
      withSettledPage(browser, { origin, token: 'tok-123', url: `${other}/`, ready: '[data-testid="stay-bar-1"]', settleMs: 0 }, async (page) => {
        throw new Error(`seen: ${await page.textContent('[data-testid="stay-bar-1"]')}`);
      }),
    ).rejects.toThrow('seen: no token');
    expect(browser.contexts()).toHaveLength(0);
  });
});
