/**
 * Money is integer minor units everywhere (119500 øre = 1.195,00 kr.). These helpers turn it into
 * text with `Intl` and back, for the hotel's currency; pure, no DOM.
 */
import { minorDigits } from '../../../shared/currency-digits';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One `Intl.NumberFormat` per locale and options, made on first use: making one costs far more than using it. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, f);
  }
  return f;
}

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  return numberFormat(locale, { style: 'currency', currency });
}

/** Decimal places of a currency's minor unit: DKK 2, JPY 0 (one table with the host's). */
export { minorDigits };

/** `formatMoney(119500, 'DKK', 'da-DK')` → "1.195,00 kr."; `('DKK', 'en-GB')` → "DKK 1,195.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return currencyFormat(locale, currency).format(minor / 10 ** minorDigits(currency));
}

/** Minor units as a plain amount for an input field: 119550 → "1195,50" (da) / "1195.50" (en). */
export function moneyInputText(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(minor / 10 ** digits);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale, {}).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Reads an amount a receptionist typed into minor units, or null when it is not an amount.
 * Worked examples for DKK in da-DK (group ".", decimal ","):
 *   "1195" → 119500; "1.195,50" → 119550; "1195,5" → 119550; "1.195" → 119500 (group + 3 digits);
 *   "1195.50" → 119550 (a lone "." not followed by exactly 3 digits is read as the decimal point,
 *   so an English-typed amount works too); "1,195.50" → 119550 (the last separator is the decimal).
 * In en-GB "1,195" → 119500 and "1.195" → null (three decimals for a two-decimal currency).
 */
export function parseMoney(text: string, currency: string, locale: string): number | null {
  const digits = minorDigits(currency);
  const { group } = separators(locale);
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(new RegExp(`${currency}|kr\\.?|[€$£]`, 'gi'), '');
  if (!/^\d[\d.,']*$/.test(cleaned) || /[.,']$/.test(cleaned)) return null;

  const seps = [...cleaned.matchAll(/[.,']/g)];
  let intPart = cleaned;
  let fracPart = '';
  if (seps.length > 0) {
    const last = seps[seps.length - 1]!;
    const lastSep = last[0];
    const after = cleaned.slice(last.index! + 1);
    const sameKind = seps.every((m) => m[0] === lastSep);
    const isGrouping = sameKind && (seps.length > 1 || lastSep === "'" || (lastSep === group && after.length === 3));
    if (isGrouping) {
      intPart = cleaned;
    } else {
      intPart = cleaned.slice(0, last.index);
      fracPart = after;
    }
    // Every group before the decimal point has exactly three digits: "1.19.5" is a typo, not 1195.
    const groups = intPart.split(/[.,']/);
    if (groups.slice(1).some((g) => g.length !== 3) || /[.,']/.test(fracPart)) return null;
    intPart = groups.join('');
  }
  if (fracPart.length > digits) return null;
  const minor = Number(intPart) * 10 ** digits + Number(fracPart.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
