/**
 * Signing in at the desk through the form, the header's user and role, signing out (the token is
 * revoked at once), an admin creating a user on the Users screen who then signs in as staff and
 * books a stay, and a session ended elsewhere sending the page back to sign-in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import type { Stay } from '../../shared/contract/stays';
import { aRoom, createApiClient, listBookings, setUpHotel, signIn } from './support/api-client';
import { barsInRow, clickNight, openBoard, stayIdOf, waitForLive } from './support/board-page';
import { E2E_ADMIN_PASSWORD, hotelDay, openDesk, type Desk } from './support/desk-fixture';
import { openSignIn, headerUser, signInThroughForm, storedToken } from './support/session-page';

let desk: Desk;
const rooms = new Map<number, Room>();

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  for (const n of [101, 102]) rooms.set(n, await aRoom(desk.api, n));
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('signing in at the desk', () => {
  it('opens on the sign-in screen, refuses a wrong password, signs the admin in with name and role shown, and signs out', async () => {
    const page = await openSignIn(desk);
    expect(await page.getByTestId('board').count()).toBe(0);

    await signInThroughForm(page, 'admin', 'not-the-password');
    const refusal = page.getByTestId('sign-in-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.textContent()).toBe('Wrong username or password.');
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');

    await signInThroughForm(page, 'admin', E2E_ADMIN_PASSWORD);
    await page.getByTestId('room-row-101').waitFor();
    await waitForLive(page);
    expect(await headerUser(page)).toEqual({ name: 'admin', role: 'admin' });
    expect(await page.getByTestId('session-role').textContent()).toBe('Administrator');
    for (const screen of ['rooms', 'users', 'settings', 'audit', 'outbox']) expect(await page.getByTestId(`nav-${screen}`).count()).toBe(1);
    const token = await storedToken(page);
    expect(token).toBeTruthy();

    // Signing out is in the user's menu.
    await page.getByTestId('session-user').click();
    await page.getByTestId('sign-out').click();
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-notice')).toBe('signedOut');
    expect(await storedToken(page)).toBeNull();
    // Revoked at once: the old token opens nothing any more.
    expect((await createApiClient(desk.serve.url, token).request('GET', '/api/v1/me')).status).toBe(401);
  });
});

describe('a user created on the Users screen', () => {
  let staffPage: Page;

  it('is created by the admin through the form, and can then sign in, as staff, without the admin screens', async () => {
    const admin = await desk.newPage();
    await admin.goto('/#/users');
    await admin.getByTestId('users-screen').waitFor();
    await admin.getByTestId('user-row-admin').waitFor();
    await admin.getByTestId('user-add').click();
    await admin.getByTestId('user-dialog').waitFor();
    await admin.getByTestId('user-username').fill('nina');
    await admin.getByTestId('user-email').fill('nina@hotel-e2e.dk');
    await admin.getByTestId('user-role').selectOption('staff');
    await admin.getByTestId('user-password').fill('short');
    await admin.getByTestId('user-submit').click();
    // The length is checked before asking the host; the dialog stays open.
    await admin.getByText('The password must be at least 10 characters').waitFor();
    await admin.getByTestId('user-password').fill('nina-desk-2026');
    await admin.getByTestId('user-submit').click();
    await admin.getByTestId('user-dialog').waitFor({ state: 'detached' });
    const row = admin.getByTestId('user-row-nina');
    await row.waitFor();
    expect(await admin.getByTestId('user-role-nina').inputValue()).toBe('staff');
    expect(await admin.getByTestId('user-state-nina').getAttribute('data-active')).toBe('true');

    // A second user with the same name: the host's 409 shows in the dialog.
    await admin.getByTestId('user-add').click();
    await admin.getByTestId('user-username').fill('nina');
    await admin.getByTestId('user-email').fill('nina2@hotel-e2e.dk');
    await admin.getByTestId('user-password').fill('nina-desk-2026');
    await admin.getByTestId('user-submit').click();
    const taken = admin.getByTestId('dialog-error');
    await taken.waitFor();
    expect(await taken.textContent()).toMatch(/^Not possible: /);
    await admin.keyboard.press('Escape');

    staffPage = await desk.newPage({ token: null });
    await staffPage.goto('/#/users');
    await signInThroughForm(staffPage, 'nina', 'nina-desk-2026');
    // The admin chose this password: nina chooses her own before the desk opens.
    await staffPage.getByTestId('password-change').waitFor();
    await staffPage.getByTestId('password-current').fill('nina-desk-2026');
    await staffPage.getByTestId('password-next').fill('Nina-Own-Choice-2026');
    await staffPage.getByTestId('password-repeat').fill('Nina-Own-Choice-2026');
    await staffPage.getByTestId('password-submit').press('Enter');
    await staffPage.getByTestId('room-row-101').waitFor();
    expect(await headerUser(staffPage)).toEqual({ name: 'nina', role: 'staff' });
    // Staff run the desk: no admin screens, and the URL asking for one shows the board.
    expect(await staffPage.getByTestId('nav-admin').count()).toBe(0);
    expect(await staffPage.getByTestId('users-screen').count()).toBe(0);
    expect(await staffPage.getByTestId('nav-board').getAttribute('aria-current')).toBe('page');
  });

  it('books a stay as that staff user: the bar appears and the stay is booked in her name', async () => {
    await waitForLive(staffPage);
    await clickNight(staffPage, 102, hotelDay(1));
    const dialog = staffPage.getByTestId('booking-dialog');
    await dialog.waitFor();
    await staffPage.getByTestId('booking-checkout').fill(hotelDay(3));
    await staffPage.getByTestId('booking-guest-name').fill('Staff Booked Guest');
    await staffPage.getByTestId('booking-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const bar = barsInRow(staffPage, 102);
    await bar.waitFor();
    expect(await bar.textContent()).toContain('Staff Booked Guest');

    const id = await stayIdOf(bar);
    const stay = await desk.api.call<Stay>('GET', `/api/v1/stays/${id}`);
    expect(stay).toMatchObject({ guestName: 'Staff Booked Guest', createdBy: 'nina', status: 'booked' });
    expect((await listBookings(desk.api)).map((b) => b.id)).toContain(id);
  });
});

describe('a session that ends elsewhere', () => {
  it('sends the open desk back to sign-in, saying the session has ended', async () => {
    const staff = await signIn(desk.serve.url, 'nina', 'Nina-Own-Choice-2026');
    const page = await desk.newPage({ token: staff.api.token });
    await openBoard(page, 101);
    expect(await headerUser(page)).toEqual({ name: 'nina', role: 'staff' });

    // Another window signs this session out (the same token). The desk learns it from whichever comes
    // first: its live feed, closed with 4401 at the host's next event or session re-check, or its own
    // next request (a click on Today), answered 401. Either must bring the sign-in screen and notice.
    await staff.api.call('POST', '/logout/');
    await page
      .getByTestId('board-today')
      .click({ timeout: 5_000 })
      .catch(() => {
        /* the live feed was first: the board has already gone */
      });
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-notice')).toBe('expired');
    expect(await notice.textContent()).toBe('Your session has ended. Please sign in again.');
  });
});
