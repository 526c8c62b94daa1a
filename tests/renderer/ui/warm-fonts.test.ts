import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UI_FONT, UI_FONT_WEIGHTS, warmFonts } from '../../../renderer/src/ui/warm-fonts';

const styles = join(import.meta.dirname, '../../../renderer/src/styles');
const css = readdirSync(styles)
  .filter((f) => f.endsWith('.css'))
  .map((f) => readFileSync(join(styles, f), 'utf8'))
  .join('\n');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('warmFonts', () => {
  it('names the desk’s font as base.css does', () => {
    expect(css).toContain(`--font: ${UI_FONT};`);
  });

  it('covers every font-weight the style sheets use', () => {
    const used = new Set([...css.matchAll(/font-weight:\s*(\d+)/g)].map((m) => Number(m[1])));
    used.add(400);
    expect([...UI_FONT_WEIGHTS].sort()).toEqual([...used].sort());
  });

  it('has a canvas measure text in that font at each weight', () => {
    const fonts: string[] = [];
    const context = {
      set font(value: string) {
        fonts.push(value);
      },
      measureText: vi.fn(() => ({ width: 1 })),
    };
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => context }) });
    warmFonts();
    expect(fonts).toEqual(UI_FONT_WEIGHTS.map((w) => `${w} 14px ${UI_FONT}`));
    expect(context.measureText).toHaveBeenCalledTimes(UI_FONT_WEIGHTS.length);
  });
});
