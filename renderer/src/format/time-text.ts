/**
 * A time of day as the desk types and reads it: 24-hour `14:00` in Danish and in the desk's English
 * (en-GB), never the browser's `02:00 PM`. Typed also as `14`, `1400`, `14.00`, `9:30`, `930`.
 * Pure: tested in Node.
 */
export type TimeLang = 'da' | 'en';

const pad = (n: number) => String(n).padStart(2, '0');

/** What was typed, as `HH:MM`, or null when it is not a whole, real time of day. */
export function parseTimeText(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** The field's placeholder: the pattern to type. */
export function timePattern(lang: TimeLang): string {
  return lang === 'da' ? 'tt:mm' : 'hh:mm';
}

/** The times a picker offers: every `step` minutes from `from` up to and including `to` (`HH:MM`). */
export function timesOfDay(step = 30, from = '00:00', to = '23:59'): string[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const times: string[] = [];
  for (let m = minutes(from); m <= minutes(to); m += step) times.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  return times;
}

/** The offered time nearest to `value` (the one the list opens on), or null for an empty list. */
export function nearestTime(times: readonly string[], value: string): string | null {
  if (times.length === 0) return null;
  const parsed = parseTimeText(value);
  if (!parsed) return null;
  return times.reduce((best, t) => (Math.abs(cmp(t, parsed)) < Math.abs(cmp(best, parsed)) ? t : best));
}

function cmp(a: string, b: string): number {
  return Number(a.slice(0, 2)) * 60 + Number(a.slice(3, 5)) - (Number(b.slice(0, 2)) * 60 + Number(b.slice(3, 5)));
}
