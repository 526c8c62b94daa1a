import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLang } from '../../../renderer/src/i18n/stored-lang';
import { warmIntl } from '../../../renderer/src/i18n/warm-intl';

/** The locales each `Intl` constructor was called with while `run` ran. */
type Used = Record<'dates' | 'numbers' | 'plurals', unknown[]>;
function localesUsed(run: () => Promise<unknown>): Promise<Used>;
function localesUsed(run: () => void): Used;
function localesUsed(run: () => unknown): Promise<Used> | Used {
  const dates = vi.spyOn(Intl, 'DateTimeFormat');
  const numbers = vi.spyOn(Intl, 'NumberFormat');
  const plurals = vi.spyOn(Intl, 'PluralRules');
  const used = () => {
    const locales = { dates: dates.mock.calls.map((c) => c[0]), numbers: numbers.mock.calls.map((c) => c[0]), plurals: plurals.mock.calls.map((c) => c[0]) };
    for (const spy of [dates, numbers, plurals]) spy.mockRestore();
    return locales;
  };
  const result = run();
  return result instanceof Promise ? result.then(used) : used();
}

function storage(values: Record<string, string>) {
  return { getItem: (k: string) => values[k] ?? null, setItem: (k: string, v: string) => void (values[k] = v) };
}

beforeEach(() => {
  vi.restoreAllMocks();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('warmIntl', () => {
  it('makes a date format, a number format and plural rules for the language’s locale', () => {
    expect(localesUsed(() => warmIntl('en'))).toEqual({ dates: ['en-GB'], numbers: ['en-GB'], plurals: ['en-GB'] });
    expect(localesUsed(() => warmIntl('da'))).toEqual({ dates: ['da-DK'], numbers: ['da-DK'], plurals: ['da-DK'] });
  });

  it('by default in the language the desk starts in: its own choice, else the hotel’s, else Danish', () => {
    vi.stubGlobal('localStorage', storage({ 'frontdesk.lang': 'en', 'frontdesk.hotelLang': 'da' }));
    expect(startLang()).toBe('en');
    expect(localesUsed(() => warmIntl())).toMatchObject({ dates: ['en-GB'] });
    vi.stubGlobal('localStorage', storage({ 'frontdesk.hotelLang': 'en' }));
    expect(localesUsed(() => warmIntl())).toMatchObject({ dates: ['en-GB'] });
    vi.stubGlobal('localStorage', storage({ 'frontdesk.lang': 'xx' }));
    expect(localesUsed(() => warmIntl())).toMatchObject({ dates: ['da-DK'] });
  });
});

describe('the boot script', () => {
  it('loads ICU’s data as the page’s next task, warms the rest and the fonts up when idle, one first use per idle callback, in Electron too (no requests to send there)', async () => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const measured: string[] = [];
    const canvas = { getContext: () => ({ font: '', measureText: (text: string) => void measured.push(text) }) };
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'canvas' ? canvas : null) });
    vi.stubGlobal('localStorage', storage({ 'frontdesk.lang': 'en' }));
    const idle: (() => void)[] = [];
    const requestIdleCallback = (fn: () => void) => idle.push(fn);
    vi.stubGlobal('window', { frontdesk: {}, location: { protocol: 'file:', origin: 'null', hash: '' }, requestIdleCallback, cancelIdleCallback: () => undefined });
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    // A path the type check does not follow: boot.ts is DOM code, and this project's type check has no DOM types.
    const boot = '../../../renderer/src/boot';
    const atLoad = await localesUsed(() => import(/* @vite-ignore */ boot));
    // Nothing in the boot script's own task: the page's waiting work comes first.
    expect(atLoad).toEqual({ dates: [], numbers: [], plurals: [] });
    expect(measured).toEqual([]);
    // ICU's data (the first date format) on the next task, whether or not the page is ever idle before it paints.
    const nextTask = localesUsed(() => vi.runOnlyPendingTimers());
    expect(nextTask).toEqual({ dates: ['en-GB'], numbers: [], plurals: [] });
    expect(measured).toEqual([]);
    // Each idle callback pays at most one first use: one task of all three held the bundle's evaluation up.
    const perCallback = idle.map((fn) => localesUsed(fn));
    for (const u of perCallback) expect(u.dates.length + u.numbers.length + u.plurals.length).toBeLessThanOrEqual(1);
    const used = { dates: perCallback.flatMap((u) => u.dates), numbers: perCallback.flatMap((u) => u.numbers), plurals: perCallback.flatMap((u) => u.plurals) };
    expect(used).toEqual({ dates: [], numbers: ['en-GB'], plurals: ['en-GB'] });
    expect(measured.length).toBeGreaterThan(0);
    expect(fetch).not.toHaveBeenCalled();
  });
});
