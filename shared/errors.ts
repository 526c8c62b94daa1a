/**
 * Domain errors. The core throws only `AppError`; exactly one table (`errorStatus`) maps a code to
 * an HTTP status, and the IPC layer sends `{ code, message }` as is. 5xx bodies never carry internals.
 */
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** The caller signed in with a default or reset password: only changing it is allowed. */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  ROOM_UNAVAILABLE: 409,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database cannot be reached (PostgreSQL down or restarting): try again after `Retry-After`. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ReasonParams = Record<string, string | number>;

/** A refusal's stable name and its values, as the renderer translates it (`reason.<reason>`). */
export interface Refusal {
  reason: string;
  params?: ReasonParams;
}

export interface AppErrorOptions {
  retryAfterSeconds?: number;
  reason?: string;
  params?: ReasonParams;
  publicRefusal?: Refusal;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** RATE_LIMITED: when to try again (REST sends it as `Retry-After`). */
  readonly retryAfterSeconds?: number;
  /**
   * A stable name for this refusal (`stays.checkInBeforeArrival`), which the renderer translates with
   * the key `reason.<reason>` of the domain's dictionary, filling `{name}` from `params`. The English
   * `message` stays what the REST API says.
   */
  readonly reason?: string;
  readonly params?: Readonly<ReasonParams>;
  /**
   * What a caller outside the desk (a LAN `client`) is told instead of `reason`/`params`, when these
   * name other guests' data: a conflict names "stay #12 for Mette Hansen" to the desk only.
   */
  readonly publicRefusal?: Refusal;
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.params !== undefined) this.params = options.params;
    if (options.publicRefusal !== undefined) this.publicRefusal = options.publicRefusal;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/**
 * The refusal a caller may see: the error's own for the desk, its `publicRefusal` (or nothing, when
 * its params would name other guests) for anyone else. Errors without a reason have none.
 */
export function refusalFor(error: AppError, desk: boolean): Refusal | undefined {
  if (!desk && error.publicRefusal) return error.publicRefusal;
  if (error.reason === undefined) return undefined;
  return error.params === undefined ? { reason: error.reason } : { reason: error.reason, params: { ...error.params } };
}

/**
 * A request that failed its schema: `input.invalid` naming the fields (`guestName, checkout`), so
 * the renderer says it in the user's language (the English detail stays the REST message).
 */
export function invalidInputRefusal(paths: readonly string[]): Refusal {
  const fields = [...new Set(paths.filter((p) => p !== ''))];
  return fields.length ? { reason: 'input.invalidFields', params: { fields: fields.join(', ') } } : { reason: 'input.invalid' };
}

/** Response headers that carry a refusal over HTTP, beside seed bodies that must stay `{"error": "…"}`. */
export const REASON_HEADER = 'x-frontdesk-reason';
/** The params as percent-encoded JSON (a header is ASCII; guest names are not). */
export const REASON_PARAMS_HEADER = 'x-frontdesk-reason-params';

export function encodeReasonParams(params: ReasonParams): string {
  return encodeURIComponent(JSON.stringify(params));
}

/** The params a response header carries, or undefined when absent or malformed (never throws). */
export function decodeReasonParams(header: string | null | undefined): ReasonParams | undefined {
  if (!header) return undefined;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(header));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const out: ReasonParams = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    return out;
  } catch {
    return undefined;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const INTERNAL_MESSAGE = 'Internal error';
