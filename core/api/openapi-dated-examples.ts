/**
 * "Try it out" works on any day (issue 18 item 5): the contract's examples are written as if the
 * first day they book were Monday `EXAMPLE_FIRST_DAY`; as the document is served, every date in
 * the operations' examples moves by whole weeks, so that day becomes the first Monday from tomorrow
 * on in the hotel's zone. Whole weeks keep the weekdays (a provider's Monday hours stay a Monday's)
 * and the distances between dates (a stay's nights, a rental's days). Worked example: served on
 * Monday 2026-11-23, the shift is 182 days (26 weeks): `2026-06-01` → `2026-11-30`,
 * `2026-06-04T12:00:00` → `2026-12-03T12:00:00`, and a filter's `2026-05-01` → `2026-10-30`.
 * The cached document is never changed: @fastify/swagger-ui hands each request a deep copy.
 */
import { addDays, dayNumber, parseDate } from '../../shared/time';

export const EXAMPLE_FIRST_DAY = '2026-06-01';

/** Days to add to an example's dates when the hotel's today is `today` (a multiple of 7, maybe negative). */
export function exampleShiftDays(today: string): number {
  const behind = dayNumber(parseDate(addDays(today, 1))) - dayNumber(parseDate(EXAMPLE_FIRST_DAY));
  return Math.ceil(behind / 7) * 7;
}

/** A date or date-time text at its start (`2026-06-01`, `2026-06-01T14:00:00+02:00`): only such values move. */
const DATED = /^(\d{4}-\d{2}-\d{2})((?:[T ].*)?)$/s;

/** The example with each of its dates `days` later. */
export function shiftExample(value: unknown, days: number): unknown {
  if (typeof value === 'string') {
    const m = DATED.exec(value);
    if (!m) return value;
    try {
      return addDays(m[1]!, days) + m[2]!;
    } catch {
      return value; // not a real date: leave it as written
    }
  }
  if (Array.isArray(value)) return value.map((v) => shiftExample(v, days));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftExample(v, days)]));
  }
  return value;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Moves the examples a request is made from: each parameter's and each request body's. */
function shiftHolder(holder: Json, days: number): void {
  if ('example' in holder) holder.example = shiftExample(holder.example, days);
  if (isObject(holder.examples)) {
    for (const ex of Object.values(holder.examples)) if (isObject(ex) && 'value' in ex) ex.value = shiftExample(ex.value, days);
  }
}

/** The served document (a copy), its request examples dated from the hotel's `today` on. */
export function withExamplesDated(document: Json, today: string): Json {
  const days = exampleShiftDays(today);
  if (days === 0) return document;
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op)) continue;
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) if (isObject(p)) shiftHolder(p, days);
      const content = isObject(op.requestBody) && isObject(op.requestBody.content) ? op.requestBody.content : {};
      for (const media of Object.values(content)) if (isObject(media)) shiftHolder(media, days);
    }
  }
  return document;
}
