/**
 * Benchmark 5's anchor (bench/support/static-copy.ts) against Debian's Chromium and a small local page
 * standing in for the board: the copy is taken only once the page has set the mark it waits for (what
 * the page built by then is in it, what it builds later is not), keeps the page's elements and style
 * sheet (by its absolute address, without Vite's `crossorigin`, so it loads from the copy's origin) and none of
 * its scripts, module preloads or CSP, and a fresh tab loading the copy reports it painted after its
 * DOMContentLoaded, styled; a copy whose style sheet does not load is refused rather than timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BareBrowser } from '../../../bench/support/bare-tab';
import { loadStaticCopy, serveStaticCopy, staticCopyExpression } from '../../../bench/support/static-copy';
import { startBarePages, type BarePages } from '../../support/bare-pages';

// Rows built by script after a while, then marked; a row added after the mark must not be copied. The style
// sheet is linked `crossorigin`, as Vite links the renderer's.
const PAGE = `<!doctype html><html><head>
  <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
  <link rel="modulepreload" href="/assets/app.js">
  <link rel="stylesheet" crossorigin href="/assets/app.css">
  <script src="/assets/app.js"></script>
</head><body><div id="board"></div></body></html>`;
const SCRIPT = `setTimeout(() => {
  for (let i = 0; i < 3; i++) document.getElementById('board').insertAdjacentHTML('beforeend', '<div class="row">room ' + i + '</div>');
  performance.mark('rows:done');
  setTimeout(() => document.getElementById('board').insertAdjacentHTML('beforeend', '<div class="row late">late</div>'), 300);
}, 100);`;
const CSS = '.row { height: 30px; background: rgb(1, 2, 3); }';

let pages: BarePages;
let origin: string;
let bare: BareBrowser;

beforeAll(async () => {
  pages = await startBarePages((req, res) => {
    if (req.url === '/assets/gone.css') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
      return;
    }
    const [type, body] = req.url === '/assets/app.js' ? ['text/javascript', SCRIPT] : req.url === '/assets/app.css' ? ['text/css', CSS] : ['text/html', PAGE];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  ({ origin, bare } = pages);
});

afterAll(async () => {
  await pages?.close();
});

/** The test page's copy, taken in a fresh tab once the page has marked its rows done. */
async function copyOfPage(): Promise<string> {
  const tab = await bare.openTab({ viewport: { width: 640, height: 360 }, initScripts: [], settleMs: 0 });
  try {
    await tab.navigate(`${origin}/`);
    return await tab.evaluate<string>(staticCopyExpression('rows:done'));
  } finally {
    await tab.close();
  }
}

describe('the board’s first screen as a static page (benchmark 5’s anchor)', () => {
  it('copies the page as it stood at the mark: its elements and style sheet, none of its scripts', async () => {
    const html = await copyOfPage();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/class="row"/g)).toHaveLength(3);
    expect(html).not.toContain('late');
    expect(html).toContain(`<link rel="stylesheet" href="${origin}/assets/app.css" onerror=`);
    expect(html).not.toContain('crossorigin');
    expect(html).not.toContain('/assets/app.js');
    expect(html).not.toContain('Content-Security-Policy');
    // Its one script is its own painted mark.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("performance.mark('static-copy:painted')");

    // Served and loaded in a fresh tab: painted (its style sheet applied) after its DOMContentLoaded.
    const copy = await serveStaticCopy(html);
    try {
      const paint = await loadStaticCopy(bare, copy.url, { width: 640, height: 360 }, 0);
      expect(paint.domContentLoaded).toBeGreaterThan(0);
      expect(paint.painted).toBeGreaterThan(paint.domContentLoaded!);
      const tab2 = await bare.openTab({ viewport: { width: 640, height: 360 }, initScripts: [], settleMs: 0 });
      try {
        await tab2.navigate(copy.url);
        expect(await tab2.evaluate(`[...document.querySelectorAll('.row')].map((r) => getComputedStyle(r).backgroundColor)`)).toEqual(['rgb(1, 2, 3)', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)']);
      } finally {
        await tab2.close();
      }
    } finally {
      await copy.close();
    }
  });

  it('refuses a copy whose style sheet did not load, instead of timing an unstyled screen', async () => {
    const html = await copyOfPage();
    // The same copy, its sheet's address one the server does not have.
    const copy = await serveStaticCopy(html.replace('/assets/app.css', '/assets/gone.css'));
    try {
      await expect(loadStaticCopy(bare, copy.url, { width: 640, height: 360 }, 0)).rejects.toThrow(/style sheet did not load: .*gone\.css/);
    } finally {
      await copy.close();
    }
  });
});
