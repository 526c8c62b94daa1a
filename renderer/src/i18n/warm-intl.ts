/**
 * ICU's first use in a page is dear: Chromium loads the locale's data with the first
 * `Intl.DateTimeFormat` (17–54 ms measured on the benchmark's 2-core machine, 0.1–0.6 ms for each one
 * after it, whatever its options or locale), and the first `Intl.NumberFormat` and
 * `Intl.PluralRules` cost alike. The board's first frame uses all three (today's date, the day
 * header, the rooms per floor; the booking dialog's price), so the boot script has one of each
 * made before the board needs them (waiting for the app's bundle or the board's answer), instead of
 * the board's first render paying for them (docs/benchmarks.md, issue 22, "§2 Benchmark 5"). What
 * they format is thrown away.
 */
import { startLang } from './stored-lang';
import { INTL_LOCALE, type Lang } from './translate';

/**
 * ICU's data load: the first date format, the dearest first use and one the board's first render
 * always makes (the counts' long date). The boot script runs it as the page's next task, not when
 * idle: a page still loading is often not given an idle period before its first paint, and the
 * warm-up then came after the board, just as the first click did (thirty-seventh pass).
 */
export const ICU_DATA_WARM_UP = (lang: Lang): void =>
  void new Intl.DateTimeFormat(INTL_LOCALE[lang], { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(0);

/**
 * The later first uses, one step each, so the boot script asks for each in its own idle callback:
 * one task of all three (32–46 ms in traced loads) ran in the idle moment just before the app's
 * bundle was evaluated and held it up for as long; shorter tasks let the bundle in between.
 */
export const INTL_IDLE_WARM_UPS: readonly ((lang: Lang) => void)[] = [
  (lang) => void new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency: 'EUR' }).format(0),
  (lang) => void new Intl.PluralRules(INTL_LOCALE[lang]).select(1),
];

export function warmIntl(lang: Lang = startLang()): void {
  ICU_DATA_WARM_UP(lang);
  for (const step of INTL_IDLE_WARM_UPS) step(lang);
}
