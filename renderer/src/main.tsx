/** Start-up: pick the transport, subscribe to live events, ask for settings and the board, render. */
// First, so it runs before the rest of the bundle is evaluated: it sends the first requests.
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ErrorBoundary } from './app/error-boundary';
import { useBoardStore } from './stores/board-store';
import { connectLiveEvents } from './stores/live-events';
import { useSettingsStore } from './stores/settings-store';
import { reportBackgroundError } from './stores/toast-store';
import { transport } from './transport/current-transport';
import './styles/base.css';
import './styles/controls.css';
import './styles/dialogs.css';
import './styles/board-chrome.css';
import './styles/board-grid.css';
import './styles/board-marks.css';
import './styles/screens.css';

// Both calls go out before the first render, side by side (over HTTP the boot script has sent them
// already): the board does not wait for the settings, as the host knows the hotel's today.
// Without settings the desk still works (this PC's zone and language); the store keeps the error.
useSettingsStore.getState().load().catch(() => undefined);
useBoardStore.getState().load().catch(reportBackgroundError);
connectLiveEvents(transport());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
