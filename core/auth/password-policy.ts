/**
 * What a new password must be: long enough, not absurdly long (argon2 hashes what it gets), not the
 * username, and not one of the passwords attackers try first. Applied by the services to every new
 * password except the first-run `admin`/`admin` (seed 002), which must be changed before anything else.
 */
import { AppError, type Refusal } from '../../shared/errors';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/contract/password-policy';
import { isCommonPassword } from './common-passwords';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** The reason `pw` is refused, or null when it is acceptable. */
export async function passwordProblem(pw: string, username: string): Promise<string | null> {
  const length = [...pw].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (pw.toLowerCase() === username.trim().toLowerCase()) return 'The password must not be the username';
  if (await isCommonPassword(pw)) return 'This password is one of the most common passwords; choose another';
  return null;
}

/** Each problem's refusal name, for the renderer (`reason.auth.password…`). */
function problemRefusal(pw: string, username: string): Refusal {
  const length = [...pw].length;
  if (length < MIN_PASSWORD_LENGTH) return { reason: 'auth.passwordTooShort', params: { min: MIN_PASSWORD_LENGTH } };
  if (length > MAX_PASSWORD_LENGTH) return { reason: 'auth.passwordTooLong', params: { max: MAX_PASSWORD_LENGTH } };
  if (pw.toLowerCase() === username.trim().toLowerCase()) return { reason: 'auth.passwordIsUsername' };
  return { reason: 'auth.passwordCommon' };
}

/** Throws AppError VALIDATION with the reason when `pw` breaks the policy. */
export async function assertPasswordPolicy(pw: string, username: string): Promise<void> {
  const problem = await passwordProblem(pw, username);
  if (problem) throw new AppError('VALIDATION', problem, problemRefusal(pw, username));
}
