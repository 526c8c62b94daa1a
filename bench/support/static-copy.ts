/**
 * Benchmark 5's anchor: the board's first screen as a static page. Once the renderer has marked its
 * rows painted, the page's document is copied as HTML — its elements, inline styles and the board's
 * bars as they are, the same style sheet (by its absolute address, so the host still serves it), and no
 * script, module preload or CSP of its own — and served from a plain `node:http` server. A fresh tab
 * loading that copy shows the same pixels with none of the page's work: no bundle to parse and run, no
 * board to ask for, no React. What it costs to paint is what Chromium itself needs on the machine to
 * show that screen (parse, style, layout, paint, raster in a fresh renderer), the floor under the
 * board's time to interactive as raw SQLite is under the bookings' rate.
 *
 * The copy marks itself painted the way the renderer marks its rows (renderer/src/ui/perf-marks.ts):
 * an animation frame after the frame that drew it, then a task — the frame after can start only once
 * the first one's tiles are rastered.
 */
import { createServer } from 'node:http';
import type { BareBrowser } from './bare-tab';

/** The mark the copy sets once painted. */
export const STATIC_PAINTED_MARK = 'static-copy:painted';

const MARK_SCRIPT = `<script>requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => performance.mark('${STATIC_PAINTED_MARK}'), 0)));</script>`;

/** Set on each of the copy's style sheet links: a sheet that fails to load is noted on the document. */
const SHEET_ERROR_HANDLER = "document.documentElement.dataset.sheetErrors = (document.documentElement.dataset.sheetErrors || '') + this.href + ' '";

/** Resolves with the buffered or next `performance` mark called `mark`; rejects after 60 s. */
function awaitMark(mark: string): string {
  return `new Promise((resolve, reject) => {
    const found = () => performance.getEntriesByName(${JSON.stringify(mark)}, 'mark')[0];
    if (found()) return resolve(found());
    const observer = new PerformanceObserver(() => { if (found()) { observer.disconnect(); resolve(found()); } });
    observer.observe({ type: 'mark' });
    setTimeout(() => reject(new Error('no mark ${mark} within 60 s')), 60000);
  })`;
}

/**
 * The copy is served from another origin than the page's, so its style sheet links lose `crossorigin`
 * (Vite writes it): fetched in CORS mode, which the host does not grant, the sheet would not load and
 * the copy would paint with no style at all (as every copy did until the fifty-first pass found it). A
 * sheet that still fails to load is noted by its link's error handler, and the copy refused when loaded.
 *
 * For a tab's `evaluate`: once the page has set the mark `afterMark` (the board's `board:rows-rendered`),
 * its document as a static page (see above).
 */
export function staticCopyExpression(afterMark: string): string {
  return `${awaitMark(afterMark)}.then(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel="modulepreload"], meta[http-equiv]').forEach((e) => e.remove());
    doc.querySelectorAll('link[rel="stylesheet"]').forEach((l) => {
      l.setAttribute('href', new URL(l.getAttribute('href'), location.href).href);
      l.removeAttribute('crossorigin');
      l.setAttribute('onerror', ${JSON.stringify(SHEET_ERROR_HANDLER)});
    });
    const body = doc.querySelector('body');
    body.insertAdjacentHTML('beforeend', ${JSON.stringify(MARK_SCRIPT)});
    return '<!doctype html>' + doc.outerHTML;
  })`;
}

/**
 * For a tab's `evaluate` on the copy: ms from navigation start to its painted mark, and to DOMContentLoaded;
 * and the style sheets that did not load (their links' error events), which would make it a different screen.
 */
export const STATIC_PAINTED = `${awaitMark(STATIC_PAINTED_MARK)}.then((m) => ({
  painted: m.startTime,
  domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
  sheetsMissing: (document.documentElement.dataset.sheetErrors || '').split(' ').filter(Boolean),
}))`;

export interface StaticPaint {
  painted: number;
  domContentLoaded: number | null;
}

/** Serves `html` at `/` of a local server, never cached (every load reads it anew, as a fresh tab's would). */
export async function serveStaticCopy(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One load of the copy at `url` in a fresh bare tab of `viewport`, its window given `settleMs` first. */
export async function loadStaticCopy(bare: BareBrowser, url: string, viewport: { width: number; height: number }, settleMs: number): Promise<StaticPaint> {
  const tab = await bare.openTab({ viewport, initScripts: [], settleMs });
  try {
    await tab.navigate(url);
    const { sheetsMissing, ...paint } = await tab.evaluate<StaticPaint & { sheetsMissing: string[] }>(STATIC_PAINTED);
    // Unstyled, it is not the page's screen: no anchor rather than a wrong one.
    if (sheetsMissing.length) throw new Error(`the static copy's style sheet did not load: ${sheetsMissing.join(', ')}`);
    return paint;
  } finally {
    await tab.close();
  }
}
