/**
 * The header's links: the screens the role may open, from the registry; the admin screens in one
 * menu after them (header-menu.tsx), so the header fits from 1280 px wide up. The desk's header and a
 * client's header both use it.
 */
import type { Role } from '../../../shared/contract/roles';
import { useT } from '../i18n/locale-store';
import { useUiStore } from '../stores/ui-store';
import { HeaderMenu } from './header-menu';
import { allowedScreen, screenDef, screensFor, type Screen } from '../composition/screens';

export function ScreenNav({ role }: { role: Role | null | undefined }) {
  const t = useT();
  const asked = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const shown = allowedScreen(asked, role);
  const screens = screensFor(role);

  const link = (s: Screen, inMenu = false) => (
    <a
      key={s}
      href={`#/${s}`}
      className={inMenu ? 'menu-item' : 'nav-link'}
      role={inMenu ? 'menuitem' : undefined}
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
  const inAdmin = adminLinks.includes(shown);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {screens.filter((s) => screenDef(s).group !== 'admin').map((s) => link(s))}
      {adminLinks.length > 0 ? (
        <HeaderMenu
          label={t('nav.admin')}
          current={inAdmin}
          className="nav-link"
          testId="nav-admin"
        >
          {adminLinks.map((s) => link(s, true))}
        </HeaderMenu>
      ) : null}
    </nav>
  );
}
