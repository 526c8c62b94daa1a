/**
 * Admin: a new user with its role and initial password (the user must change it at the first
 * sign-in, as after a reset). The host's refusals show in the dialog: name or e-mail taken (409),
 * the password policy (400).
 */
import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/contract/roles';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../auth/password-rules';
import { useT } from '../i18n/locale-store';
import { toast } from '../stores/toast-store';
import { useUsersStore } from './users-store';
import { Field } from '../ui/field';
import { FormDialog } from '../ui/form-dialog';
import { userFieldProblems } from './user-fields';
import { useFormSubmit } from '../ui/use-form-submit';

export function UserFormDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [password, setPassword] = useState('');

  const fields = userFieldProblems({ username, email });
  const passwordKey = newPasswordProblem(password);
  const errors = {
    username: fields.username ? t(fields.username) : null,
    email: fields.email ? t(fields.email) : null,
    password: passwordKey ? t(passwordKey, { n: MIN_PASSWORD_LENGTH }) : null,
  };
  const invalid = Object.values(errors).some(Boolean);

  const { busy, error, submit, show } = useFormSubmit(invalid, async () => {
    const user = await useUsersStore.getState().create({ username: username.trim(), email: email.trim(), role, password });
    toast('success', t('users.created', { name: user.username }));
    onClose();
  });

  return (
    <FormDialog
      title={t('users.addTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="user-dialog"
      busy={busy}
      error={error}
      submitTestId="user-submit"
      submitLabel={t('users.add')}
      below={<p className="muted small">{t(`users.roleHint.${role}`)}</p>}
    >
      <Field label={t('users.username')} error={show(errors.username)} hint={t('users.usernameHint')}>
        <input className="input" autoComplete="off" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} data-autofocus data-testid="user-username" />
      </Field>
      <Field label={t('users.email')} error={show(errors.email)}>
        <input type="email" className="input" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="user-email" />
      </Field>
      <Field label={t('users.role')}>
        <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('users.initialPassword')} error={show(errors.password)} hint={`${t('password.policy', { n: MIN_PASSWORD_LENGTH })} ${t('users.initialPasswordHint')}`}>
        <input type="password" className="input" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />
      </Field>
    </FormDialog>
  );
}
