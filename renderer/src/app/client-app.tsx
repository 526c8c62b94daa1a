/**
 * What a LAN client (kiosk, guest app) sees in a browser: the screens the registry gives a client
 * (its own bookings and a form to book a room). Loaded only when a client signs in; the desk's
 * board and admin screens are never offered.
 */
import { LanguageSwitch } from '../ui/language-switch';
import { allowedScreen } from '../composition/screens';
import { ScreenNav } from './screen-nav';
import { ScreenView } from './screen-view';
import { SessionControls } from './session-controls';
import { ToastArea } from './toast-area';
import { useT } from '../i18n/locale-store';
import { useUiStore } from '../stores/ui-store';

export function ClientApp() {
  const t = useT();
  const screen = allowedScreen(useUiStore((s) => s.screen), 'client');
  return (
    <div className="app" data-testid="client-app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <ScreenNav role="client" />
        <div className="header-end">
          <LanguageSwitch />
          <SessionControls />
        </div>
      </header>
      <main className="app-main">
        <ScreenView screen={screen} />
      </main>
      <ToastArea />
    </div>
  );
}
