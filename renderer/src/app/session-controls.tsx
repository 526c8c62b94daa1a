/** The header's end: who is signed in and with which role, changing one's password, signing out. */
import { useState } from 'react';
import { PasswordChangeForm } from '../auth/password-change-form';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';

export function SessionControls() {
  const t = useT();
  const user = useSessionStore((s) => s.user);
  const [changing, setChanging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  if (!user) return null;
  return (
    <div className="session-controls">
      <span className="session-user" data-testid="session-user" data-role={user.role} title={t('session.signedInAs', { name: user.username, role: t(`role.${user.role}`) })}>
        <span className="session-name">{user.username}</span>
        <span className="session-role">
          <span data-testid="session-role">{t(`role.${user.role}`)}</span>
          {' · '}
          <button type="button" className="link-button" onClick={() => setChanging(true)} data-testid="change-password">
            {t('session.changePassword')}
          </button>
        </span>
      </span>
      <button
        type="button"
        className="button button-small button-on-dark"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void useSessionStore.getState().logout();
        }}
        data-testid="sign-out"
      >
        {t('session.signOut')}
      </button>
      {changing ? (
        <Dialog title={t('password.title')} onClose={() => setChanging(false)} size="sm" testId="password-dialog">
          <PasswordChangeForm
            onDone={() => {
              setChanging(false);
              toast('success', t('password.changed'));
            }}
            actions={
              <button type="button" className="button" onClick={() => setChanging(false)}>
                {t('common.cancel')}
              </button>
            }
          />
        </Dialog>
      ) : null}
    </div>
  );
}
