/**
 * The building blocks every domain's schemas share: ids, dates, money, text that may go into the
 * database or a CSV cell, and the small answers (`{message}`, an export's result).
 */
import { z } from 'zod';
import { parseDate } from '../time';

const realDate = (s: string) => {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
};

/**
 * An id in a JSON body (and over IPC): a JSON number, never coerced (`true` is not room 1, `"7"` is
 * not 7).
 */
export const IdSchema = z
  .number({ error: 'expected a positive whole number such as 7' })
  .int('expected a positive whole number such as 7')
  .positive('expected a positive whole number such as 7')
  .max(Number.MAX_SAFE_INTEGER);

/** An id as it is written in a path or a query string: digits only, no sign, no leading zero. */
export const ID_TEXT_PATTERN = /^[1-9][0-9]{0,15}$/;
const ID_TEXT_MESSAGE = 'expected a positive whole number such as 7, written with digits only';
/**
 * An id in a path (`/stays/7`) or a query string (`?roomId=7`): exactly its digits, so `0x10`,
 * `1e1`, `+10`, `10.0` and ` 10` are refused rather than read as 16 or 10. A number is accepted too
 * (the same command over IPC).
 */
export const IdParamSchema = z.union(
  [IdSchema, z.string().regex(ID_TEXT_PATTERN).transform(Number).pipe(IdSchema)],
  { error: ID_TEXT_MESSAGE },
).meta({ description: 'A positive whole number, digits only (no sign, exponent, decimals or spaces).' });

/**
 * A whole number in a query string (`?limit=50`): digits only, an optional minus, within [min, max];
 * `1e3`, `10.0` and an empty `limit=` are refused. A number is accepted too (IPC).
 */
export function queryInt(min: number, max: number) {
  const bounded = z.number().int().min(min).max(max);
  return z.union([bounded, z.string().regex(/^(0|-?[1-9][0-9]{0,15})$/).transform(Number).pipe(bounded)], {
    error: `expected a whole number from ${min} to ${max}, written with digits only`,
  });
}

/** A hotel-local calendar date, refusing impossible ones (2026-02-30). */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(realDate, 'is not a real date')
  .meta({ format: 'date', description: 'A calendar date in the hotel\'s time zone, YYYY-MM-DD.' });
/** A date or date-time; resolved in the hotel's zone by the service (a DST gap is refused there). */
export const DateTimeInputSchema = z
  .string()
  .min(10, 'expected an ISO 8601 date or date-time')
  .max(40)
  .meta({
    description:
      'An ISO 8601 date (`2026-06-01`, the hotel\'s usual check-in or check-out time) or date-time (`2026-06-01T14:00:00`, ' +
      'read in the hotel\'s time zone unless it carries an offset). A wall time skipped by a DST change is refused.',
  });
/** An instant in an answer: ISO 8601 with the hotel's offset (`2026-06-01T14:00:00+02:00`). */
export const InstantSchema = z.string().meta({ format: 'date-time' });
/** A calendar date in an answer. */
export const DateOutSchema = z.string().meta({ format: 'date' });
/** Money in integer minor units (øre, cents). */
export const MoneySchema = z.number().int().nonnegative().max(100_000_000_00).meta({ description: 'Money in minor units (øre, cents): 89500 is 895.00.' });
/**
 * Free text that goes into the database or a CSV cell. NUL bytes are refused here, in the contract,
 * so IPC and REST refuse them alike (they truncate strings in C libraries and spreadsheets).
 */
const noNul = (v: string) => !v.includes('\u0000');
const NO_NUL = 'No NUL characters.';
export const TextSchema = (max: number) => z.string().max(max).refine(noNul, 'must not contain NUL characters').meta({ description: NO_NUL });
export const NameSchema = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max).refine(noNul, 'must not contain NUL characters').meta({ description: `Not blank; ${NO_NUL}` });

/** Query strings carry booleans as text. */
export const QueryBoolSchema = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

export const HttpUrlSchema = z
  .string()
  .max(500)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL')
  .meta({ format: 'uri', description: 'An http:// or https:// URL.' });

export const MessageSchema = z.object({ message: z.string() });
/** What a desktop export reports: where the file went (null when the user cancelled the save dialog) and how many rows. */
export const ExportResultSchema = z.object({ path: z.string().nullable(), rows: z.number().int() });
/** A CSV export's own options: the delimiter Excel expects in the hotel's locale, and a BOM for Excel. */
export const CsvOptionsSchema = z.object({ delimiter: z.enum([',', ';']).default(','), bom: QueryBoolSchema.default(false) });
