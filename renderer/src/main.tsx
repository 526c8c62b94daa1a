/**
 * Start-up: pick the transport, follow the session (sign-in starts the desk, sign-out clears it),
 * check the session, render. With a token stored in this tab the desk starts at once, before the
 * session check answers; without one the small sign-in screen shows.
 */
// First, so it runs before the rest of the bundle is evaluated: it sends the first requests.
import './boot';
// The words, before anything renders (translate finds them installed).
import './composition/dictionaries';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDesk } from './app/desk-loads';
import { LIVE_MAP } from './composition/live-map';
import { ErrorBoundary } from './app/error-boundary';
import { SessionGate } from './app/session-gate';
import { followSession } from './app/session-flow';
import { installLiveMap } from './stores/live-event-table';
import { connectLiveEvents } from './stores/live-events';
import { useSessionStore } from './stores/session-store';
import { chooseTransport } from './transport/choose-transport';
import { setTransport } from './transport/current-transport';
import './styles/base.css';
import './styles/header.css';
import './styles/controls.css';
import './styles/dialogs.css';
import './styles/board-chrome.css';
import './styles/board-grid.css';
import './styles/board-marks.css';
import './styles/screens.css';
import './styles/session.css';
import './styles/desk.css';

const t = chooseTransport();
setTransport(t);
t.onRefusal((command, error) => useSessionStore.getState().refused(command, error));
installLiveMap(LIVE_MAP);
connectLiveEvents(t);
followSession(loadDesk);
void useSessionStore.getState().restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SessionGate />
    </ErrorBoundary>
  </StrictMode>,
);
