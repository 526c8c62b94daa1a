import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/errors';

/** Runs `fn`, expects it to throw (or reject with) an AppError with `code`, and returns the error for further checks. */
export async function expectAppError(fn: () => unknown, code: ErrorCode, message?: string | RegExp): Promise<AppError> {
  let thrown: unknown;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an AppError').toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}
