/**
 * Issue 10 item 17, the small things a new user met, in Chromium against `npm run serve`: the
 * sign-in form after a wrong password, New stay's room list with invalid dates, the guest count, the
 * host down, the range buttons, "Back to the stay" beside "Cancel stay", the audit log in words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aStay } from './support/api-client';
import { stayBar } from './support/board-page';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';
import { openSignIn, signInThroughForm } from './support/session-page';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [[101, { capacity: 1 }], [102, { capacity: 3 }]], boardAt: 101 }, (opened) => ({ desk, page } = opened));

describe('the small things', () => {
  it('a wrong password says so, without "Password is required" under the emptied field', async () => {
    const signIn = await openSignIn(desk);
    await signInThroughForm(signIn, 'admin', 'not-the-password');
    await signIn.getByTestId('sign-in-error').waitFor();
    expect(await signIn.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await signIn.locator('.field-error').count()).toBe(0);
    // Submitting the empty field now does say it is required.
    await signIn.getByTestId('sign-in-submit').click();
    await signIn.locator('.field-error', { hasText: 'Password is required' }).waitFor();
  });

  it('New stay: an invalid date says so instead of "Loading…"; the guest count narrows the rooms at once', async () => {
    await page.getByTestId('new-stay').click();
    const dialog = page.getByTestId('booking-dialog');
    await dialog.waitFor();
    const room = page.getByTestId('booking-room');
    const options = () => room.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    await expect.poll(options, { timeout: UI_TIMEOUT_MS }).toEqual([String(rooms.get(101)!.id), String(rooms.get(102)!.id)]);
    await page.getByTestId('booking-guests').fill('2');
    await expect.poll(options, { timeout: UI_TIMEOUT_MS }).toEqual([String(rooms.get(102)!.id)]);
    await page.getByTestId('booking-guests').fill('25');
    await dialog.getByText('Guests must be a whole number from 1 to 20').waitFor();
    await page.getByTestId('booking-guests').fill('1');
    await page.getByTestId('booking-checkout').fill(hotelDay(0));
    await dialog.getByText('Choose valid dates to see the free rooms').waitFor();
    expect(await dialog.getByText('Loading…').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the range: choosing 90 days leaves no week/fortnight/month button pressed; choosing Month presses it', async () => {
    await page.getByTestId('board-range-30').click();
    await expect.poll(() => page.getByTestId('board-range-30').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('board-range').selectOption('90');
    await page.getByTestId('day-' + hotelDay(80)).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    for (const d of [7, 14, 30]) expect(await page.getByTestId(`board-range-${d}`).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('board-range').inputValue()).toBe('90');
    await page.getByTestId('board-range-14').click();
    // The next test counts the board's days: leave it drawn at 14, not still at 90.
    await expect.poll(() => page.getByTestId('board-range-14').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('[data-testid^="day-"]').count(), { timeout: UI_TIMEOUT_MS }).toBe(14);
  });

  it('the board closes each day with a line at its right edge, the whole body high', async () => {
    const days = await page.locator('[data-testid^="day-"]').count();
    const lines = page.locator('.day-line');
    expect(await lines.count()).toBe(days);
    const edge = await page.locator('[data-testid^="day-"]').first().boundingBox();
    const line = await lines.first().boundingBox();
    const body = await page.locator('.board-days').boundingBox();
    expect(line!.width).toBe(1);
    expect(line!.x).toBeCloseTo(edge!.x + edge!.width - 1, 0);
    expect(line!.height).toBeCloseTo(body!.height, 0);
  });

  it('a stay\'s dialog: the panels go "Back to the stay", never a bare "Cancel" beside "Cancel stay"', async () => {
    const stay = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Dora Dates' });
    await stayBar(page, stay.id).click();
    const dialog = page.getByTestId('stay-dialog');
    await dialog.locator('[data-testid="stay-status"][data-status="booked"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('stay-action-change-dates').click();
    await page.getByTestId('stay-dates-submit-back').waitFor();
    expect(await page.getByTestId('stay-dates-submit-back').textContent()).toBe('Back to the stay');
    expect(await dialog.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    await page.getByTestId('stay-dates-submit-back').click();
    await page.getByTestId('stay-action-cancel').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the audit log: actions in words, details as field: value, the action filter a list', async () => {
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-screen').waitFor();
    const row = page.locator('tr[data-action="stays:create"]').first();
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await row.getByTestId('audit-action').textContent()).toBe('Booked a stay');
    expect(await row.getByTestId('audit-detail').textContent()).toContain('guestName: Dora Dates');
    await page.getByTestId('audit-filter-action').selectOption({ label: 'Changed the settings' });
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => page.locator('tbody tr[data-action]').evaluateAll((rs) => [...new Set(rs.map((r) => (r as unknown as { dataset: { action: string } }).dataset.action))]), { timeout: UI_TIMEOUT_MS }).toEqual(['settings:update']);
  });

  it('date fields follow the desk\'s language, not the browser\'s: dd.mm.åååå in Danish, ISO in English', async () => {
    await page.getByTestId('nav-board').click();
    await page.getByTestId('room-row-101').waitFor();
    await page.getByTestId('lang-da').click();
    const [y, m, d] = hotelDay(0).split('-');
    await expect.poll(() => page.getByTestId('board-from').inputValue()).toBe(`${d}.${m}.${y}`);
    expect(await page.getByTestId('board-from').getAttribute('placeholder')).toBe('dd.mm.åååå');
    // Typed the Danish way, the board moves there.
    const target = hotelDay(10).split('-');
    await page.getByTestId('board-from').fill(`${Number(target[2])}.${Number(target[1])}.${target[0]}`);
    await page.getByTestId(`day-${hotelDay(10)}`).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('board-from').inputValue()).toBe(hotelDay(10));
  });

  it('with the host down, New stay says the desk cannot be reached, not "Room is required"', async () => {
    await page.getByTestId('nav-board').click();
    await page.getByTestId('room-row-101').waitFor();
    await desk.serve.stop();
    await page.getByTestId('new-stay').click();
    const dialog = page.getByTestId('booking-dialog');
    await dialog.getByText('Cannot reach the desk server').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('booking-guest-name').fill('Nobody');
    await page.getByTestId('booking-submit').click();
    expect(await dialog.getByText('Room is required').count()).toBe(0);
  });
});
