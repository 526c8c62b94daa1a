/** Money and dates in the hotel's currency and the desk's language, for components. */
import { useMemo } from 'react';
import { browserTimeZone } from '../format/browser-zone';
import { formatLongDate, formatShortDate, formatInstant } from '../format/dates';
import { formatMoney, moneyInputText, parseMoney } from '../format/money';
import { useHotelStore } from '../stores/hotel-store';
import { useIntlLocale } from './locale-store';

export interface Formats {
  locale: string;
  currency: string;
  timeZone: string;
  money(minor: number): string;
  moneyInput(minor: number): string;
  parseMoney(text: string): number | null;
  longDate(date: string): string;
  shortDate(date: string): string;
  instant(iso: string): string;
}

export function useFormats(): Formats {
  const locale = useIntlLocale();
  const currency = useHotelStore((s) => s.currency ?? 'DKK');
  const timeZone = useHotelStore((s) => s.timeZone ?? browserTimeZone());
  // Dates depend on the language only: the settings arriving (zone, currency) must not make every
  // board row re-render for a new `shortDate`.
  const dates = useMemo(() => {
    // The board asks for the same few dozen dates hundreds of times (every bar's title).
    const shortDates = new Map<string, string>();
    return {
      longDate: (date: string) => formatLongDate(date, locale),
      shortDate: (date: string) => {
        let text = shortDates.get(date);
        if (text === undefined) {
          text = formatShortDate(date, locale);
          shortDates.set(date, text);
        }
        return text;
      },
    };
  }, [locale]);
  return useMemo<Formats>(
    () => ({
      locale,
      currency,
      timeZone,
      money: (minor) => formatMoney(minor, currency, locale),
      moneyInput: (minor) => moneyInputText(minor, currency, locale),
      parseMoney: (text) => parseMoney(text, currency, locale),
      ...dates,
      instant: (iso) => formatInstant(iso, locale, timeZone),
    }),
    [locale, currency, timeZone, dates],
  );
}
