/**
 * What signing in and out starts and stops. Entering a session opens the live feed and, for the
 * desk (staff, admin), loads its first data (`loadDesk`: the settings and the board); leaving one
 * closes the feed and clears every store's data (stores/session-data.ts). With a stored token the
 * desk starts while `auth:me` is still checking it (`optimistic`), so the board does not wait for
 * an extra round trip; the board request simply fails with 401 if the token is stale, and the
 * sign-in screen follows.
 */
import { clearSessionData } from '../stores/session-data';
import { useSessionStore, type SessionState } from '../stores/session-store';
import { transport } from '../transport/current-transport';

const inSession = (state: SessionState, optimistic: boolean) => state === 'signedIn' || (state === 'checking' && optimistic);

/** Subscribes to the session store; call before `restore()`, which may start the desk at once. */
export function followSession(loadDesk: () => void): () => void {
  let deskLoaded = false;
  return useSessionStore.subscribe((s, prev) => {
    const now = inSession(s.state, s.optimistic);
    const before = inSession(prev.state, prev.optimistic);
    if (now) {
      if (!before) transport().setLive(true);
      // The role is unknown while checking: the desk is the likely answer (a client's board request is refused quietly).
      const desk = s.user ? s.user.role !== 'client' : true;
      if (desk && !deskLoaded) {
        deskLoaded = true;
        loadDesk();
      }
    } else if (before || prev.state === 'mustChange') {
      transport().setLive(false);
      deskLoaded = false;
      clearSessionData();
    }
  });
}
