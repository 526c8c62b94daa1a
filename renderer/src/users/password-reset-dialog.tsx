/** Admin: a new password for a user, who must change it at the next sign-in; its sessions end. */
import { useState } from 'react';
import type { User } from '../../../shared/contract/auth';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../auth/password-rules';
import { useT } from '../i18n/locale-store';
import { toast } from '../stores/toast-store';
import { useUsersStore } from './users-store';
import { Dialog } from '../ui/dialog';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { CancelSubmit } from '../ui/cancel-submit';
import { useFormSubmit } from '../ui/use-form-submit';

export function PasswordResetDialog({ user, onClose }: { user: User; onClose(): void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const problem = newPasswordProblem(password);

  const { busy, error, submit, show } = useFormSubmit(problem !== null, async () => {
    await useUsersStore.getState().resetPassword(user.id, password);
    toast('success', t('users.resetDone', { name: user.username }));
    onClose();
  });

  return (
    <Dialog
      title={t('users.resetTitle', { name: user.username })}
      onClose={onClose}
      onSubmit={() => void submit()}
      size="sm"
      testId="reset-dialog"
      footer={
        <CancelSubmit onCancel={onClose} busy={busy} submitLabel={t('users.resetPassword')} submitTestId="reset-submit" />
      }
    >
      <ErrorAlert error={error} />
      <p className="muted">{t('users.resetHint', { name: user.username })}</p>
      <Field label={t('password.new')} error={show(problem && t(problem, { n: MIN_PASSWORD_LENGTH }))} hint={t('password.policy', { n: MIN_PASSWORD_LENGTH })}>
        <input type="password" className="input" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-autofocus data-testid="reset-password" />
      </Field>
    </Dialog>
  );
}
