/**
 * The checks the password form can make before asking the host: the minimum length and the repeat.
 * The host applies the whole policy (its list of common passwords too) and its refusal is shown as
 * it comes. Pure: tested in Node.
 */
import { MIN_PASSWORD_LENGTH } from '../../../shared/contract/password-policy';
import type { MessageKey } from '../i18n/translate';

/** The host's minimum, from the contract; the hint on the form names it. */
export { MIN_PASSWORD_LENGTH };

export interface PasswordDraft {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordProblems = Partial<Record<keyof PasswordDraft, MessageKey>>;

export function passwordProblems(d: PasswordDraft): PasswordProblems {
  const problems: PasswordProblems = {};
  if (!d.current) problems.current = 'password.currentRequired';
  if ([...d.next].length < MIN_PASSWORD_LENGTH) problems.next = 'password.tooShort';
  else if (d.next === d.current) problems.next = 'password.sameAsCurrent';
  if (d.repeat !== d.next) problems.repeat = 'password.mismatch';
  return problems;
}

/** For a password an admin sets (new user, reset): only the length can be judged here. */
export function newPasswordProblem(password: string): MessageKey | null {
  return [...password].length < MIN_PASSWORD_LENGTH ? 'password.tooShort' : null;
}
