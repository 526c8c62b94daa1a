/**
 * Hotel name, the screens this role may open (an admin's after a divider), the language switch,
 * whether live updates are flowing, and the signed-in user with Sign out.
 */
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/locale-store';
import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../settings/settings-store';
import { useUiStore } from '../stores/ui-store';
import { LanguageSwitch } from './language-switch';
import { ADMIN_SCREENS, allowedScreen, screensFor, type Screen } from './screens';
import { SessionControls } from './session-controls';

const NAV_LABEL: Record<Screen, MessageKey> = {
  board: 'nav.board',
  rooms: 'nav.rooms',
  users: 'nav.users',
  settings: 'nav.settings',
  audit: 'nav.audit',
  outbox: 'nav.outbox',
};

export function AppHeader() {
  const t = useT();
  const hotelName = useSettingsStore((s) => s.settings?.hotelName);
  const role = useSessionStore((s) => s.user?.role);
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const connection = useConnectionStore((s) => s.state);
  const shown = allowedScreen(screen, role);
  const screens = screensFor(role);

  const link = (s: Screen) => (
    <a
      key={s}
      href={`#/${s}`}
      className="nav-link"
      aria-current={shown === s ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        go(s);
      }}
      data-testid={`nav-${s}`}
    >
      {t(NAV_LABEL[s])}
    </a>
  );

  const adminLinks = screens.filter((s) => ADMIN_SCREENS.includes(s));
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <span className="brand-name" data-testid="hotel-name">
          {hotelName ?? t('app.name')}
        </span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        {screens.filter((s) => !ADMIN_SCREENS.includes(s)).map(link)}
        {adminLinks.length > 0 ? (
          <span className="nav-group" role="group" aria-label={t('nav.admin')} data-testid="nav-admin">
            <span className="nav-group-label" aria-hidden="true">
              {t('nav.admin')}
            </span>
            {adminLinks.map(link)}
          </span>
        ) : null}
      </nav>
      <div className="header-end">
        <span
          className={`connection connection-${connection}`}
          role="status"
          title={t(connection === 'live' ? 'conn.liveTitle' : 'conn.offlineTitle')}
          data-testid="connection"
          data-state={connection}
        >
          <span className="connection-dot" aria-hidden="true" />
          {t(connection === 'live' ? 'conn.live' : connection === 'offline' ? 'conn.offline' : 'conn.connecting')}
        </span>
        <LanguageSwitch />
        <SessionControls />
      </div>
    </header>
  );
}
