/**
 * Sign-in, users and the audit log on the contract fixture (tests/support/contract-fixture.ts): a signed-in
 * user of each role (`matrix.<role>`) and a `victim` the admin manages, all with TEST_PASSWORD.
 */
import { ROLES } from '../../../shared/contract/roles';
import { domainFixture } from '../../support/domain-fixture';
import { signIn, TEST_PASSWORD } from '../../support/sessions';

export const authContractFixture = domainFixture({
  async seed(core, f) {
    for (const role of ROLES) f.sessions[role] = await signIn(core, role, { username: `matrix.${role}` });
    f.victim = await signIn(core, 'staff', { username: 'matrix.victim' });
  },
  inputs: (f) => ({
    'auth:login': { username: f.victim.username, password: TEST_PASSWORD },
    'auth:logout': {},
    'auth:me': {},
    'auth:changePassword': { currentPassword: TEST_PASSWORD, newPassword: 'Changed-Password-5512' },
    'users:seedList': {},
    'users:seedCreate': { username: 'self.guest', email_address: 'self.guest@example.test', password: TEST_PASSWORD, confirm_password: TEST_PASSWORD },
    'users:list': {},
    'users:create': { username: 'new.desk', email: 'new.desk@example.test', password: TEST_PASSWORD, role: 'staff' },
    'users:update': { id: f.victim.userId, email: 'victim.moved@example.test', role: 'client', active: true },
    'users:resetPassword': { id: f.victim.userId, newPassword: 'Reset-Password-9931' },
    'audit:list': { actor: 'matrix.admin', action: 'auth:login', entity: 'user', from: '2026-05-01', to: '2026-05-31', limit: 10, beforeId: 100 },
    'audit:export': { actor: 'matrix.admin', action: 'auth:login', entity: 'user', from: '2026-05-01', to: '2026-05-31', delimiter: ';', bom: true },
  }),
});
