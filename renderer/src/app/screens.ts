/**
 * The desk's screens and who sees which: staff run the desk (the board, where stays are booked,
 * changed and exported); an admin also sees the admin screens. A client never sees the desk (it
 * gets My bookings instead). No other imports: pure, tested in Node.
 */
import type { Role } from '../../../shared/contract/auth-schemas';

export const SCREENS = ['board', 'rooms', 'users', 'settings', 'audit', 'outbox'] as const;
export type Screen = (typeof SCREENS)[number];

export const ADMIN_SCREENS: readonly Screen[] = ['rooms', 'users', 'settings', 'audit', 'outbox'];

/** The screens a role may open, in the navigation's order; the board alone while the role is not yet known. */
export function screensFor(role: Role | null | undefined): readonly Screen[] {
  if (role === 'admin') return SCREENS;
  return ['board'];
}

/** The screen to show: the one asked for when the role may see it, the board otherwise. */
export function allowedScreen(asked: Screen, role: Role | null | undefined): Screen {
  return screensFor(role).includes(asked) ? asked : 'board';
}
