/**
 * Calendar and time-zone math for the hotel's IANA zone. Pure: no clock, no I/O; runs in main,
 * in the renderer and in tests alike. A zone's UTC offsets come from Intl unless the process gives
 * another source (`useZoneOffsets`: the Node processes read the tz database themselves,
 * core/time/tz-database.ts, to keep ICU out of their memory); every rule below is the same either way.
 *
 * **Never count nights as milliseconds / 86 400 000.** A night is a calendar date. Worked example in
 * Europe/Copenhagen, where summer time starts 2026-03-29 02:00 → 03:00:
 *   checkin 2026-03-28T14:00+01:00, checkout 2026-03-30T12:00+02:00 → 45 elapsed hours, 2 nights.
 * and where it ends 2026-10-25 03:00 → 02:00:
 *   checkin 2026-10-24T14:00+02:00, checkout 2026-10-26T12:00+01:00 → 47 elapsed hours, 2 nights.
 * `nightsBetween` counts the dates (day numbers), so both are 2.
 */
import { AppError } from './errors';

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface CivilDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic, no time zones involved). */
export function dayNumber(d: CivilDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

function checkCivil(d: CivilDateTime, text: string): void {
  const ok =
    d.year >= 1900 && d.year <= 2999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) &&
    d.hour >= 0 && d.hour <= 23 && d.minute >= 0 && d.minute <= 59 && d.second >= 0 && d.second <= 59;
  if (!ok) throw new AppError('VALIDATION', `${text} is not a real date`, { reason: 'time.notRealDate', params: { text } });
}

/** Parses `YYYY-MM-DD`, refusing impossible dates such as 2026-02-30. */
export function parseDate(text: string): CivilDate {
  const m = DATE_RE.exec(text);
  if (!m) throw new AppError('VALIDATION', `${text} is not a date (YYYY-MM-DD)`, { reason: 'time.notDate', params: { text } });
  const d = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: 0, minute: 0, second: 0 };
  checkCivil(d, text);
  return { year: d.year, month: d.month, day: d.day };
}

export function addDays(date: string, n: number): string {
  return formatDate(civilFromDayNumber(dayNumber(parseDate(date)) + n));
}

/** Nights between two local calendar dates (`YYYY-MM-DD`): a count of dates, DST-proof. */
export function nightsBetween(checkinDate: string, checkoutDate: string): number {
  return dayNumber(parseDate(checkoutDate)) - dayNumber(parseDate(checkinDate));
}

// ---------------------------------------------------------------------------------------------
// Zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a zone, straight from Intl (slow: ~µs a call). */
function civilViaIntl(instantMs: number, zone: string): CivilDateTime {
  const parts = formatterFor(zone).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The wall-clock date and time of an instant in a zone. */
export function toCivil(instantMs: number, zone: string): CivilDateTime {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const d = new Date(whole + offsetAt(whole, zone));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

function civilToUtcMs(c: CivilDateTime): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
}

function offsetViaIntl(wholeSecondMs: number, zone: string): number {
  return civilToUtcMs(civilViaIntl(wholeSecondMs, zone)) - wholeSecondMs;
}

/** A zone's UTC offset in ms at a whole second, or `undefined` for a zone the source does not know (Intl then answers). */
export type ZoneOffsetSource = (wholeSecondMs: number, zone: string) => number | undefined;

let zoneSource: ZoneOffsetSource | undefined;

/** Where the offsets come from from now on (`undefined`: Intl); what was cached from the last source is dropped. */
export function useZoneOffsets(source: ZoneOffsetSource | undefined): void {
  zoneSource = source;
  offsetCache.clear();
}

function zoneOffset(wholeSecondMs: number, zone: string): number {
  return zoneSource?.(wholeSecondMs, zone) ?? offsetViaIntl(wholeSecondMs, zone);
}

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_QUARTERS = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in ms at an instant (e.g. +3 600 000 for Copenhagen in winter).
 * Cached per zone and quarter hour, but only for a quarter hour whose first and last second have the
 * same offset: a quarter hour that holds a DST change (2026-03-29 01:00 UTC in Copenhagen) is always
 * asked of the source, so the cache can never hand out the offset from the wrong side of the change.
 * A booking resolves a dozen offsets; from Intl that is ~10 % of its time, from the cache ~nothing.
 */
export function offsetAt(instantMs: number, zone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const quarter = Math.floor(whole / QUARTER_HOUR_MS);
  let zoneCache = offsetCache.get(zone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(zone, zoneCache);
  }
  const cached = zoneCache.get(quarter);
  if (cached !== undefined) return cached;
  const offset = zoneOffset(whole, zone);
  const first = quarter * QUARTER_HOUR_MS;
  if (zoneOffset(first, zone) === offset && zoneOffset(first + QUARTER_HOUR_MS - 1000, zone) === offset) {
    if (zoneCache.size >= MAX_CACHED_QUARTERS) zoneCache.clear();
    zoneCache.set(quarter, offset);
  }
  return offset;
}

/**
 * The instant of a wall-clock time in a zone. A time that falls in the spring-forward gap (e.g.
 * 2026-03-29T02:30 in Europe/Copenhagen) does not exist and is refused; a time that occurs twice in
 * the autumn (02:30 on 2026-10-25) takes the earlier of the two, like Temporal's 'compatible'.
 */
export function localToInstant(c: CivilDateTime, zone: string): number {
  const wall = civilToUtcMs(c);
  const day = 86_400_000;
  // The instant under the offset of the day before and of the day after: whichever is valid, the earlier if both.
  const a = wall - offsetAt(wall - day, zone);
  const b = wall - offsetAt(wall + day, zone);
  const aValid = a + offsetAt(a, zone) === wall;
  const bValid = b !== a && b + offsetAt(b, zone) === wall;
  if (aValid) return bValid ? Math.min(a, b) : a;
  if (bValid) return b;
  throw new AppError('VALIDATION', `${formatDate(c)}T${pad(c.hour)}:${pad(c.minute)} does not exist in ${zone} (daylight saving time change)`, {
    reason: 'time.skippedByDst',
    params: { time: `${formatDate(c)} ${pad(c.hour)}:${pad(c.minute)}`, zone },
  });
}

/** `+02:00` for 7 200 000; a zone has a handful of offsets, each formatted once. */
const offsetTexts = new Map<number, string>();
function formatOffset(ms: number): string {
  let text = offsetTexts.get(ms);
  if (text === undefined) {
    const sign = ms < 0 ? '-' : '+';
    const mins = Math.round(Math.abs(ms) / 60_000);
    text = `${sign}${pad(Math.floor(mins / 60))}:${pad(mins % 60)}`;
    if (offsetTexts.size < 1000) offsetTexts.set(ms, text);
  }
  return text;
}

/** ISO 8601 with the zone's offset: `2026-03-30T12:00:00+02:00`. */
export function formatInstant(instantMs: number, zone: string): string {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const offset = offsetAt(whole, zone);
  // The wall time is the instant moved by the offset, written as if it were UTC: `toISOString` does
  // the calendar (years 0–9999, all a hotel meets; the rest the long way, as toCivil would).
  const wall = new Date(whole + offset).toISOString();
  if (wall.length === 24) return `${wall.slice(0, 19)}${formatOffset(offset)}`;
  const c = toCivil(instantMs, zone);
  return `${formatDate(c)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${formatOffset(offset)}`;
}

export interface ResolvedTime {
  /** UTC epoch milliseconds. */
  ms: number;
  /** ISO 8601 in the hotel's zone with its offset. */
  iso: string;
  /** The hotel-local calendar date, `YYYY-MM-DD`. */
  date: string;
}

/**
 * Reads an API date or date-time. Without an offset it is hotel-local wall time; a bare date takes
 * `defaultTime` (`HH:MM`, e.g. the 14:00 check-in). With `Z` or `±HH:MM` it is that exact instant.
 */
export function resolveTime(text: string, zone: string, defaultTime: string): ResolvedTime {
  const m = DATETIME_RE.exec(text.trim());
  if (!m) throw new AppError('VALIDATION', `${text} is not an ISO 8601 date or date-time`, { reason: 'time.notDateTime', params: { text } });
  const [dh, dm] = defaultTime.split(':').map(Number) as [number, number];
  const c: CivilDateTime = {
    year: +m[1]!, month: +m[2]!, day: +m[3]!,
    hour: m[4] === undefined ? dh : +m[4], minute: m[5] === undefined ? dm : +m[5], second: m[6] === undefined ? 0 : +m[6],
  };
  checkCivil(c, text);
  let ms: number;
  const off = m[7];
  if (off === undefined) {
    ms = localToInstant(c, zone);
  } else if (off === 'Z') {
    ms = civilToUtcMs(c);
  } else {
    const digits = off.replace(':', '');
    const offMinutes = Number(digits.slice(3, 5));
    const mins = Number(digits.slice(1, 3)) * 60 + offMinutes;
    if (offMinutes > 59 || mins > 14 * 60) throw new AppError('VALIDATION', `${text} has an impossible UTC offset`, { reason: 'time.badOffset', params: { text } });
    ms = civilToUtcMs(c) - (off[0] === '-' ? -1 : 1) * mins * 60_000;
  }
  const iso = formatInstant(ms, zone);
  return { ms, iso, date: iso.slice(0, 10) };
}

/** Today's hotel-local date. */
export function localDate(instantMs: number, zone: string): string {
  return formatDate(toCivil(instantMs, zone));
}

/** The instant a hotel-local date begins (00:00, or the first valid minute after a gap). */
export function startOfLocalDate(date: string, zone: string): number {
  const d = parseDate(date);
  for (let hour = 0; hour < 4; hour++) {
    try {
      return localToInstant({ ...d, hour, minute: 0, second: 0 }, zone);
    } catch {
      // midnight skipped by a DST change in some zones; take the next hour
    }
  }
  throw new AppError('VALIDATION', `${date} has no start in ${zone}`, { reason: 'time.noStartOfDay', params: { date, zone } });
}
