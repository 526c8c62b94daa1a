/**
 * The application shell: header, the current screen, dialogs and toasts. The admin screens are
 * loaded when first opened: the desk starts on the board, and they bring the contract's schemas
 * (zod) for their forms.
 */
import { lazy, Suspense } from 'react';
import { FrontDeskBoard } from '../board/front-desk-board';
import { useT } from '../i18n/locale-store';
import { useUiStore } from '../stores/ui-store';
import { AppHeader } from './app-header';
import { DialogHost } from './dialog-host';
import { ErrorBoundary } from './error-boundary';
import { ToastArea } from './toast-area';

const RoomsScreen = lazy(() => import('../admin/rooms-screen').then((m) => ({ default: m.RoomsScreen })));
const SettingsScreen = lazy(() => import('../admin/settings-screen').then((m) => ({ default: m.SettingsScreen })));
const OutboxScreen = lazy(() => import('../admin/outbox-screen').then((m) => ({ default: m.OutboxScreen })));

export function App() {
  const t = useT();
  const screen = useUiStore((s) => s.screen);
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary resetKey={screen}>
          <Suspense fallback={<div className="panel panel-center muted">{t('common.loading')}</div>}>
            {screen === 'board' ? <FrontDeskBoard /> : screen === 'rooms' ? <RoomsScreen /> : screen === 'settings' ? <SettingsScreen /> : <OutboxScreen />}
          </Suspense>
          <DialogHost />
        </ErrorBoundary>
      </main>
      <ToastArea />
    </div>
  );
}
