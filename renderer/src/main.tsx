/** Start-up: pick the transport, subscribe to live events, render, then load settings and the board. */
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

connectLiveEvents(transport());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// The board needs the hotel's zone to know what "today" is, so settings come first; a board
// without settings still loads (with this PC's date) rather than leaving the desk empty.
void useSettingsStore
  .getState()
  .load()
  .catch(() => undefined)
  .finally(() => {
    useBoardStore.getState().load().catch(reportBackgroundError);
  });
