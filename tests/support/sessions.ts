/**
 * Signed-in callers for tests: a user of each role, created through the users service and signed in
 * through the real sign-in (argon2 and all), so a test's token is exactly what a LAN client holds.
 * Over a real socket, `signInOverHttp` does the same through `POST /login/`.
 */
import { anonymousContext, type CallContext } from '../../core/context';
import type { Core } from '../../core/create-core';
import type { Role } from '../../shared/contract/roles';

/** Strong enough for the password policy (length, not common); every test user has it. */
export const TEST_PASSWORD = 'Lighthouse-Quay-7193';
/** The first admin's password in tests (`ensureFirstRunAdmin(TEST_ADMIN_PASSWORD)`, `adminPassword`, FRONTDESK_ADMIN_PASSWORD). */
export const TEST_ADMIN_PASSWORD = 'Harbour-Admin-Key-2026';

/** Who a test request is sent as. */
export type CallerAs = Role | 'anonymous';

export interface Session {
  token: string;
  userId: number;
  username: string;
  role: Role;
}

/** Who creates the test users: the host's own start-up work, not a signed-in admin. */
const SETUP_CTX: CallContext = { actor: { userId: null, username: 'test-setup', role: 'admin' }, via: 'internal' };

let nextUser = 1;

/** A fresh username per call (unique across cores too, so logs stay readable). */
function freshUsername(role: Role): string {
  return `${role}-${process.pid}-${nextUser++}`;
}

export async function signInAs(core: Core, username: string, password: string, address = '127.0.0.1'): Promise<Session> {
  const result = await core.auth.login({ username, password }, anonymousContext('http', address));
  return { token: result.access_token, userId: result.user.id, username: result.user.username, role: result.user.role };
}

export interface SignInOptions {
  username?: string;
  /** Where the sign-in comes from (its back-off is per address); default 127.0.0.1. */
  address?: string;
}

/**
 * A user made by `users:create` must change its admin-chosen password at the first sign-in; test
 * users skip that step (as if they had changed it), so a test starts with a usable session.
 */
export async function clearMustChangePassword(core: Pick<Core, 'deps'>, userId: number): Promise<void> {
  await core.deps.db.run('UPDATE users SET must_change_password = 0 WHERE id = ?', userId);
}

/** Creates a user of `role` (password TEST_PASSWORD, no forced change) and signs it in. */
export async function signIn(core: Core, role: Role, options: SignInOptions = {}): Promise<Session> {
  const username = options.username ?? freshUsername(role);
  const user = await core.users.create({ username, email: `${username}@example.test`, password: TEST_PASSWORD, role }, SETUP_CTX);
  await clearMustChangePassword(core, user.id);
  return signInAs(core, username, TEST_PASSWORD, options.address);
}

/** The first-run admin with TEST_ADMIN_PASSWORD (created if the database has no user yet), signed in. */
export async function signInFirstAdmin(core: Core): Promise<Session> {
  await core.auth.ensureFirstRunAdmin(TEST_ADMIN_PASSWORD);
  return signInAs(core, 'admin', TEST_ADMIN_PASSWORD);
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** `POST /login/` on a running server; the bearer token. */
export async function signInOverHttp(baseUrl: string, username = 'admin', password = TEST_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/login/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /login/ as ${username} → ${res.status} ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}
