import { describe, expect, it } from 'vitest';
import { boardQuery, DEFAULT_DAYS, periodFromHash } from '../../../renderer/src/board/board-period';

describe('periodFromHash', () => {
  it('opens on the start and range the URL names', () => {
    expect(periodFromHash('#/board?from=2026-01-01&days=90')).toEqual({ from: '2026-01-01', days: 90 });
    expect(periodFromHash('#/board?days=30')).toEqual({ from: null, days: 30 });
  });

  it("opens on the hotel's today and the default range without them", () => {
    expect(periodFromHash('')).toEqual({ from: null, days: DEFAULT_DAYS });
    expect(periodFromHash('#/rooms')).toEqual({ from: null, days: DEFAULT_DAYS });
  });

  it('leaves out a start that is not a real date and a range the toolbar does not offer', () => {
    expect(periodFromHash('#/board?from=2026-02-30&days=45')).toEqual({ from: null, days: DEFAULT_DAYS });
    expect(periodFromHash('#/board?from=tomorrow&days=-1')).toEqual({ from: null, days: DEFAULT_DAYS });
    expect(periodFromHash('#/board?days=')).toEqual({ from: null, days: DEFAULT_DAYS });
    expect(periodFromHash('#/board?from=2026-02-29').from).toBeNull();
    expect(periodFromHash('#/board?from=2026-13-01').from).toBeNull();
    expect(periodFromHash('#/board?from=2026-5-01').from).toBeNull();
  });

  it('takes a leap day in a leap year', () => {
    expect(periodFromHash('#/board?from=2028-02-29').from).toBe('2028-02-29');
  });
});

describe('boardQuery', () => {
  it("asks for the period's start, or leaves it out for the hotel's today", () => {
    expect(boardQuery({ from: '2026-05-01', days: 14 })).toEqual({ from: '2026-05-01', days: 14 });
    expect(boardQuery({ from: null, days: 90 })).toEqual({ days: 90 });
  });
});
