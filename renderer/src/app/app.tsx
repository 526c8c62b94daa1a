/**
 * The desk's shell (staff and admin): header, the current screen, dialogs and toasts. A screen the
 * role may not open shows the board instead. The admin screens are loaded when first opened: the
 * desk starts on the board, and they bring the contract's schemas (zod) for their forms.
 */
import { lazy, Suspense } from 'react';
import { FrontDeskBoard } from '../board/front-desk-board';
import { useT } from '../i18n/locale-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { AppHeader } from './app-header';
import { DialogHost } from './dialog-host';
import { ErrorBoundary } from './error-boundary';
import { allowedScreen, type Screen } from './screens';
import { ToastArea } from './toast-area';

const RoomsScreen = lazy(() => import('../rooms/rooms-screen').then((m) => ({ default: m.RoomsScreen })));
const UsersScreen = lazy(() => import('../users/users-screen').then((m) => ({ default: m.UsersScreen })));
const SettingsScreen = lazy(() => import('../settings/settings-screen').then((m) => ({ default: m.SettingsScreen })));
const AuditScreen = lazy(() => import('../audit/audit-screen').then((m) => ({ default: m.AuditScreen })));
const OutboxScreen = lazy(() => import('../outbox/outbox-screen').then((m) => ({ default: m.OutboxScreen })));

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'board': return <FrontDeskBoard />;
    case 'rooms': return <RoomsScreen />;
    case 'users': return <UsersScreen />;
    case 'settings': return <SettingsScreen />;
    case 'audit': return <AuditScreen />;
    case 'outbox': return <OutboxScreen />;
  }
}

export function App() {
  const t = useT();
  const asked = useUiStore((s) => s.screen);
  const role = useSessionStore((s) => s.user?.role);
  const screen = allowedScreen(asked, role);
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <ErrorBoundary resetKey={screen}>
          <Suspense fallback={<div className="panel panel-center muted">{t('common.loading')}</div>}>
            <CurrentScreen screen={screen} />
          </Suspense>
          <DialogHost />
        </ErrorBoundary>
      </main>
      <ToastArea />
    </div>
  );
}
