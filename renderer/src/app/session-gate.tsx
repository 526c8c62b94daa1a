/**
 * Picks the whole page from the session: sign-in, the forced password change, the desk (staff and
 * admin; also while a stored token is being checked, so the board need not wait), or a LAN client's
 * My bookings, loaded when a client signs in.
 */
import { lazy, Suspense } from 'react';
import { PasswordChangeScreen } from '../auth/password-change-screen';
import { SignInScreen } from '../auth/sign-in-screen';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../settings/settings-store';
import { TimeZoneStep } from '../stays/time-zone-step';
import { App } from './app';

const ClientApp = lazy(() => import('./client-app').then((m) => ({ default: m.ClientApp })));

function Waiting() {
  const t = useT();
  return (
    <div className="session-page" data-testid="session-checking">
      <p className="muted">{t('app.loading')}</p>
    </div>
  );
}

export function SessionGate() {
  const state = useSessionStore((s) => s.state);
  const optimistic = useSessionStore((s) => s.optimistic);
  const role = useSessionStore((s) => s.user?.role);
  // First run (docs/stays-rules.md): an admin confirms the hotel's time zone before the desk opens.
  const zoneToConfirm = useSettingsStore((s) => (s.settings?.timeZoneConfirmed === false ? s.settings.timeZone : null));
  if (state === 'signedOut') return <SignInScreen />;
  if (state === 'mustChange') return <PasswordChangeScreen />;
  if (state === 'signedIn' && role === 'admin' && zoneToConfirm !== null) return <TimeZoneStep current={zoneToConfirm} />;
  if (state === 'checking' && !optimistic) return <Waiting />;
  if (role === 'client') {
    return (
      <Suspense fallback={<Waiting />}>
        <ClientApp />
      </Suspense>
    );
  }
  return <App />;
}
