/**
 * The desk's first page as built (`npm run test:e2e` builds the renderer first): the app and its
 * first screen, the board, come as one chunk beside the small boot script, so a browser's six
 * connections to the host fetch them in one round and the boot script's requests do not queue
 * behind a dozen small chunks (vite.config.ts, docs/benchmarks.md §5); the contract's schemas (zod)
 * and the other screens stay out of it, loaded when first needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRendererDir } from '../../core/host';

const dir = defaultRendererDir();
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
const firstLoad = [...new Set(scripts)];

describe('the first page of the desk', () => {
  it('loads its scripts as a handful of files: the entry, the boot script, the desk chunk', () => {
    expect(firstLoad.length).toBeLessThanOrEqual(6);
    expect(firstLoad.some((f) => f.startsWith('boot-'))).toBe(true);
    expect(firstLoad.some((f) => f.startsWith('desk-'))).toBe(true);
  });

  it('leaves zod and the other screens out of it', () => {
    const code = firstLoad.map((f) => readFileSync(join(dir, 'assets', f), 'utf8')).join('\n');
    // zod's own error text, and the lazy screens' chunks, are not in the first load.
    expect(code).not.toContain('Invalid input: expected');
    const lazy = readdirSync(join(dir, 'assets')).filter((f) => /^(appointments-screen|cars-screen|stock-screen|setup-screen)-.*\.js$/.test(f));
    expect(lazy.length).toBe(4);
    for (const f of lazy) expect(firstLoad).not.toContain(f);
  });
});
