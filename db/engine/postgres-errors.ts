/**
 * What PostgreSQL's errors mean to the core, in one place. A unit of work that lost a race is run
 * again (the retry finds the winner and refuses with the domain's own message, exactly as SQLite's
 * one-writer-at-a-time would have); a database that cannot be reached answers 503 with Retry-After,
 * never a 500 with internals.
 *
 *   40001 serialization_failure, 40P01 deadlock_detected        → retry the unit
 *   23505 unique_violation, 23P01 exclusion_violation            → retry the unit; if the retries run
 *                                                                  out, 409 CONFLICT
 *   08xxx connection, 57P01/57P02/57P03 shutdown, 53300 too many → 503 UNAVAILABLE (Retry-After)
 *   refused or dropped sockets (ECONNREFUSED, ECONNRESET, …)      → 503 UNAVAILABLE
 *   22021 character_not_in_repertoire (a NUL in a text value)    → 400 VALIDATION: PostgreSQL's text
 *                                                                  cannot hold U+0000 (SQLite's can);
 *                                                                  the contract keeps NUL out of every
 *                                                                  stored field, so only a look-up
 *                                                                  value can carry one here
 */
import { AppError } from '../../shared/errors';

const RETRY_CODES = new Set(['40001', '40P01', '23505', '23P01']);
const CONFLICT_CODES = new Set(['23505', '23P01']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Seconds a client is told to wait when the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRY_CODES.has(code);
}

/** The connection is gone or was never made: the database is down, restarting or unreachable. */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'UNAVAILABLE';
  const code = codeOf(error);
  if (code && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || SOCKET_CODES.has(code))) {
    return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message);
}

export function unavailable(): AppError {
  return new AppError('UNAVAILABLE', 'The database cannot be reached right now; try again in a moment', {
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_S,
    reason: 'database.unavailable',
  });
}

/** The error a caller sees: an AppError as it is, a lost connection as 503, a race that kept losing as 409. */
export function toCallerError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isConnectionLost(error)) return unavailable();
  const code = codeOf(error);
  if (code === '22021') {
    return new AppError('VALIDATION', 'The request contains a NUL character', { reason: 'input.nulCharacter' });
  }
  if (code && CONFLICT_CODES.has(code)) {
    return new AppError('CONFLICT', 'Another change to the same record was saved at the same moment; try again', { reason: 'database.conflict' });
  }
  return error;
}
