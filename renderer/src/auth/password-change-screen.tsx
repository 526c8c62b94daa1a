/**
 * Signed in with a default or reset password (first run: admin / admin): until it is changed the
 * host allows nothing else, so this is the only screen, with a way to sign out instead.
 */
import { LanguageSwitch } from '../ui/language-switch';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { PasswordChangeForm } from './password-change-form';

export function PasswordChangeScreen() {
  const t = useT();
  const username = useSessionStore((s) => s.user?.username ?? '');
  return (
    <main className="session-page">
      <div className="session-lang">
        <LanguageSwitch dark={false} />
      </div>
      <section className="session-card" aria-labelledby="password-title" data-testid="password-change">
        <h1 id="password-title">{t('password.title')}</h1>
        <p className="muted">{t('password.forcedIntro', { name: username })}</p>
        <PasswordChangeForm
          onDone={() => toast('success', t('password.changed'))}
          actions={
            <button type="button" className="button" onClick={() => void useSessionStore.getState().logout()} data-testid="password-sign-out">
              {t('session.signOut')}
            </button>
          }
        />
      </section>
    </main>
  );
}
