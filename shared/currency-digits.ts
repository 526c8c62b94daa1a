/**
 * Decimal places of a currency's minor unit (DKK 2, JPY 0, KWD 3): money is stored as integer minor
 * units, so the host and the renderer must agree on them. A table, not Intl: one `Intl.NumberFormat`
 * costs a Node process ~5 MB of ICU it otherwise does without (docs/benchmarks.md, twenty-third pass).
 * The table is ICU's (CLDR's) digits as `Intl.NumberFormat` gives them for a currency, held equal to
 * them for every code Intl knows by tests/shared/currency-digits.test.ts; any other code is 2.
 */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ...['AFN', 'ALL', 'BIF', 'CLP', 'COP', 'DJF', 'GNF', 'HUF', 'IDR', 'IQD', 'IRR', 'ISK', 'JPY', 'KMF', 'KPW', 'KRW', 'LAK', 'LBP', 'MGA', 'MMK', 'PKR', 'PYG', 'RWF', 'SLL', 'SOS', 'SYP', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF', 'YER'].map(
    (code) => [code, 0] as const,
  ),
  ...['BHD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((code) => [code, 3] as const),
]);

/** Decimal places of `currency`'s minor unit: DKK 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  return DIGITS.get(currency) ?? 2;
}
