/**
 * The question the users screen asks before a role change or a deactivation ("Change Eva's role to
 * client?", "Deactivate Eva? …"), in the desk's language. Activating asks nothing. Pure: tested in Node.
 */
import type { User } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/contract/roles';
import type { Translate } from '../i18n/translate';

export type UserChange = { role: Role } | { active: boolean };

export interface Confirmation {
  text: string;
  /** The confirming button's label. */
  yes: string;
}

export function confirmationOf(user: Pick<User, 'username' | 'role' | 'active'>, change: UserChange, t: Translate): Confirmation | null {
  const name = user.username;
  if ('role' in change) {
    if (change.role === user.role) return null;
    return { text: t('users.confirmRole', { name, role: t(`role.${change.role}`).toLocaleLowerCase() }), yes: t('users.confirmRoleYes') };
  }
  if (change.active || !user.active) return null;
  return { text: t('users.confirmDeactivate', { name }), yes: t('users.deactivate') };
}
