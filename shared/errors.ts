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
} as const;

export type ErrorCode = keyof typeof errorStatus;

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
  readonly params?: Readonly<Record<string, string | number>>;
  constructor(code: ErrorCode, message: string, options: { retryAfterSeconds?: number; reason?: string; params?: Record<string, string | number> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.params !== undefined) this.params = options.params;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/** What crosses IPC and what the renderer shows: never a stack, never internals. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const INTERNAL_MESSAGE = 'Internal error';
