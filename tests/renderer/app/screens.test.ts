import { describe, expect, it } from 'vitest';
import { ADMIN_SCREENS, allowedScreen, SCREENS, screensFor } from '../../../renderer/src/app/screens';

describe('screensFor', () => {
  it('gives an admin every screen, the admin screens included', () => {
    expect(screensFor('admin')).toEqual(SCREENS);
    for (const s of ADMIN_SCREENS) expect(screensFor('admin')).toContain(s);
  });

  it('gives staff the desk (the board, where stays are booked and exported) and no admin screen', () => {
    expect(screensFor('staff')).toEqual(['board']);
  });

  it('gives a client and a not-yet-known role no admin screen', () => {
    for (const role of ['client', null, undefined] as const) {
      for (const s of ADMIN_SCREENS) expect(screensFor(role)).not.toContain(s);
    }
  });
});

describe('allowedScreen', () => {
  it('shows the screen asked for when the role may open it, the board otherwise', () => {
    expect(allowedScreen('users', 'admin')).toBe('users');
    expect(allowedScreen('users', 'staff')).toBe('board');
    expect(allowedScreen('audit', null)).toBe('board');
    expect(allowedScreen('board', 'staff')).toBe('board');
  });
});
