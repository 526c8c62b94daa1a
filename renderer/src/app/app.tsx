/**
 * The desk's shell (staff and admin): header, the current screen, dialogs and toasts. Which screens
 * exist, who may open them and how they load is the screen registry's business
 * (composition/screens.ts); a screen the role may not open shows the role's first screen instead.
 */
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { AppHeader } from './app-header';
import { DialogHost } from './dialog-host';
import { ErrorBoundary } from './error-boundary';
import { allowedScreen } from '../composition/screens';
import { ScreenView } from './screen-view';
import { ToastArea } from './toast-area';

export function App() {
  const asked = useUiStore((s) => s.screen);
  const role = useSessionStore((s) => s.user?.role);
  const screen = allowedScreen(asked, role);
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary resetKey={screen}>
          <ScreenView screen={screen} />
          <DialogHost />
        </ErrorBoundary>
      </main>
      <ToastArea />
    </div>
  );
}
