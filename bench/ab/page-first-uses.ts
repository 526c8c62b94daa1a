/**
 * A page's first uses in Chromium (the browser benchmark 5 runs), each in a fresh page, the variants
 * taking turns: what the page's own first `Intl` objects cost with nothing warmed, after a worker made
 * them (ICU's locale data is the process's), and after the page's thread made them; and what the
 * first layout of text at the desk's font weights costs with nothing warmed, after a worker's
 * OffscreenCanvas measured them, after the page's canvas did, and with a hidden line of text at those
 * weights in the HTML (laid out in the page's first frame). Medians of the rounds.
 *
 *   npx tsx bench/ab/page-first-uses.ts [--rounds 8]
 */
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { UI_FONT, UI_FONT_WEIGHTS } from '../../renderer/src/ui/warm-fonts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../board-render-bench';
import { fmt, median } from '../support/stats';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '8' } } });
const rounds = Number(values.rounds);
const ORIGIN = 'http://first-uses.test';

/** One fresh page serving `html` (and `worker` at /w.js); resolves `window.result` once it is set. */
async function inFreshPage(browser: Browser, html: string, worker = ''): Promise<{ result: number[]; warm?: number[] }> {
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) =>
      new URL(route.request().url()).pathname === '/w.js' ? route.fulfill({ body: worker, contentType: 'text/javascript' }) : route.fulfill({ body: html, contentType: 'text/html' }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (globalThis as { result?: unknown }).result !== undefined);
    return await page.evaluate(() => {
      const g = globalThis as unknown as { result: number[]; warm?: number[] };
      return { result: g.result, warm: g.warm };
    });
  } finally {
    await page.close();
  }
}

const intlUses = `const uses = [() => new Intl.DateTimeFormat('da-DK', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(0),
  () => new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'EUR' }).format(0), () => new Intl.PluralRules('da-DK').select(1)];
const timeUses = () => uses.map((use) => { const t = performance.now(); use(); return performance.now() - t; });`;
const intlPage = (warm: 'none' | 'worker' | 'page') => `<!doctype html><body><script>${intlUses}
const measure = () => { window.result = timeUses(); };
${warm === 'worker' ? "new Worker('/w.js').onmessage = (e) => { window.warm = e.data; setTimeout(measure, 50); };" : warm === 'page' ? 'setTimeout(() => { window.warm = timeUses(); setTimeout(measure, 50); }, 0);' : 'setTimeout(measure, 50);'}
</script></body>`;
const intlWorker = `${intlUses} postMessage(timeUses());`;

const measureText = (canvas: string) =>
  `const c = ${canvas}.getContext('2d'); const t = performance.now(); for (const w of ${JSON.stringify(UI_FONT_WEIGHTS)}) { c.font = w + ' 14px ' + ${JSON.stringify(UI_FONT)}; c.measureText('Frontdesk 0123456789'); }`;
const spans = UI_FONT_WEIGHTS.map((w) => `<span style="font-weight:${w}">Room 101 Walk-in guest 0123</span>`).join('');
const fontPage = (warm: 'none' | 'worker' | 'page' | 'html') => `<!doctype html><body style="font-family:${UI_FONT.replace(/'/g, '&quot;')}"><script>
const measure = () => { const d = document.createElement('div'); d.innerHTML = ${JSON.stringify(spans)}; const t = performance.now(); document.body.appendChild(d); document.body.offsetHeight; window.result = [performance.now() - t]; };
${
  warm === 'worker'
    ? "new Worker('/w.js').onmessage = (e) => { window.warm = [e.data]; setTimeout(measure, 50); };"
    : warm === 'page'
      ? `setTimeout(() => { ${measureText("document.createElement('canvas')")}; window.warm = [performance.now() - t]; setTimeout(measure, 50); }, 0);`
      : 'setTimeout(measure, 100);'
}
</script>${warm === 'html' ? `<div style="position:absolute;width:0;height:0;overflow:hidden;visibility:hidden">${UI_FONT_WEIGHTS.map((w) => `<span style="font-weight:${w}">F0</span>`).join('')}</div>` : ''}</body>`;
const fontWorker = `${measureText('new OffscreenCanvas(4, 4)')}; postMessage(performance.now() - t);`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const intl = { none: [] as number[][], worker: [] as number[][], page: [] as number[][] };
  const fonts = { none: [] as number[], worker: [] as number[], page: [] as number[], html: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const warm of ['none', 'worker', 'page'] as const) intl[warm].push((await inFreshPage(browser, intlPage(warm), intlWorker)).result);
    for (const warm of ['none', 'worker', 'page', 'html'] as const) fonts[warm].push((await inFreshPage(browser, fontPage(warm), fontWorker)).result[0]!);
  }
  console.log(`The page's first Intl.DateTimeFormat / NumberFormat / PluralRules, ms (medians of ${rounds} fresh pages):`);
  for (const [warm, runs] of Object.entries(intl)) console.log(`  warmed ${warm.padEnd(7)} ${[0, 1, 2].map((i) => fmt(median(runs.map((x) => x[i]!)))).join(' / ')}`);
  console.log(`The first layout of text at the desk's ${UI_FONT_WEIGHTS.length} font weights, ms (medians; per page):`);
  for (const [warm, runs] of Object.entries(fonts)) console.log(`  warmed ${warm.padEnd(7)} ${fmt(median(runs))}  (${runs.map((x) => x.toFixed(1)).join(', ')})`);
} finally {
  await browser.close();
}
