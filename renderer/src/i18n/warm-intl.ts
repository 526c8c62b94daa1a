/**
 * ICU's first use in a page is dear: Chromium loads the locale's data with the first
 * `Intl.DateTimeFormat` (17–54 ms measured on the benchmark's 2-core machine, 0.1–0.6 ms for each one
 * after it, whatever its options or locale), and the first `Intl.NumberFormat` and
 * `Intl.PluralRules` cost alike. The board's first frame uses all three (today's date, the day
 * header, the rooms per floor; the booking dialog's price), so the boot script has one of each
 * made when the page is first idle (waiting for the app's bundle or the board's answer), instead of
 * the board's first render paying for them (docs/benchmarks.md, issue 22, "§2 Benchmark 5"). What
 * they format is thrown away.
 */
import { startLang } from './stored-lang';
import { INTL_LOCALE, type Lang } from './translate';

export function warmIntl(lang: Lang = startLang()): void {
  const locale = INTL_LOCALE[lang];
  new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(0);
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(0);
  new Intl.PluralRules(locale).select(1);
}
