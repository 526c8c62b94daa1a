/**
 * The page's first text layout is dear: Chromium finds the font for each family and weight the
 * first time text needs it (on Linux through fontconfig, partly in the browser process), and the
 * desk's first layout (the header, ~140 boxes) took 25–31 ms, the board's first 31 ms, in a traced
 * load on the benchmark's machine. The boot script has a canvas measure a few characters in the
 * desk's font at every weight its style sheets use when the page is first idle (waiting for the
 * app's bundle or the board's answer); the same layouts then took 7 and 17 ms (docs/benchmarks.md,
 * issue 22, "§2 Benchmark 5"). A canvas finds fonts through the page's own font cache, without
 * touching the document.
 */

/** base.css's `--font` (a test keeps the two the same). */
export const UI_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Every `font-weight` the style sheets use, and the body's 400 (a test checks the list). */
export const UI_FONT_WEIGHTS = [400, 500, 550, 600, 650, 700, 750] as const;

interface CanvasLike {
  getContext(kind: '2d'): { font: string; measureText(text: string): unknown } | null;
}

export function warmFonts(): void {
  // Through globalThis: no DOM types, so it is tested in Node.
  const canvas = (globalThis as { document?: { createElement(tag: 'canvas'): CanvasLike } }).document?.createElement('canvas');
  const context = canvas?.getContext('2d');
  if (!context) return;
  for (const weight of UI_FONT_WEIGHTS) {
    context.font = `${weight} 14px ${UI_FONT}`;
    context.measureText('Frontdesk 0123456789');
  }
}
