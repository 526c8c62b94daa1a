/**
 * Who is signed in at which window: main's record of each window's session token, keyed by the
 * window's `webContents.id`. **The token never leaves main** (it goes to the host process with each
 * request, never to the page): script running in the page — an injected one included — can then
 * neither read the session nor carry it off to use over the LAN API, and closing the window ends it.
 *
 * Live events carry guests' names and stays, so a window gets them only while its session is usable:
 * signed in, not past its expiry, and not waiting for a forced password change.
 */
import type { LoginResult } from '../shared/contract/auth';
import type { Viewer } from '../shared/contract/event-def';
import { eventVisibleTo, type LiveEvent } from '../shared/contract/events';
import type { HostClient } from './host-client';

interface DeskSession {
  token: string;
  /** Epoch ms; Infinity when the host sent no readable expiry (the host still refuses it when due). */
  expiresAt: number;
  mustChangePassword: boolean;
  /** Who signed in, for the events' audience. */
  viewer: Viewer;
}

export interface DeskSessions {
  tokenFor(windowId: number): string | null;
  /** Records a sign-in; returns the token it replaces (to be logged out), if any. */
  signIn(windowId: number, login: LoginResult): string | null;
  passwordChanged(windowId: number): void;
  /** Drops the window's session; returns its token (to be logged out), if any. */
  forget(windowId: number): string | null;
  /** Drops the session only if it is still `token` (a newer sign-in stays). */
  forgetToken(windowId: number, token: string): void;
  receivesEvents(windowId: number): boolean;
  /** Whether the window's session is usable and the event's audience admits its user (the rule of every feed). */
  receivesEvent(windowId: number, event: LiveEvent): boolean;
  windowIds(): number[];
}

export function createDeskSessions(now: () => number = Date.now): DeskSessions {
  const sessions = new Map<number, DeskSession>();
  const forget = (windowId: number) => {
    const token = sessions.get(windowId)?.token ?? null;
    sessions.delete(windowId);
    return token;
  };
  return {
    tokenFor: (windowId) => sessions.get(windowId)?.token ?? null,
    signIn(windowId, login) {
      const previous = forget(windowId);
      const expiresAt = Date.parse(login.expires_at);
      sessions.set(windowId, {
        token: login.access_token,
        expiresAt: Number.isFinite(expiresAt) ? expiresAt : Infinity,
        mustChangePassword: login.user.mustChangePassword,
        viewer: { role: login.user.role, userId: login.user.id },
      });
      return previous === login.access_token ? null : previous;
    },
    passwordChanged(windowId) {
      const session = sessions.get(windowId);
      if (session) session.mustChangePassword = false;
    },
    forget,
    forgetToken(windowId, token) {
      if (sessions.get(windowId)?.token === token) sessions.delete(windowId);
    },
    receivesEvents(windowId) {
      const session = sessions.get(windowId);
      return session !== undefined && !session.mustChangePassword && now() < session.expiresAt;
    },
    receivesEvent(windowId, event) {
      return this.receivesEvents(windowId) && eventVisibleTo(sessions.get(windowId)!.viewer, event);
    },
    windowIds: () => [...sessions.keys()],
  };
}

/** Ends a window's session: forgotten here at once (no more events), then revoked by the host. */
export async function endSession(sessions: DeskSessions, host: Pick<HostClient, 'call'>, windowId: number): Promise<void> {
  const token = sessions.forget(windowId);
  if (token) await host.call('auth:logout', {}, token);
}
