/**
 * The new-user form's checks, by the contract's own schemas (one source of truth), as message keys
 * in the desk's language. Pure: tested in Node.
 */
import { EmailSchema, UsernameSchema } from '../../../shared/contract/auth';
import type { MessageKey } from '../i18n/translate';

export interface UserFieldProblems {
  username?: MessageKey;
  email?: MessageKey;
}

export function userFieldProblems(values: { username: string; email: string }): UserFieldProblems {
  const problems: UserFieldProblems = {};
  if (!UsernameSchema.safeParse(values.username).success) problems.username = 'users.usernameInvalid';
  if (!EmailSchema.safeParse(values.email).success) problems.email = 'validation.email';
  return problems;
}
