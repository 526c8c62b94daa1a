/**
 * Current password, new password, repeat: the length and the repeat are checked here, the rest of
 * the policy (common passwords) by the host, whose refusal shows above the fields. Used by the
 * forced first-run screen and by the header's "Change password" dialog.
 */
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { MIN_PASSWORD_LENGTH, passwordProblems, type PasswordDraft } from './password-rules';

interface PasswordChangeFormProps {
  onDone(): void;
  /** Extra buttons beside the submit (cancel, sign out). */
  actions?: ReactNode;
}

export function PasswordChangeForm({ onDone, actions }: PasswordChangeFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<PasswordDraft>({ current: '', next: '', repeat: '' });
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = passwordProblems(draft);
  const show = (key: keyof PasswordDraft) => (submitted && problems[key] ? t(problems[key], { n: MIN_PASSWORD_LENGTH }) : null);

  const submit = async () => {
    setSubmitted(true);
    if (busy || Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await useSessionStore.getState().changePassword(draft.current, draft.next);
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const input = (key: keyof PasswordDraft, autoComplete: string, autoFocus = false) => (
    <input
      className="input"
      type="password"
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      data-testid={`password-${key}`}
    />
  );

  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="password-form"
    >
      <ErrorAlert error={error} testId="password-error" />
      <Field label={t('password.current')} error={show('current')}>
        {input('current', 'current-password', true)}
      </Field>
      <Field label={t('password.new')} error={show('next')} hint={t('password.policy', { n: MIN_PASSWORD_LENGTH })}>
        {input('next', 'new-password')}
      </Field>
      <Field label={t('password.repeat')} error={show('repeat')}>
        {input('repeat', 'new-password')}
      </Field>
      <div className="button-row button-row-start">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="password-submit">
          {busy ? t('common.saving') : t('password.submit')}
        </button>
        {actions}
      </div>
    </form>
  );
}
