/** The application shell: header, the current screen, dialogs and toasts. */
import { OutboxScreen } from '../admin/outbox-screen';
import { RoomsScreen } from '../admin/rooms-screen';
import { SettingsScreen } from '../admin/settings-screen';
import { FrontDeskBoard } from '../board/front-desk-board';
import { useUiStore } from '../stores/ui-store';
import { AppHeader } from './app-header';
import { DialogHost } from './dialog-host';
import { ErrorBoundary } from './error-boundary';
import { ToastArea } from './toast-area';

export function App() {
  const screen = useUiStore((s) => s.screen);
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary resetKey={screen}>
          {screen === 'board' ? <FrontDeskBoard /> : screen === 'rooms' ? <RoomsScreen /> : screen === 'settings' ? <SettingsScreen /> : <OutboxScreen />}
          <DialogHost />
        </ErrorBoundary>
      </main>
      <ToastArea />
    </div>
  );
}
