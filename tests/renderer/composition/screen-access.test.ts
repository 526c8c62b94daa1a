import { describe, expect, it } from 'vitest';
import { allowedIn, screensIn, type ScreenAccess } from '../../../renderer/src/composition/screen-access';

/** The registry's roles (renderer/src/composition/screens.ts), which Node's type check cannot import. */
const registry: ScreenAccess[] = [
  { id: 'board', roles: ['staff', 'admin'] },
  { id: 'rooms', roles: ['admin'] },
  { id: 'users', roles: ['admin'] },
  { id: 'my-bookings', roles: ['client'] },
];
const adminScreens = ['rooms', 'users'];

describe('screensIn', () => {
  it('gives an admin the board first, then the admin screens, in the list order', () => {
    expect(screensIn(registry, 'admin')).toEqual(['board', 'rooms', 'users']);
  });

  it('gives staff the desk (the board) and no admin screen', () => {
    expect(screensIn(registry, 'staff')).toEqual(['board']);
  });

  it('gives a client its own bookings only', () => {
    expect(screensIn(registry, 'client')).toEqual(['my-bookings']);
  });

  it('gives a not-yet-known role what staff sees (the desk is the likely answer), never an admin screen', () => {
    for (const role of [null, undefined] as const) {
      expect(screensIn(registry, role)).toEqual(['board']);
      for (const s of adminScreens) expect(screensIn(registry, role)).not.toContain(s);
    }
  });
});

describe('allowedIn', () => {
  it("shows the screen asked for when the role may open it, the role's first screen otherwise", () => {
    expect(allowedIn(registry, 'users', 'admin', 'board')).toBe('users');
    expect(allowedIn(registry, 'users', 'staff', 'board')).toBe('board');
    expect(allowedIn(registry, 'users', null, 'board')).toBe('board');
    expect(allowedIn(registry, 'board', 'client', 'board')).toBe('my-bookings');
    expect(allowedIn(registry, 'my-bookings', 'staff', 'board')).toBe('board');
  });

  it('falls back when a role may open nothing', () => {
    expect(allowedIn([{ id: 'x', roles: ['admin'] }], 'x', 'client', 'board' as string)).toBe('board');
  });
});
