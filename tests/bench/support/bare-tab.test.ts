/**
 * A tab with no test driver attached (bench/support/bare-tab.ts), against Debian's Chromium and a small
 * local page: the init scripts run before the page's own, the window has the size asked for, a
 * navigation resolves after the load event, an evaluation awaits the page's promise, a page error is
 * thrown here, and closing the tab disposes of its context. The page's CSP stays in force (Playwright's
 * contexts bypass it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BareBrowser } from '../../../bench/support/bare-tab';
import { startBarePages, type BarePages } from '../../support/bare-pages';

const PAGE = `<!doctype html><script>
  window.seenByPage = window.fromInit ?? 'missing';
  window.done = new Promise((r) => setTimeout(() => r({ late: true, width: innerWidth, height: innerHeight }), 50));
  addEventListener('load', () => { window.loaded = true; });
</script>`;

let pages: BarePages;
let origin: string;
let bare: BareBrowser;

beforeAll(async () => {
  pages = await startBarePages((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'unsafe-inline'; connect-src 'none'" });
    res.end(PAGE);
  });
  ({ origin, bare } = pages);
});

afterAll(async () => {
  await pages?.close();
});

describe('a bare tab (no test driver attached)', () => {
  it('runs the init scripts first, loads, and awaits the page’s promise in a window of the size asked for', async () => {
    const tab = await bare.openTab({ viewport: { width: 640, height: 360 }, initScripts: ['window.fromInit = "init"'], settleMs: 0 });
    try {
      await tab.navigate(`${origin}/`);
      expect(await tab.evaluate('window.loaded === true && window.seenByPage')).toBe('init');
      expect(await tab.evaluate('window.done')).toEqual({ late: true, width: 640, height: 360 });
      await expect(tab.evaluate('window.nothing.here')).rejects.toThrow(/TypeError/);
    } finally {
      await tab.close();
    }
  });

  it('leaves the page’s CSP in force and disposes of its context when closed', async () => {
    const tab = await bare.openTab({ viewport: { width: 640, height: 360 }, initScripts: [], settleMs: 0 });
    await tab.navigate(`${origin}/`);
    // connect-src 'none': a fetch from the page is refused, as it would be at a desk.
    expect(await tab.evaluate(`fetch('${origin}/').then(() => 'fetched', () => 'refused')`)).toBe('refused');
    await tab.close();
    await expect(tab.evaluate('1')).rejects.toThrow();
  });
});
