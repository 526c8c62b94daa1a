/**
 * What the log says while the database cannot be reached (PostgreSQL down or restarting, issue 16
 * item 9): one clear line, not a stack trace per request or per round of a background job. Every
 * caller still gets its 503 with `Retry-After`; the log says so once, then at most once every
 * `everyMs`, with the count of the failures it wrote no line for.
 *
 *   warn  GET /api/v1/rooms: 503, the database cannot be reached (Retry-After 5 s)
 *   warn  POST /bookings: 503, the database cannot be reached (Retry-After 5 s) (212 more since the last line)
 *   warn  outbox-worker: the database cannot be reached; retrying
 */
import { isAppError } from '../../shared/errors';

export const OUTAGE_LOG_EVERY_MS = 10_000;

/** Whether `error` is the database being out of reach (the engines' 503). */
export function isOutage(error: unknown): boolean {
  return isAppError(error) && error.code === 'UNAVAILABLE';
}

/**
 * Logs outages through `warn`: `log(error, line)` writes `line` (or counts it) and returns true when
 * `error` is an outage, and returns false for any other error, which the caller logs as before.
 */
export function createOutageLog(warn: (line: string) => void, options: { now?: () => number; everyMs?: number } = {}) {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? OUTAGE_LOG_EVERY_MS;
  let last = -Infinity;
  let untold = 0;
  return (error: unknown, line: string): boolean => {
    if (!isOutage(error)) return false;
    const at = now();
    if (at - last < everyMs) {
      untold += 1;
      return true;
    }
    warn(untold > 0 ? `${line} (${untold} more since the last line)` : line);
    last = at;
    untold = 0;
    return true;
  };
}

/** The request's line: `GET /api/v1/rooms: 503, the database cannot be reached (Retry-After 5 s)`. */
export function outageLine(method: string, url: string, error: unknown): string {
  const seconds = isAppError(error) ? error.retryAfterSeconds : undefined;
  return `${method} ${url}: 503, the database cannot be reached${seconds === undefined ? '' : ` (Retry-After ${seconds} s)`}`;
}
