/** A real core for the desk's glue tests: the first admin (no forced change) and one staff user, both with PASSWORD. */
import type { LoginResult } from '../../shared/contract/auth';
import { clearMustChangePassword } from '../support/sessions';
import { adminCtx, createTestCore, type TestCore } from '../support/test-core';

export const PASSWORD = 'Tide-pool lantern 42';

export async function createDeskCore(): Promise<TestCore> {
  const t = await createTestCore();
  await t.core.auth.ensureFirstRunAdmin(PASSWORD);
  const sam = await t.core.users.create({ username: 'sam', email: 'sam@hotel.test', password: PASSWORD, role: 'staff' }, adminCtx);
  await clearMustChangePassword(t.core, sam.id);
  return t;
}

/** Signs `username` in through the core's own login, as the host does for `auth:login`. */
export async function tokenOf(t: TestCore, username: 'admin' | 'sam'): Promise<string> {
  const result = (await t.core.call('auth:login', { username, password: PASSWORD }, await t.core.contextFor(null, { via: 'ipc' }))) as LoginResult;
  return result.access_token;
}
