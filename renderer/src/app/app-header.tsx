/**
 * Hotel name, the screens this role may open (screen-nav.tsx), the language switch,
 * whether live updates are flowing, and the signed-in user with Sign out.
 */
import { useT } from '../i18n/locale-store';
import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';
import { useSettingsStore } from '../settings/settings-store';
import { GlobalSearch } from '../desk/global-search';
import { LanguageSwitch } from '../ui/language-switch';
import { ScreenNav } from './screen-nav';
import { SessionControls } from './session-controls';

export function AppHeader() {
  const t = useT();
  const hotelName = useSettingsStore((s) => s.settings?.hotelName);
  const role = useSessionStore((s) => s.user?.role);
  const connection = useConnectionStore((s) => s.state);
  return (
    <header className="app-header">
      <div className="brand" title={hotelName ?? t('app.name')}>
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <span className="brand-name" data-testid="hotel-name">
          {hotelName ?? t('app.name')}
        </span>
      </div>
      <ScreenNav role={role} />
      {role === 'staff' || role === 'admin' ? <GlobalSearch /> : null}
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
