/**
 * The header's links: the screens the role may open, from the registry, the admin group after a
 * divider. The desk's header and a client's header both use it.
 */
import type { Role } from '../../../shared/contract/auth-schemas';
import { useT } from '../i18n/locale-store';
import { useUiStore } from '../stores/ui-store';
import { allowedScreen, screenDef, screensFor, type Screen } from './screen-registry';

export function ScreenNav({ role }: { role: Role | null | undefined }) {
  const t = useT();
  const asked = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const shown = allowedScreen(asked, role);
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
      {t(screenDef(s).label)}
    </a>
  );

  const adminLinks = screens.filter((s) => screenDef(s).group === 'admin');
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {screens.filter((s) => screenDef(s).group !== 'admin').map(link)}
      {adminLinks.length > 0 ? (
        <span className="nav-group" role="group" aria-label={t('nav.admin')} data-testid="nav-admin">
          <span className="nav-group-label" aria-hidden="true">
            {t('nav.admin')}
          </span>
          {adminLinks.map(link)}
        </span>
      ) : null}
    </nav>
  );
}
