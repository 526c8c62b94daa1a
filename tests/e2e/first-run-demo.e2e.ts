/**
 * A newcomer's first run (issue 18 §1): `npm run serve -- --demo` on a server whose clock is UTC,
 * signed in as admin/admin in Danish. The zone was chosen before the demo was stored (the demo
 * hotel's, Europe/Copenhagen), so after the password change the desk opens on the board at once,
 * with no step to get stuck on, and every desk screen shows the demo hotel. A hotel whose stays were
 * booked (over the API) before its admin confirmed a zone is offered only the zone they fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../shared/time';
import { aRoom, aStay, createApiClient } from './support/api-client';
import { waitForLive } from './support/board-page';
import { openDesk, type Desk } from './support/desk-fixture';
import { signInThroughForm } from './support/session-page';

const SERVER_ON_UTC = { TZ: 'UTC' };

describe('the first run with the demo hotel, in Danish, on a server running on UTC', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk({ demo: true, firstRun: true, env: SERVER_ON_UTC });
  });
  afterAll(async () => {
    await desk?.close();
    expect(desk?.pageErrors ?? []).toEqual([]);
  });

  it('reaches the board after the password change, in the hotel’s zone (not UTC), and every desk screen has the demo', async () => {
    const page = await desk.newPage({ token: null });
    await page.goto('/');
    await page.getByTestId('sign-in').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await signInThroughForm(page, 'admin', 'admin');
    await page.getByTestId('password-current').fill('admin');
    await page.getByTestId('password-next').fill('Hotel-Front-2026');
    await page.getByTestId('password-repeat').fill('Hotel-Front-2026');
    await page.getByTestId('password-submit').press('Enter');

    await page.getByTestId('board').waitFor();
    await page.getByTestId('room-row-101').waitFor();
    await waitForLive(page);
    expect(await page.getByTestId('time-zone-step').count()).toBe(0);
    expect(await page.getByTestId('nav-board').textContent()).toBe('Oversigt');

    const admin = createApiClient(desk.serve.url, (await createApiClient(desk.serve.url).call<{ access_token: string }>('POST', '/login/', { username: 'admin', password: 'Hotel-Front-2026' })).access_token);
    expect(await admin.call('GET', '/api/v1/settings')).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
    // The board's today is the hotel's: its first column is today in Copenhagen.
    const today = localDate(Date.now(), 'Europe/Copenhagen');
    await page.getByTestId(`day-${today}`).waitFor();

    await page.getByTestId('nav-appointments').click();
    await page.locator('[data-testid^="appt-block-"]').first().waitFor();
    await page.getByTestId('nav-stock').click();
    await page.getByTestId('stock-screen').getByText('Bike', { exact: true }).first().waitFor();
    expect(await page.getByTestId('stock-screen').textContent()).toContain('overskredet');
    await page.getByTestId('nav-cars').click();
    await page.getByTestId('cars-screen').locator('tbody').getByText('Skadet', { exact: true }).waitFor();
    expect(await page.getByTestId('cars-screen').locator('tbody').getByText('Udlejet', { exact: true }).count()).toBe(1);
  });
});

describe('a first run where stays were booked before the admin confirmed a zone', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk({ env: SERVER_ON_UTC });
  });
  afterAll(async () => {
    await desk?.close();
    expect(desk?.pageErrors ?? []).toEqual([]);
  });

  it('offers only the zone the stays fix, and opens the desk once it is confirmed', async () => {
    const settings = await desk.api.call<{ timeZone: string; timeZoneConfirmed: boolean }>('GET', '/api/v1/settings');
    // On a server's UTC the hotel's likely zone is the default, not UTC.
    expect(settings).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: false });
    const today = localDate(Date.now(), 'Europe/Copenhagen');
    await aStay(desk.api, { room: await aRoom(desk.api, 101), checkin: addDays(today, 3), checkout: addDays(today, 5), guestName: 'Early Integration' });

    const page = await desk.newPage();
    await page.goto('/');
    const step = page.locator('[data-testid="time-zone-step"][data-locked="true"]');
    await step.waitFor();
    expect(await page.getByTestId('time-zone-input').count()).toBe(0);
    expect(await page.getByTestId('time-zone-locked').textContent()).toBe('Hotellet har allerede ophold eller spærringer, så tidszonen ligger fast: Europe/Copenhagen.');
    await page.getByTestId('time-zone-confirm').click();
    await page.getByTestId('room-row-101').waitFor();
    expect(await desk.api.call('GET', '/api/v1/settings')).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
  });
});
