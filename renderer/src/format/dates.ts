/**
 * Calendar dates (`YYYY-MM-DD`, hotel-local) and instants as text for the UI. A calendar date is
 * formatted at UTC noon in UTC, so the browser's own zone can never shift it to the previous day.
 */
import { parseDate } from '../../../shared/time';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function noonUtc(date: string): Date {
  const d = parseDate(date);
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
}

/** Day of week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return noonUtc(date).getUTCDay();
}

/** "man. 4. maj 2026" / "Mon 4 May 2026". */
export function formatLongDate(date: string, locale: string): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noonUtc(date));
}

/** "4. maj" / "4 May". */
export function formatShortDate(date: string, locale: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(noonUtc(date));
}

const headerParts = new Map<string, string>();

/**
 * The parts of a board column header: weekday "man." and day-of-month "4." (da) / "4" (en). Each
 * weekday and day-of-month is formatted once per language: a 90-day header asks 180 times.
 */
export function formatDayHeader(date: string, locale: string): { weekday: string; day: string } {
  const d = noonUtc(date);
  const part = (key: string, options: Intl.DateTimeFormatOptions) => {
    let text = headerParts.get(key);
    if (text === undefined) {
      text = dateFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
      headerParts.set(key, text);
    }
    return text;
  };
  return {
    weekday: part(`${locale}|w${d.getUTCDay()}`, { weekday: 'short' }),
    day: part(`${locale}|d${d.getUTCDate()}`, { day: 'numeric' }),
  };
}

/** "maj 2026" / "May 2026", for the month band above the day columns. */
export function formatMonth(date: string, locale: string): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noonUtc(date));
}

/** An ISO instant with offset shown as the hotel's wall time: "4. maj 2026 14.00". */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  try {
    return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(ms));
  } catch {
    return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  }
}
