/**
 * The building blocks every domain's schemas share: ids, dates, money, text that may go into the
 * database or a CSV cell, and the small answers (`{message}`, an export's result).
 */
import { z } from 'zod';
import { parseDate } from '../time';
import { DATE_PATTERN, DATE_TIME_RE, EMAIL_RE, EVENT_BROKER_URL_RE, HTTP_URL_RE } from './input-patterns';

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
  .meta({ format: 'date', pattern: DATE_PATTERN, description: 'A calendar date in the hotel\'s time zone, YYYY-MM-DD, from 1900-01-01 to 2999-12-31.' });

const DATE_TIME_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * A date or date-time (input-patterns.ts `DATE_TIME_PATTERN`, which zod states as the field's
 * `pattern`); resolved in the hotel's zone by the service, which refuses a wall time skipped by a DST
 * change (the API document states that rule on every operation that takes one:
 * core/api/openapi-rules.ts). The shape is checked first, so `hello` and `2026-02-30` are told apart.
 */
export const DateTimeInputSchema = z
  .string()
  .max(40)
  .refine((v) => DATE_TIME_SHAPE.test(v), { error: (iss) => `${String(iss.input)} is not an ISO 8601 date or date-time` })
  .regex(DATE_TIME_RE, { error: (iss) => `${String(iss.input)} is not a real date or time` })
  .meta({
    description:
      'An ISO 8601 date (`2026-06-01`, the hotel\'s usual check-in or check-out time) or date-time (`2026-06-01T14:00:00`, ' +
      'read in the hotel\'s time zone unless it carries `Z` or an offset up to ±14:00), from 1900 to 2999. A wall time skipped ' +
      'by a DST change is refused.',
  });
/** An instant in an answer: ISO 8601 with the hotel's offset (`2026-06-01T14:00:00+02:00`). */
export const InstantSchema = z.string().meta({ format: 'date-time' });
/** A calendar date in an answer. */
export const DateOutSchema = z.string().meta({ format: 'date' });
/** Money in integer minor units (øre, cents). */
export const MoneySchema = z.number().int().nonnegative().max(100_000_000_00).meta({ description: 'Money in minor units (øre, cents): 89500 is 895.00.' });
/**
 * Free text that goes into the database or a CSV cell. Refused here, in the contract, so IPC and
 * REST refuse them alike with 400 (never silently changed):
 * - NUL (it truncates strings in C libraries and spreadsheets);
 * - other C0 and C1 control characters and DEL (U+0001–U+001F, U+007F–U+009F): they hide text in
 *   logs, terminals and CSV cells; only multi-line text (notes) keeps tab, line feed and carriage
 *   return, as it always has;
 * - a lone UTF-16 surrogate (half of a pair, such as `"\ud800"` in JSON): not text at all; SQLite
 *   and every UTF-8 encoder would store it as U+FFFD, so the guest's name would silently change.
 */
export type TextProblem = 'nul' | 'control' | 'surrogate';

/** The first thing wrong with `v` as text, or null. One pass over the code units, no regex. */
export function textProblem(v: string, multiline = false): TextProblem | null {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return 'control';
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'surrogate';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'surrogate';
  }
  return null;
}

/** Whether `v` holds half a UTF-16 pair (`\p{Cs}` with the `u` flag matches only unpaired halves). */
export const hasLoneSurrogate = (v: string): boolean => /\p{Cs}/u.test(v);

const TEXT_MESSAGES: Record<TextProblem, string> = {
  nul: 'must not contain NUL characters',
  control: 'must not contain control characters',
  surrogate: 'must not contain a lone UTF-16 surrogate (half of a character pair)',
};
const SINGLE_LINE = 'No control characters (C0, C1, DEL; no tab or line break), no lone UTF-16 surrogates, no NUL characters.';
/**
 * The same rules as JSON Schema patterns for the API document (matched with the `u` flag, where
 * `\uD800-\uDFFF` in a class is a lone surrogate: a pair is one character above U+FFFF).
 */
const SINGLE_LINE_CHARS = '\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
const MULTI_LINE_CHARS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
export const SINGLE_LINE_PATTERN = `^[^${SINGLE_LINE_CHARS}]*$`;
export const MULTI_LINE_PATTERN = `^[^${MULTI_LINE_CHARS}]*$`;
/** Not blank: at least one character that is not white space. */
export const NOT_BLANK_PATTERN = `^[^${SINGLE_LINE_CHARS}]*[^\\s${SINGLE_LINE_CHARS}][^${SINGLE_LINE_CHARS}]*$`;
const MULTI_LINE = 'Tab and line breaks allowed; no other control characters (C0, C1, DEL), no lone UTF-16 surrogates, no NUL characters.';

/** Adds the text checks to a string schema: one issue with the first problem found. */
export function wellFormedText<T extends z.ZodType<string>>(schema: T, multiline = false) {
  return schema.superRefine((v, ctx) => {
    const problem = textProblem(v, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: TEXT_MESSAGES[problem] });
  });
}

/** Free text up to `max` characters; `multiline` (notes) keeps tab and line breaks. */
export const TextSchema = (max: number, { multiline = false }: { multiline?: boolean } = {}) =>
  wellFormedText(z.string().max(max), multiline).meta({ description: multiline ? MULTI_LINE : SINGLE_LINE, pattern: multiline ? MULTI_LINE_PATTERN : SINGLE_LINE_PATTERN });
/** Not blank; at most `max` characters as sent (the server keeps it trimmed). */
export const NameSchema = (max: number, what: string) =>
  wellFormedText(z.string().max(max).trim().min(1, `${what} is required`)).meta({ description: `Not blank; ${SINGLE_LINE}`, pattern: NOT_BLANK_PATTERN });

/** A boolean as a query string carries it: only its text forms (for `http.query` on a body method). */
export const QueryBoolTextSchema = z.enum(['true', 'false', '1', '0']);
/** Query strings carry booleans as text. */
export const QueryBoolSchema = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/** An http(s) URL (input-patterns.ts `HTTP_URL_RE`), at most 500 characters. */
export const HttpUrlSchema = z
  .string()
  .max(500)
  .regex(HTTP_URL_RE, 'must be an http(s) URL')
  .meta({ description: 'An http:// or https:// URL: a host name or IPv4 address, an optional port, then no spaces or control characters.' });

/** The event broker's URL: an http(s) URL (POSTed to) or an amqp(s) URL (RabbitMQ, docs/integrations.md). */
export const EventBrokerUrlSchema = z
  .string()
  .max(500)
  .regex(EVENT_BROKER_URL_RE, 'must be an http(s) or amqp(s) URL')
  .meta({ description: 'An http(s):// URL the events are POSTed to, or an amqp(s)://user:password@host:port/vhost URL of a RabbitMQ broker.' });

/** An e-mail address (input-patterns.ts `EMAIL_RE`): `format: email` and the pattern the server checks. */
export const EmailAddressSchema = (max: number) => z.email({ pattern: EMAIL_RE, error: 'is not an e-mail address' }).max(max);

export const MessageSchema = z.object({ message: z.string() });
/** What a desktop export reports: where the file went (null when the user cancelled the save dialog) and how many rows. */
export const ExportResultSchema = z.object({ path: z.string().nullable(), rows: z.number().int() });
/** A CSV export's own options: the delimiter Excel expects in the hotel's locale, and a BOM for Excel. */
export const CsvOptionsSchema = z.object({ delimiter: z.enum([',', ';']).default(','), bom: QueryBoolSchema.default(false) });
