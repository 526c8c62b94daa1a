import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  addDays,
  civilFromDayNumber,
  toCivil,
  dayNumber,
  formatInstant,
  localDate,
  nightsBetween,
  parseDate,
  resolveTime,
  startOfLocalDate,
} from '../../shared/time';

const CPH = 'Europe/Copenhagen';
const HOUR = 3_600_000;

function validationMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    return (e as AppError).message;
  }
  throw new Error('expected a VALIDATION error');
}

describe('a stay across the spring DST change (2026-03-29 02:00 → 03:00 in Copenhagen)', () => {
  const checkin = resolveTime('2026-03-28', CPH, '14:00');
  const checkout = resolveTime('2026-03-30', CPH, '12:00');

  it('carries each side its own offset', () => {
    expect(checkin.iso).toBe('2026-03-28T14:00:00+01:00');
    expect(checkout.iso).toBe('2026-03-30T12:00:00+02:00');
  });

  it('is 45 hours but 2 nights', () => {
    expect(checkout.ms - checkin.ms).toBe(45 * HOUR);
    expect(nightsBetween(checkin.date, checkout.date)).toBe(2);
  });

  it('refuses 02:30, which does not exist that night', () => {
    expect(validationMessage(() => resolveTime('2026-03-29T02:30', CPH, '14:00'))).toMatch(/does not exist in Europe\/Copenhagen/);
  });

  it('starts the day at midnight, an hour before the change', () => {
    expect(startOfLocalDate('2026-03-29', CPH)).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(startOfLocalDate('2026-03-30', CPH) - startOfLocalDate('2026-03-29', CPH)).toBe(23 * HOUR);
  });
});

describe('a stay across the autumn DST change (2026-10-25 03:00 → 02:00 in Copenhagen)', () => {
  const checkin = resolveTime('2026-10-24', CPH, '14:00');
  const checkout = resolveTime('2026-10-26', CPH, '12:00');

  it('carries each side its own offset', () => {
    expect(checkin.iso).toBe('2026-10-24T14:00:00+02:00');
    expect(checkout.iso).toBe('2026-10-26T12:00:00+01:00');
  });

  it('is 47 hours but 2 nights', () => {
    expect(checkout.ms - checkin.ms).toBe(47 * HOUR);
    expect(nightsBetween(checkin.date, checkout.date)).toBe(2);
  });

  it('reads the twice-occurring 02:30 as the earlier one (summer time)', () => {
    const t = resolveTime('2026-10-25T02:30', CPH, '14:00');
    expect(t.iso).toBe('2026-10-25T02:30:00+02:00');
    expect(t.ms).toBe(Date.parse('2026-10-25T00:30:00Z'));
    // One hour later the clock shows 02:30 again, in winter time.
    expect(formatInstant(t.ms + HOUR, CPH)).toBe('2026-10-25T02:30:00+01:00');
  });

  it('has a 25-hour day', () => {
    expect(startOfLocalDate('2026-10-26', CPH) - startOfLocalDate('2026-10-25', CPH)).toBe(25 * HOUR);
  });
});

describe('resolveTime', () => {
  it('takes the default time for a bare date and hotel-local time without an offset', () => {
    expect(resolveTime('2026-05-01', CPH, '14:00').iso).toBe('2026-05-01T14:00:00+02:00');
    expect(resolveTime('2026-05-01T09:15', CPH, '14:00').iso).toBe('2026-05-01T09:15:00+02:00');
    expect(resolveTime('2026-05-01 09:15:30', CPH, '14:00').iso).toBe('2026-05-01T09:15:30+02:00');
  });

  it('takes an explicit offset as that exact instant and answers in the hotel zone', () => {
    const utc = resolveTime('2026-05-01T14:00:00Z', CPH, '14:00');
    expect(utc.ms).toBe(Date.parse('2026-05-01T14:00:00Z'));
    expect(utc.iso).toBe('2026-05-01T16:00:00+02:00');
    expect(resolveTime('2026-05-01T14:00:00-05:00', CPH, '14:00').iso).toBe('2026-05-01T21:00:00+02:00');
    expect(resolveTime('2026-05-01T23:30:00-01:00', CPH, '14:00').date).toBe('2026-05-02');
  });

  it('refuses impossible dates, times, offsets and garbage', () => {
    expect(validationMessage(() => resolveTime('2026-02-30', CPH, '14:00'))).toMatch(/not a real date/);
    expect(validationMessage(() => resolveTime('2026-05-01T24:00', CPH, '14:00'))).toMatch(/not a real date/);
    expect(validationMessage(() => resolveTime('2026-05-01T14:00+15:00', CPH, '14:00'))).toMatch(/impossible UTC offset/);
    expect(validationMessage(() => resolveTime('2026-05-01T14:00+01:99', CPH, '14:00'))).toMatch(/impossible UTC offset/);
    expect(validationMessage(() => resolveTime('next friday', CPH, '14:00'))).toMatch(/not an ISO 8601/);
  });
});

describe('calendar dates', () => {
  it('refuses 2026-02-30 and 2026-02-29, accepts the leap day 2028-02-29', () => {
    expect(validationMessage(() => parseDate('2026-02-30'))).toMatch(/not a real date/);
    expect(validationMessage(() => parseDate('2026-02-29'))).toMatch(/not a real date/);
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(resolveTime('2028-02-29', CPH, '14:00').iso).toBe('2028-02-29T14:00:00+01:00');
  });

  it('counts nights over month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(nightsBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(nightsBetween('2026-02-28', '2026-03-01')).toBe(1);
  });

  it('maps day numbers both ways', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    for (let n = dayNumber({ year: 1999, month: 12, day: 1 }); n < dayNumber({ year: 2030, month: 1, day: 1 }); n += 17) {
      expect(dayNumber(civilFromDayNumber(n))).toBe(n);
    }
  });

  it("gives the hotel's local date of an instant", () => {
    expect(localDate(Date.parse('2026-05-01T21:59:00Z'), CPH)).toBe('2026-05-01');
    expect(localDate(Date.parse('2026-05-01T22:00:00Z'), CPH)).toBe('2026-05-02');
  });
});

describe('the cached zone offsets agree with Intl around every DST change', () => {
  // An independent reading of the wall clock, straight from Intl, to compare the cache against.
  const wallClock = (ms: number, zone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  };
  const cases: [string, string][] = [
    ['Europe/Copenhagen', '2026-03-29T00:00:00Z'],
    ['Europe/Copenhagen', '2026-10-25T00:00:00Z'],
    ['America/St_Johns', '2026-03-08T03:00:00Z'], // -03:30, DST at 02:00 local
    ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'], // +11:00 → +10:30: a 30-minute change
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45, no DST
  ];

  it.each(cases)('%s around %s, minute by minute, cold and warm cache', (zone, around) => {
    const start = Date.parse(around) - 3 * 3_600_000;
    for (let pass = 0; pass < 2; pass++) {
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000 + 7_000) {
        expect(toCivil(ms, zone)).toEqual(wallClock(ms, zone));
      }
    }
  });

  // formatInstant writes the wall time through Date's own calendar; it must say what Intl says.
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const offsetText = (ms: number) => `${ms < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(ms) / 3_600_000))}:${pad(Math.round(Math.abs(ms) / 60_000) % 60)}`;
  it.each(cases)('formatInstant in %s around %s, minute by minute: the wall clock and its offset', (zone, around) => {
    const start = Date.parse(around) - 3 * 3_600_000;
    for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000 + 7_321) {
      const w = wallClock(ms, zone);
      const whole = Math.floor(ms / 1000) * 1000;
      const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
      expect(formatInstant(ms, zone)).toBe(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetText(offset)}`);
    }
  });

  it('formatInstant writes four-digit years outside what Date writes so, as toCivil reads them', () => {
    expect(formatInstant(Date.UTC(10_000, 0, 1, 12), 'UTC')).toBe('10000-01-01T12:00:00+00:00');
    expect(formatInstant(Date.UTC(999, 5, 1, 12), 'UTC')).toBe('0999-06-01T12:00:00+00:00');
  });
});
