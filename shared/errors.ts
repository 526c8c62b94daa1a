/**
 * Domain errors. The core throws only `AppError`; exactly one table (`errorStatus`) maps a code to
 * an HTTP status, and the IPC layer sends `{ code, message }` as is. 5xx bodies never carry internals.
 */
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
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
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
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
