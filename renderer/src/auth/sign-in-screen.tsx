/**
 * The first screen: user name and password. Small on purpose (it is in the start-up bundle): no
 * board, no zod. Refusals show above the form: a wrong name or password, the back-off, a client
 * at the desk; and why the screen is shown (the session ended, signed out).
 */
import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../ui/language-switch';
import { useT } from '../i18n/locale-store';
import { signingInAtTheDesktop, useSessionStore } from '../stores/session-store';
import { ErrorAlert } from '../ui/error-alert';
import { Field } from '../ui/field';
import { signInErrorText } from './sign-in-text';

export function SignInScreen() {
  const t = useT();
  const notice = useSessionStore((s) => s.notice);
  const checkError = useSessionStore((s) => s.error);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const missing = { username: !username.trim(), password: !password };
  /** A field left empty says so, once the form has been sent. */
  const required = (field: keyof typeof missing) => (submitted && missing[field] ? t('validation.required', { field: t(`signIn.${field}`) }) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (busy || missing.username || missing.password) return;
    setBusy(true);
    setError(null);
    try {
      await useSessionStore.getState().login(username.trim(), password);
    } catch (err) {
      setError(signInErrorText(err, t, signingInAtTheDesktop()));
      // The password is cleared for the next try: that is not a missing field, so no "required" under it.
      setPassword('');
      setSubmitted(false);
      setBusy(false);
    }
  };

  const noticeText = notice === 'expired' ? t('signIn.expired') : notice === 'signedOut' ? t('signIn.signedOut') : notice === 'deskOnly' ? t('signIn.deskOnly') : null;

  return (
    <main className="session-page">
      <div className="session-lang">
        <LanguageSwitch dark={false} />
      </div>
      <form className="session-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sign-in-title" data-testid="sign-in">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        {noticeText && !error ? (
          <p className={`alert ${notice === 'signedOut' ? 'alert-info' : 'alert-error'}`} role="status" data-testid="sign-in-notice" data-notice={notice}>
            {noticeText}
          </p>
        ) : null}
        {error ? <ErrorAlert error={error} testId="sign-in-error" /> : <ErrorAlert error={checkError} testId="sign-in-error" />}
        <Field label={t('signIn.username')} error={required('username')}>
          <input
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            // The first thing anyone at this screen does is type their name.
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="sign-in-username"
          />
        </Field>
        <Field label={t('signIn.password')} error={required('password')}>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </Field>
        <button type="submit" className="button button-primary session-submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
