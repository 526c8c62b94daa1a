/**
 * Which period the board opens on: the URL may name it (`#/board?from=2026-05-01&days=90`), else
 * the hotel's today, which the host fills in when the first request leaves `from` out. Pure and
 * small: the boot script asks for that board before the app is loaded.
 */
import { parseDate } from '../../../shared/time';
import { hashOptions } from '../app/location-hash';

/** The ranges the toolbar offers, in days. */
export const RANGE_CHOICES = [7, 14, 30, 60, 90] as const;
export const DEFAULT_DAYS = 14;

export interface BoardPeriod {
  /** First day shown; null for the hotel's today. */
  from: string | null;
  days: number;
}

/** The period in the URL hash: a real date and one of the toolbar's ranges are taken, anything else is left out. */
export function periodFromHash(hash: string): BoardPeriod {
  const options = hashOptions(hash);
  const days = Number(options.get('days'));
  return { from: realDate(options.get('from')), days: (RANGE_CHOICES as readonly number[]).includes(days) ? days : DEFAULT_DAYS };
}

/** The `board:get` input for a period: without `from` the host answers with the hotel's today. */
export function boardQuery(period: BoardPeriod): { from?: string; days: number } {
  return period.from ? { from: period.from, days: period.days } : { days: period.days };
}

function realDate(text: string | null): string | null {
  if (!text) return null;
  try {
    parseDate(text);
    return text;
  } catch {
    return null;
  }
}
