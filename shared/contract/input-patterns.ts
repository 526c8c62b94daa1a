/**
 * The grammars of the text the API takes, each written once as a regular expression: the contract's
 * zod schemas check input with it and the API document states it as the field's `pattern`, so the
 * server and the document cannot disagree (issue 18 item 5; tests/integration/openapi-fuzz.test.ts
 * sends what each pattern allows and forbids). JSON Schema patterns are ECMA-262 expressions matched
 * with the `u` flag (where a surrogate pair is one character), as the URL's is here.
 */

/**
 * A real calendar date from 1900 to 2999 (what `parseDate` takes): days by month, 29 February in
 * leap years only (2000 and 2400 yes, 1900 and 2100 no).
 */
const LEAP_YEAR = '(?:(?:19|2\\d)(?:0[48]|[2468][048]|[13579][26])|2[048]00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const DATE_BODY = `(?:(?:19\\d\\d|2\\d\\d\\d)-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
export const DATE_PATTERN = `^${DATE_BODY}$`;

/**
 * A date, or a date and a wall time, as `resolveTime` (shared/time.ts) reads them:
 *   2026-06-01                      the date (the hotel's usual time of day for the field)
 *   2026-06-01T14:00                hotel-local wall time (`T` or a space; seconds and up to 9 decimals optional)
 *   2026-06-01T14:00:00Z            an instant: `Z` or an offset from −14:00 to +14:00 (`+02:00` or `+0200`)
 * Hours 00–23, minutes and seconds 00–59. An offset needs a time (`2026-06-01Z` is refused).
 */
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const OFFSET = '(?:Z|[+-](?:(?:0\\d|1[0-3]):?[0-5]\\d|14:?00))';
export const DATE_TIME_PATTERN = `^${DATE_BODY}(?:[T ]${TIME}${OFFSET}?)?$`;
export const DATE_TIME_RE = new RegExp(DATE_TIME_PATTERN);

/**
 * An e-mail address as the desk takes it: dot-separated atoms of letters, digits and `_ ' + -`,
 * then `@` and a host name whose last label is 2–63 letters (`a@b.co`, not `a@b.c` or `a@localhost`).
 * Narrower than RFC 5321 on purpose, and inside every validator's `format: email`, so a tool that
 * checks both the format and this pattern allows exactly what the server takes.
 */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL_BODY = `[A-Za-z0-9_'+-]+(?:\\.[A-Za-z0-9_'+-]+)*@(?:${LABEL}\\.)+[A-Za-z]{2,63}`;
export const EMAIL_RE = new RegExp(`^${EMAIL_BODY}$`);
/** The same address with white space around it, which the server trims (a user's e-mail). */
export const EMAIL_TRIMMED_PATTERN = `^\\s*${EMAIL_BODY}\\s*$`;

/**
 * An http:// or https:// URL whose host is a name (its last label starting with a letter) or an IPv4
 * address, an optional port 0–65535, then any path, query and fragment without spaces or control
 * characters (`{id}` placeholders included). Every text it matches is a URL WHATWG's parser takes.
 */
const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const HOST = `(?:(?:${LABEL}\\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|(?:${IPV4_PART}\\.){3}${IPV4_PART})`;
const PORT = '(?::(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3}|0))?';
const URL_REST = '(?:[/?#][^\\u0000-\\u0020\\u007F-\\u009F\\uD800-\\uDFFF]*)?';
export const HTTP_URL_RE = new RegExp(`^https?://${HOST}${PORT}${URL_REST}$`, 'u');

/**
 * An amqp:// or amqps:// URL (the event broker on RabbitMQ, docs/integrations.md): optional
 * `user:password@` (percent-encoded, no `@`, `/` or spaces), a host as above, an optional port, then
 * the vhost path and query (`?heartbeat=30`).
 */
const USER_INFO = '(?:[^\\u0000-\\u0020\\u007F-\\u009F\\uD800-\\uDFFF@/?#]+@)?';
export const AMQP_URL_RE = new RegExp(`^amqps?://${USER_INFO}${HOST}${PORT}${URL_REST}$`, 'u');
/** The event broker's URL: either of the two above, as one pattern (the API document states it). */
export const EVENT_BROKER_URL_RE = new RegExp(`^(?:https?://${HOST}${PORT}${URL_REST}|amqps?://${USER_INFO}${HOST}${PORT}${URL_REST})$`, 'u');
