/**
 * Which period the board opens on: the URL may name it (`#/board?from=2026-05-01&days=90`), else
 * the hotel's today, which the host fills in when the first request leaves `from` out. Pure and
 * small: the boot script asks for that board before the app is loaded, so this file imports
 * nothing the lazily loaded screens share (rolldown would split it into a chunk of its own that
 * the boot script then waits for: +13 ms until the board request leaves, benchmark 5).
 */
import { hashOptions } from '../stores/location-hash';

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

/** `2026-02-29` is not a real date, `2028-02-29` is: the day must survive a round trip through UTC. */
function realDate(text: string | null): string | null {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!m) return null;
  const day = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return day.getUTCFullYear() === +m[1]! && day.getUTCMonth() === +m[2]! - 1 && day.getUTCDate() === +m[3]! ? text : null;
}
