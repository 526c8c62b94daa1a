/**
 * The rules of a stay, as plain functions: no I/O, no clock. The services call these inside their
 * transactions; the renderer calls the same ones to show a price or hide an illegal action.
 */
import { AppError } from '../errors';
import { nightsBetween } from '../time';

export const STAY_STATUSES = ['booked', 'checked_in', 'checked_out', 'cancelled', 'no_show'] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];

/**
 * Statuses that hold the room. A cancelled stay or a no-show frees it (the desk can re-let the room
 * the same evening); a checked-out stay keeps its place in the history.
 * **Keep in step with the partial index `stays_occupancy_idx` in db/schema.ts.**
 */
export const OCCUPYING_STATUSES = ['booked', 'checked_in', 'checked_out'] as const satisfies readonly StayStatus[];

export type StayAction = 'check_in' | 'check_out' | 'cancel' | 'no_show' | 'move' | 'change_dates';

const transitions: Record<StayAction, { from: readonly StayStatus[]; to?: StayStatus }> = {
  check_in: { from: ['booked'], to: 'checked_in' },
  check_out: { from: ['checked_in'], to: 'checked_out' },
  cancel: { from: ['booked'], to: 'cancelled' },
  no_show: { from: ['booked'], to: 'no_show' },
  // A guest in the house can still change rooms or extend; a closed stay cannot change.
  move: { from: ['booked', 'checked_in'] },
  change_dates: { from: ['booked', 'checked_in'] },
};

export function canApply(action: StayAction, status: StayStatus): boolean {
  return transitions[action].from.includes(status);
}

/** The status after `action`, or an ILLEGAL_TRANSITION error naming what was refused. */
export function applyAction(action: StayAction, status: StayStatus): StayStatus {
  if (!canApply(action, status)) {
    throw new AppError('ILLEGAL_TRANSITION', `Cannot ${action.replace('_', ' ')} a stay that is ${status.replace('_', ' ')}`, {
      reason: 'stays.illegalTransition',
      params: { action, status },
    });
  }
  return transitions[action].to ?? status;
}

export function occupies(status: StayStatus): boolean {
  return (OCCUPYING_STATUSES as readonly StayStatus[]).includes(status);
}

/** Half-open intervals `[aStart, aEnd)` and `[bStart, bEnd)` overlap iff each starts before the other ends. */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * Checks a stay's local dates and returns its nights. A same-day turnover is legal: one guest leaves
 * 2026-05-03 at 12:00 and the next arrives 2026-05-03 at 14:00 (the intervals only touch).
 */
export function stayNights(checkinDate: string, checkoutDate: string, maxNights: number): number {
  const nights = nightsBetween(checkinDate, checkoutDate);
  if (nights < 1) throw new AppError('VALIDATION', 'checkout must be after checkin (at least one night)', { reason: 'stays.atLeastOneNight' });
  if (nights > maxNights) throw new AppError('VALIDATION', `A stay can be at most ${maxNights} nights`, { reason: 'stays.tooLong', params: { n: maxNights } });
  return nights;
}

/** Price in minor units: nights × nightly rate, unless the desk gave one. */
export function stayPrice(nights: number, nightlyRate: number, override?: number | null): number {
  return override ?? nights * nightlyRate;
}

/** Seed 000's `isbooking`: 1 while the booking is live, 0 once cancelled or a no-show. */
export function isBooking(status: StayStatus): 0 | 1 {
  return status === 'cancelled' || status === 'no_show' ? 0 : 1;
}

/**
 * The price after a move or new dates, as the user chose (issue 10 item 6): `keep` the agreed
 * price, or `reprice` at nights × nightly rate. Worked example: a 3-night stay agreed at 2 400.00
 * moved to a 1 195.00 room → keep 2 400.00, reprice 3 585.00.
 */
export function chosenPrice(agreed: number, nights: number, nightlyRate: number, pricing: 'keep' | 'reprice'): number {
  return pricing === 'keep' ? agreed : stayPrice(nights, nightlyRate);
}
