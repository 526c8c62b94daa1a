/**
 * First run without FRONTDESK_ADMIN_PASSWORD: the host creates `admin`/`admin`, which must be
 * changed before anything else. Signing in lands on the change screen; a refused new password
 * says why; after the change the desk opens, and the old password no longer works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from './support/api-client';
import { openDesk, type Desk } from './support/desk-fixture';
import { openSignIn, headerUser, signInThroughForm, storedToken } from './support/session-page';

let desk: Desk;

beforeAll(async () => {
  desk = await openDesk({ firstRun: true });
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('the first-run password change', () => {
  it('forces admin/admin to a new password before the desk opens', async () => {
    const page = await openSignIn(desk);
    await signInThroughForm(page, 'admin', 'admin');
    await page.getByTestId('password-change').waitFor();
    expect(await page.getByTestId('board').count()).toBe(0);
    expect(await page.getByTestId('password-change').textContent()).toContain('At least 10 characters, and not a common password.');

    // Until the change, this session can do nothing else.
    const token = await storedToken(page);
    const asAdmin = createApiClient(desk.serve.url, token);
    expect((await asAdmin.request('GET', '/api/v1/board')).status).toBe(403);

    // The repeat is checked here; a common password is refused by the host, which says why.
    await page.getByTestId('password-current').fill('admin');
    await page.getByTestId('password-next').fill('password123');
    await page.getByTestId('password-repeat').fill('password124');
    await page.getByTestId('password-submit').click();
    await page.getByText('The two new passwords differ').waitFor();
    await page.getByTestId('password-repeat').fill('password123');
    await page.getByTestId('password-submit').click();
    const refusal = page.getByTestId('password-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Check the input: .*common/);

    await page.getByTestId('password-next').fill('Hotel-Front-2026');
    await page.getByTestId('password-repeat').fill('Hotel-Front-2026');
    await page.getByTestId('password-submit').press('Enter');
    // A new hotel: before the first booking the admin confirms its time zone (docs/stays-rules.md).
    await page.getByTestId('time-zone-step').waitFor();
    await page.getByTestId('time-zone-input').fill('Europe/Copenhagen');
    await page.getByTestId('time-zone-confirm').click();
    await page.getByTestId('board').waitFor();
    expect((await asAdmin.call<{ timeZone: string; timeZoneConfirmed: boolean }>('GET', '/api/v1/settings'))).toMatchObject({ timeZone: 'Europe/Copenhagen', timeZoneConfirmed: true });
    expect(await headerUser(page)).toEqual({ name: 'admin', role: 'admin' });
    expect((await asAdmin.request('GET', '/api/v1/board')).status).toBe(200);

    expect((await createApiClient(desk.serve.url).request('POST', '/login/', { username: 'admin', password: 'admin' })).status).toBe(401);
    expect((await createApiClient(desk.serve.url).request('POST', '/login/', { username: 'admin', password: 'Hotel-Front-2026' })).status).toBe(200);
  });
});
