/**
 * Renders a screen of the registry: from the first bundle when it is there, otherwise its chunk,
 * loaded when first opened (one `React.lazy` per screen, kept, so coming back does not reload it).
 */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useT } from '../i18n/locale-store';
import { FIRST_BUNDLE_SCREENS } from '../composition/first-bundle-screens';
import { screenDef, type Screen } from '../composition/screens';

const lazyScreens = new Map<Screen, LazyExoticComponent<ComponentType>>();

function screenComponent(screen: Screen): ComponentType {
  const eager = FIRST_BUNDLE_SCREENS[screen];
  if (eager) return eager;
  let component = lazyScreens.get(screen);
  if (!component) {
    const { load } = screenDef(screen);
    component = lazy(() => load().then((c) => ({ default: c })));
    lazyScreens.set(screen, component);
  }
  return component;
}

export function ScreenView({ screen }: { screen: Screen }) {
  const t = useT();
  const Component = screenComponent(screen);
  return (
    <Suspense fallback={<div className="panel panel-center muted">{t('common.loading')}</div>}>
      <Component />
    </Suspense>
  );
}
