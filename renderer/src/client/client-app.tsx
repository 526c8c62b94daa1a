/**
 * What a LAN client (kiosk, guest app) sees in a browser: its own bookings and a form to book a
 * room. Loaded only when a client signs in; the desk's board and admin screens are never offered.
 */
import { LanguageSwitch } from '../app/language-switch';
import { SessionControls } from '../app/session-controls';
import { ToastArea } from '../app/toast-area';
import { useT } from '../i18n/locale-store';
import { MyBookingsScreen } from './my-bookings-screen';

export function ClientApp() {
  const t = useT();
  return (
    <div className="app" data-testid="client-app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          <a href="#/my-bookings" className="nav-link" aria-current="page" data-testid="nav-my-bookings">
            {t('nav.myBookings')}
          </a>
        </nav>
        <div className="header-end">
          <LanguageSwitch />
          <SessionControls />
        </div>
      </header>
      <main className="app-main">
        <MyBookingsScreen />
      </main>
      <ToastArea />
    </div>
  );
}
