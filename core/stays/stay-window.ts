/**
 * Reads the period of a stay or a block from the API's text: hotel-local unless an offset is given,
 * a bare date taking the hotel's check-in / check-out time. Pure apart from the settings passed in.
 */
import type { Settings } from '../../shared/contract/settings';
import { AppError } from '../../shared/errors';
import { stayNights } from '../../shared/rules/stay-rules';
import { nightsBetween, resolveTime, startOfLocalDate, type ResolvedTime } from '../../shared/time';

export interface StayWindow {
  checkin: ResolvedTime;
  checkout: ResolvedTime;
  nights: number;
}

function resolveOrdered(settings: Settings, startText: string, endText: string, labels: [string, string]) {
  const start = resolveTime(startText, settings.timeZone, settings.checkinTime);
  const end = resolveTime(endText, settings.timeZone, settings.checkoutTime);
  // Dates alone can mislead where a DST change falls at midnight; the instants decide.
  if (end.ms <= start.ms) throw new AppError('VALIDATION', `${labels[1]} must be after ${labels[0]}`, { reason: 'stays.endBeforeStart' });
  return { start, end };
}

/**
 * A stay's window: e.g. "2026-03-28" → "2026-03-30" in Europe/Copenhagen is
 * 2026-03-28T14:00:00+01:00 → 2026-03-30T12:00:00+02:00, 2 nights (45 hours, across summer time).
 */
export function resolveStayWindow(settings: Settings, checkinText: string, checkoutText: string): StayWindow {
  const { start, end } = resolveOrdered(settings, checkinText, checkoutText, ['checkin', 'checkout']);
  return { checkin: start, checkout: end, nights: stayNights(start.date, end.date, settings.maxStayNights) };
}

/**
 * A block's window, with the stays' defaults so "2026-05-01" → "2026-05-03" covers the nights of the
 * 1st and the 2nd and leaves the room free for a 14:00 arrival on the 3rd. No length limit: a
 * renovation may take months (the block queries need no length bound).
 */
export function resolveBlockWindow(settings: Settings, fromText: string, toText: string): StayWindow {
  const { start, end } = resolveOrdered(settings, fromText, toText, ['from', 'to']);
  const nights = nightsBetween(start.date, end.date);
  if (nights < 1) throw new AppError('VALIDATION', 'to must be after from (at least one night)', { reason: 'stays.atLeastOneNight' });
  return { checkin: start, checkout: end, nights };
}

/** Local dates `[from, to)` as instants for range filters; either end may be open. */
export function localRangeMs(zone: string, from?: string, to?: string): { fromMs?: number; toMs?: number } {
  if (from !== undefined && to !== undefined && to <= from) {
    throw new AppError('VALIDATION', `to (${to}) must be after from (${from})`, { reason: 'stays.rangeOrder', params: { from, to } });
  }
  return {
    fromMs: from === undefined ? undefined : startOfLocalDate(from, zone),
    toMs: to === undefined ? undefined : startOfLocalDate(to, zone),
  };
}
