import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { offsetFromTable, openTzDatabase, unpackBase60, unpackZone } from '../../../core/time/tz-database';
import { formatInstant, localToInstant, offsetAt, useZoneOffsets } from '../../../shared/time';

/** The zone's offset as Intl gives it (the renderer's source, and the reference here). */
function intlOffset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
}

const tz = openTzDatabase();
const H = 3_600_000;

// Summer time both ways of the equator, half- and quarter-hour offsets, Lord Howe's half-hour shift,
// Ramadan in Casablanca, Dublin's negative summer time, zones that stopped changing (São Paulo 2019,
// Istanbul 2016), Samoa's skipped day (2011), aliases and UTC.
const ZONES = [
  'Europe/Copenhagen', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Calcutta',
  'Asia/Kathmandu', 'Pacific/Chatham', 'Africa/Casablanca', 'Europe/Dublin', 'America/Sao_Paulo', 'Europe/Istanbul',
  'Pacific/Apia', 'Europe/Kyiv', 'America/St_Johns', 'Atlantic/Faroe', 'UTC',
];

describe('the tz database (moment-timezone\'s packed data)', () => {
  afterEach(() => useZoneOffsets(undefined));

  it('reads base-60 numbers as the packed format writes them', () => {
    expect(unpackBase60('0')).toBe(0);
    expect(unpackBase60('-10')).toBe(-60);
    expect(unpackBase60('1a')).toBe(70);
    expect(unpackBase60('-R.s')).toBeCloseTo(-(53 + 28 / 60), 10);
  });

  it('gives every zone the offsets Intl gives, a second before, at and after each change from 1970 to 2040, and at noon each month', () => {
    let compared = 0;
    for (const zone of ZONES) {
      const start = Date.UTC(1970, 0, 1);
      const end = Date.UTC(2040, 0, 1);
      const instants: number[] = [];
      for (let y = 1970; y < 2040; y++) for (let m = 0; m < 12; m++) instants.push(Date.UTC(y, m, 15, 12));
      // The changes: where the offset a minute apart differs, found hour by hour then to the second.
      let before = tz.offsets(start, zone)!;
      for (let t = start + H; t < end; t += H) {
        const now = tz.offsets(t, zone)!;
        if (now !== before) {
          let lo = t - H;
          let hi = t;
          while (hi - lo > 1000) {
            const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
            if (tz.offsets(mid, zone) === before) lo = mid;
            else hi = mid;
          }
          instants.push(hi - 1000, hi, hi + 1000);
          before = now;
        }
      }
      for (const t of instants) {
        expect(tz.offsets(t, zone), `${zone} at ${new Date(t).toISOString()}`).toBe(intlOffset(t, zone));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(ZONES.length * 840);
  });

  it('goes on past the data (2499) by the 400-year cycle, and keeps a zone that no longer changes at its last offset', () => {
    for (const [zone, summer, winter] of [['Europe/Copenhagen', 2 * H, H], ['America/New_York', -4 * H, -5 * H]] as const) {
      for (const year of [2600, 2999]) {
        expect(tz.offsets(Date.UTC(year, 6, 1), zone), `${zone} ${year}`).toBe(summer);
        expect(tz.offsets(Date.UTC(year, 0, 15), zone), `${zone} ${year}`).toBe(winter);
        expect(tz.offsets(Date.UTC(year, 6, 1), zone)).toBe(intlOffset(Date.UTC(year, 6, 1), zone));
      }
    }
    expect(tz.offsets(Date.UTC(2999, 6, 1), 'Asia/Kolkata')).toBe(5.5 * H);
    expect(tz.offsets(Date.UTC(2999, 6, 1), 'America/Sao_Paulo')).toBe(-3 * H);
  });

  it('knows its release, and answers nothing for a zone it does not hold (Intl then answers)', () => {
    expect(tz.version).toMatch(/^\d{4}[a-z]$/);
    expect(tz.offsets(0, 'Mars/Olympus_Mons')).toBeUndefined();
  });

  it('leaves shared/time.ts with the same answers as Intl across a change, in both directions', () => {
    const spring = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 };
    const autumn = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
    const intl = [formatInstant(Date.UTC(2026, 2, 29, 1), 'Europe/Copenhagen'), localToInstant(autumn, 'Europe/Copenhagen'), offsetAt(Date.UTC(2026, 9, 25, 0, 59, 59), 'Europe/Copenhagen')];
    useZoneOffsets(tz.offsets);
    expect([formatInstant(Date.UTC(2026, 2, 29, 1), 'Europe/Copenhagen'), localToInstant(autumn, 'Europe/Copenhagen'), offsetAt(Date.UTC(2026, 9, 25, 0, 59, 59), 'Europe/Copenhagen')]).toEqual(intl);
    expect(() => localToInstant(spring, 'Europe/Copenhagen')).toThrow(/does not exist/);
  });

  it('reads a table to the second, with a zone\'s first offset before its first change', () => {
    const table = unpackZone('Test/Zone|LMT A B|-R.s -10 -20|0121|-1 1 1|0');
    expect(offsetFromTable(table, -2 * 60_000)).toBe(Math.round((53 + 28 / 60) * 60) * 1000);
    expect(offsetFromTable(table, -60_000)).toBe(H);
    expect(offsetFromTable(table, 0)).toBe(2 * H);
    expect(offsetFromTable(table, 60_000)).toBe(H);
  });

  it('reads another file when given one, and a file it cannot read throws to its caller', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tzdb-'));
    try {
      const file = join(dir, 'tz.json');
      writeFileSync(file, JSON.stringify({ version: '2000a', zones: ['Test/Zone|A|-10|0||0'], links: ['Test/Zone|Test/Alias'] }));
      const own = openTzDatabase(file);
      expect(own.offsets(0, 'Test/Alias')).toBe(H);
      expect(own.version).toBe('2000a');
      expect(() => openTzDatabase(join(dir, 'missing.json')).offsets(0, 'UTC')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
