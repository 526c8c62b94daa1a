/**
 * Every screen at 1280 × 800, the smallest desk the header is made for, in both languages, on the
 * demo hotel (issue 18 §3): no header item overlaps another or leaves the window, no text in it is
 * cut (the hotel's name may be shortened: its whole name is its tooltip), and no screen is wider than
 * the window, its title row included (Cars' "Tilføj bil" was cut). The header's menus work from the
 * keyboard. `FRONTDESK_SCREENSHOTS=<dir>` keeps a screenshot of each screen there, to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForLive } from './support/board-page';
import { openDesk, type Desk } from './support/desk-fixture';

const VIEWPORT = { width: 1280, height: 800 };
const SCREENS = ['board', 'appointments', 'stock', 'cars', 'print', 'exports', 'rooms', 'users', 'settings', 'audit', 'outbox', 'appointment-setup'] as const;
/** Each screen's frame, present once it has loaded. */
const LOADED: Record<(typeof SCREENS)[number], string> = {
  board: 'room-row-101',
  appointments: 'appointments-screen',
  stock: 'stock-screen',
  cars: 'cars-screen',
  print: 'print-screen',
  exports: 'exports-screen',
  rooms: 'rooms-screen',
  users: 'users-screen',
  settings: 'settings-screen',
  audit: 'audit-screen',
  outbox: 'outbox-screen',
  'appointment-setup': 'appointment-setup',
};
const SHOTS = process.env.FRONTDESK_SCREENSHOTS;

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The text does not fit its box (cut or shortened). */
  clipped: boolean;
}

/** The header's items as drawn: each one's box and whether its text is cut. */
function headerItems(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): ElementLike | null; querySelectorAll(s: string): ElementLike[] } }).document;
    interface ElementLike {
      getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number };
      scrollWidth: number;
      clientWidth: number;
      getAttribute(name: string): string | null;
      className: string;
      querySelectorAll(s: string): ElementLike[];
    }
    const header = doc.querySelector('.app-header')!;
    const parts = [
      ...header.querySelectorAll('.brand, .nav > .nav-link, .global-search, .connection, .segmented, .session-user'),
    ];
    return parts.map((el) => {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('data-testid') ?? el.className.split(' ')[0]!;
      const cut = [el, ...el.querySelectorAll('*')].some((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);
      return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped: cut };
    });
  });
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

let desk: Desk;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ demo: true });
  page = await desk.newPage({ viewport: VIEWPORT });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe.each(['da', 'en'] as const)('every screen at 1280 × 800 in %s', (lang) => {
  it.each(SCREENS)('%s: the header fits, nothing overlaps or is cut, the page is no wider than the window', async (screen) => {
    await page.goto(`/#/${screen}`);
    await page.getByTestId(LOADED[screen]).waitFor();
    if ((await page.locator('html').getAttribute('lang')) !== lang) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    }
    await waitForLive(page);

    const items = await headerItems(page);
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['brand', 'nav-board', 'nav-cars', 'nav-admin', 'global-search', 'connection', 'session-user']));
    for (const item of items) {
      expect(item.left, `${item.name} starts inside the window`).toBeGreaterThanOrEqual(0);
      expect(item.right, `${item.name} ends inside the window`).toBeLessThanOrEqual(VIEWPORT.width);
      expect(item.bottom, `${item.name} stays in the header`).toBeLessThanOrEqual(48);
      if (item.name !== 'brand') expect(item.clipped, `${item.name}'s text is cut`).toBe(false);
    }
    for (const [i, a] of items.entries()) {
      for (const b of items.slice(i + 1)) expect(overlap(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
    }

    // The page's own title row: every control inside the window.
    const head = await page.locator('.screen-head > *').evaluateAll((els) =>
      els.map((e) => ({ right: e.getBoundingClientRect().right, left: e.getBoundingClientRect().left })),
    );
    for (const box of head) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(VIEWPORT.width);
    }
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${screen}-${lang}.png`) });
  });
});

describe('the header from the keyboard', () => {
  it('opens the admin menu with Enter, moves with the arrows, follows a link, and Escape closes it back to its button', async () => {
    await page.goto('/#/board');
    await page.getByTestId('room-row-101').waitFor();
    await page.getByTestId('nav-admin').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-admin-menu').waitFor();
    // The menu shows, then moves focus to its first item: wait for that, not only for the menu.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-testid'))).toBe('nav-rooms');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-screen').waitFor();
    await page.getByTestId('nav-admin-menu').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('nav-admin').getAttribute('class')).toContain('is-current');

    await page.getByTestId('nav-admin').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-admin-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-admin-menu').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('data-testid'))).toBe('nav-admin');
  });

  it('the user menu says who is signed in and in which role, and offers the password change and signing out', async () => {
    await page.getByTestId('session-user').click();
    const menu = page.getByTestId('session-user-menu');
    await menu.waitFor();
    expect(await page.getByTestId('session-role').isVisible()).toBe(true);
    expect(await page.getByTestId('sign-out').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  });
});
