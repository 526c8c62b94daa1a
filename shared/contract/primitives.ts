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

export const IdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A hotel-local calendar date, refusing impossible ones (2026-02-30). */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine(realDate, 'is not a real date');
/** A date or date-time; resolved in the hotel's zone by the service (a DST gap is refused there). */
export const DateTimeInputSchema = z.string().min(10, 'expected an ISO 8601 date or date-time').max(40);
/** Money in integer minor units (øre, cents). */
export const MoneySchema = z.number().int().nonnegative().max(100_000_000_00);
/**
 * Free text that goes into the database or a CSV cell. NUL bytes are refused here, in the contract,
 * so IPC and REST refuse them alike (they truncate strings in C libraries and spreadsheets).
 */
const noNul = (v: string) => !v.includes('\u0000');
export const TextSchema = (max: number) => z.string().max(max).refine(noNul, 'must not contain NUL characters');
export const NameSchema = (max: number, what: string) =>
  z.string().trim().min(1, `${what} is required`).max(max).refine(noNul, 'must not contain NUL characters');

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
  }, 'must be an http(s) URL');

export const MessageSchema = z.object({ message: z.string() });
/** What a desktop export reports: where the file went (null when the user cancelled the save dialog) and how many rows. */
export const ExportResultSchema = z.object({ path: z.string().nullable(), rows: z.number().int() });
/** A CSV export's own options: the delimiter Excel expects in the hotel's locale, and a BOM for Excel. */
export const CsvOptionsSchema = z.object({ delimiter: z.enum([',', ';']).default(','), bom: QueryBoolSchema.default(false) });
