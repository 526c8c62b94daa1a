/**
 * The header's end: the signed-in user as a menu (header-menu.tsx) with the role, changing one's
 * password and signing out, so the header keeps one row.
 */
import { useState } from 'react';
import { PasswordChangeForm } from '../auth/password-change-form';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { toast } from '../stores/toast-store';
import { Dialog } from '../ui/dialog';
import { HeaderMenu } from './header-menu';

export function SessionControls() {
  const t = useT();
  const user = useSessionStore((s) => s.user);
  const [changing, setChanging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  if (!user) return null;
  const role = t(`role.${user.role}`);
  return (
    <div className="session-controls">
      <HeaderMenu
        label={<span className="session-name">{user.username}</span>}
        ariaLabel={t('session.signedInAs', { name: user.username, role })}
        title={t('session.signedInAs', { name: user.username, role })}
        className="session-user"
        testId="session-user"
        data={{ 'data-role': user.role }}
      >
        <p className="menu-note">
          <span className="strong">{user.username}</span> · <span data-testid="session-role">{role}</span>
        </p>
        <button type="button" role="menuitem" className="menu-item" onClick={() => setChanging(true)} data-testid="change-password">
          {t('session.changePassword')}
        </button>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={leaving}
          onClick={() => {
            setLeaving(true);
            void useSessionStore.getState().logout();
          }}
          data-testid="sign-out"
        >
          {t('session.signOut')}
        </button>
      </HeaderMenu>
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
