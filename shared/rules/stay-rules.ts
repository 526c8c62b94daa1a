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

// ---- the desk's rules (issue 10; docs/stays-rules.md) ----------------------------------------------

/** What a room block says: held back from sale, or out of order. Both keep the room off sale. */
export const BLOCK_KINDS = ['blocked', 'out_of_order'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** The hotel's rule for a stay that ends early: charge the nights booked, or only the nights used. */
export const DEPARTURE_PRICE_RULES = ['booked', 'used'] as const;
export type DeparturePriceRule = (typeof DEPARTURE_PRICE_RULES)[number];

/** The status an undo goes back to (the one transition that led to `status`), or undefined. */
export function previousStatus(status: StayStatus): StayStatus | undefined {
  switch (status) {
    case 'checked_in': return 'booked';
    case 'checked_out': return 'checked_in';
    case 'cancelled': return 'booked';
    case 'no_show': return 'booked';
    default: return undefined;
  }
}

export function canUndo(status: StayStatus): boolean {
  return previousStatus(status) !== undefined;
}

/**
 * The earliest moment a stay may be checked in: its arrival day, from `earlyMinutes` before the
 * check-in time, never before the day begins. E.g. arrival 2026-05-03T14:00, 120 minutes early →
 * 12:00 that day; 900 minutes → the day's start (00:00).
 */
export function earliestCheckIn(checkinMs: number, arrivalDayStartMs: number, earlyMinutes: number): number {
  return Math.max(arrivalDayStartMs, checkinMs - earlyMinutes * 60_000);
}

export interface DepartureQuote {
  /** The stay ends now (before its booked end): the remaining nights are freed. */
  early: boolean;
  /** When the stay ends: now if early, else its booked end. */
  endMs: number;
  bookedNights: number;
  /** Nights from arrival to the local date it ends (0 for a no-show marked on its arrival day). */
  usedNights: number;
  /** Nights the price counts under the hotel's rule. */
  chargedNights: number;
  bookedPrice: number;
  /** The price after the change. */
  price: number;
}

/**
 * What a check-out or a no-show does to a stay's nights and price. Ends before the booked departure
 * date free the rest: the stay then ends `nowMs`. Under rule `used` the price is the booked price
 * pro rata (`price × charged / booked`, rounded to the minor unit), so an agreed price keeps its
 * discount; a check-out counts at least one night (the room was used), a no-show the nights held
 * for the guest until it was marked. Worked example: 4 nights for 400 000, checked out on the 2nd
 * day → used 1 night; rule `used` → 100 000, rule `booked` → 400 000.
 */
export function departureQuote(
  stay: { checkinDate: string; checkoutDate: string; checkoutMs: number; nights: number; price: number },
  kind: 'check_out' | 'no_show',
  now: { ms: number; date: string },
  rule: DeparturePriceRule,
): DepartureQuote {
  const early = now.date < stay.checkoutDate && now.ms < stay.checkoutMs;
  const bookedNights = stay.nights;
  const used = early ? Math.max(0, Math.min(bookedNights, nightsBetween(stay.checkinDate, now.date))) : bookedNights;
  const chargedNights = rule === 'booked' || !early ? bookedNights : kind === 'check_out' ? Math.max(1, used) : used;
  const price = chargedNights === bookedNights || bookedNights === 0 ? stay.price : Math.round((stay.price * chargedNights) / bookedNights);
  return { early, endMs: early ? now.ms : stay.checkoutMs, bookedNights, usedNights: used, chargedNights, bookedPrice: stay.price, price };
}
