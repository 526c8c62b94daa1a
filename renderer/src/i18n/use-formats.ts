/** Money and dates in the hotel's currency and the desk's language, for components. */
import { useMemo } from 'react';
import { formatLongDate, formatShortDate, formatInstant } from '../format/dates';
import { formatMoney, moneyInputText, parseMoney } from '../format/money';
import { useSettingsStore } from '../stores/settings-store';
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

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useFormats(): Formats {
  const locale = useIntlLocale();
  const currency = useSettingsStore((s) => s.settings?.currency ?? 'DKK');
  const timeZone = useSettingsStore((s) => s.settings?.timeZone ?? browserZone);
  return useMemo<Formats>(
    () => ({
      locale,
      currency,
      timeZone,
      money: (minor) => formatMoney(minor, currency, locale),
      moneyInput: (minor) => moneyInputText(minor, currency, locale),
      parseMoney: (text) => parseMoney(text, currency, locale),
      longDate: (date) => formatLongDate(date, locale),
      shortDate: (date) => formatShortDate(date, locale),
      instant: (iso) => formatInstant(iso, locale, timeZone),
    }),
    [locale, currency, timeZone],
  );
}
