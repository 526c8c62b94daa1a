import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  applyAction,
  canApply,
  isBooking,
  OCCUPYING_STATUSES,
  occupies,
  overlaps,
  STAY_STATUSES,
  stayNights,
  stayPrice,
  type StayAction,
  type StayStatus,
} from '../../../shared/rules/stay-rules';

describe('overlaps (half-open intervals)', () => {
  it('sees any shared moment', () => {
    expect(overlaps(0, 10, 5, 15)).toBe(true);
    expect(overlaps(5, 15, 0, 10)).toBe(true);
    expect(overlaps(0, 10, 2, 3)).toBe(true);
    expect(overlaps(2, 3, 0, 10)).toBe(true);
    expect(overlaps(0, 10, 0, 10)).toBe(true);
  });

  it('lets touching intervals pass: one ends exactly when the other starts', () => {
    expect(overlaps(0, 10, 10, 20)).toBe(false);
    expect(overlaps(10, 20, 0, 10)).toBe(false);
  });

  it('lets apart intervals pass', () => {
    expect(overlaps(0, 10, 11, 20)).toBe(false);
    expect(overlaps(11, 20, 0, 10)).toBe(false);
  });
});

/** Every (action, status) pair and whether it is legal, with the status it leads to. */
const LEGAL: Record<StayAction, Partial<Record<StayStatus, StayStatus>>> = {
  check_in: { booked: 'checked_in' },
  check_out: { checked_in: 'checked_out' },
  cancel: { booked: 'cancelled' },
  no_show: { booked: 'no_show' },
  move: { booked: 'booked', checked_in: 'checked_in' },
  change_dates: { booked: 'booked', checked_in: 'checked_in' },
};

describe('stay transitions', () => {
  for (const action of Object.keys(LEGAL) as StayAction[]) {
    for (const status of STAY_STATUSES) {
      const to = LEGAL[action][status];
      if (to) {
        it(`${action} from ${status} → ${to}`, () => {
          expect(canApply(action, status)).toBe(true);
          expect(applyAction(action, status)).toBe(to);
        });
      } else {
        it(`${action} from ${status} is refused`, () => {
          expect(canApply(action, status)).toBe(false);
          let error: unknown;
          try {
            applyAction(action, status);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('ILLEGAL_TRANSITION');
          expect((error as AppError).message).toContain(status.replace('_', ' '));
        });
      }
    }
  }
});

describe('occupancy and seed 000 isbooking', () => {
  it('booked, checked in and checked out hold the room; cancelled and no-show free it', () => {
    expect(STAY_STATUSES.filter(occupies)).toEqual(['booked', 'checked_in', 'checked_out']);
    expect([...OCCUPYING_STATUSES]).toEqual(['booked', 'checked_in', 'checked_out']);
  });

  it('isbooking is 0 only for cancelled and no-show', () => {
    expect(STAY_STATUSES.map((s) => [s, isBooking(s)])).toEqual([
      ['booked', 1], ['checked_in', 1], ['checked_out', 1], ['cancelled', 0], ['no_show', 0],
    ]);
  });
});

describe('stayNights and stayPrice', () => {
  it('counts dates and allows a same-day turnover', () => {
    expect(stayNights('2026-05-01', '2026-05-03', 90)).toBe(2);
    expect(stayNights('2026-05-03', '2026-05-04', 90)).toBe(1);
  });

  it('refuses zero or negative nights and more than the maximum', () => {
    expect(() => stayNights('2026-05-03', '2026-05-03', 90)).toThrow(/at least one night/);
    expect(() => stayNights('2026-05-04', '2026-05-03', 90)).toThrow(/at least one night/);
    expect(() => stayNights('2026-05-01', '2026-05-12', 10)).toThrow(/at most 10 nights/);
    expect(stayNights('2026-05-01', '2026-05-11', 10)).toBe(10);
  });

  it('prices nights × rate unless the desk gave a price (even 0)', () => {
    expect(stayPrice(3, 119_500)).toBe(358_500);
    expect(stayPrice(3, 119_500, 300_000)).toBe(300_000);
    expect(stayPrice(3, 119_500, 0)).toBe(0);
  });
});
