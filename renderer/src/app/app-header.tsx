/** Hotel name, the screens, the language switch and whether live updates are flowing. */
import type { MessageKey } from '../i18n/translate';
import { useLocaleStore, useT } from '../i18n/locale-store';
import { LANGS } from '../i18n/translate';
import { useConnectionStore } from '../stores/connection-store';
import { useSettingsStore } from '../stores/settings-store';
import { SCREENS, useUiStore } from '../stores/ui-store';

const NAV_LABEL: Record<(typeof SCREENS)[number], MessageKey> = {
  board: 'nav.board',
  rooms: 'nav.rooms',
  settings: 'nav.settings',
  outbox: 'nav.outbox',
};

export function AppHeader() {
  const t = useT();
  const hotelName = useSettingsStore((s) => s.settings?.hotelName);
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const lang = useLocaleStore((s) => s.lang);
  const choose = useLocaleStore((s) => s.choose);
  const connection = useConnectionStore((s) => s.state);

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
        {SCREENS.map((s) => (
          <a
            key={s}
            href={`#/${s}`}
            className="nav-link"
            aria-current={screen === s ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              go(s);
            }}
            data-testid={`nav-${s}`}
          >
            {t(NAV_LABEL[s])}
          </a>
        ))}
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
        <div className="segmented segmented-dark" role="group" aria-label={t('lang.label')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => choose(l)} data-testid={`lang-${l}`} title={t(`lang.${l}`)}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
