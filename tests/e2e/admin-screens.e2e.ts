/**
 * The admin's own screens: the audit log (sign-ins and changes, newest first, filtered, exported as
 * CSV with the session's token), the LAN settings with where the host listens, refusals from the
 * Users screen (the last admin keeps the role), and the outbox's targets (billing failing since when,
 * then up again, followed live).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/audit';
import { aRoom, aStay, setUpHotel, signIn } from './support/api-client';
import { openDesk, type Desk } from './support/desk-fixture';

let desk: Desk;

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  await aRoom(desk.api, 101);
  // A failed sign-in and a staff user's sign-in, for the log.
  await desk.api.call('POST', '/api/v1/users', { username: 'lena', email: 'lena@hotel-e2e.dk', role: 'staff', password: 'lena-desk-2026' });
  expect((await fetch(`${desk.serve.url}/login/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"lena","password":"wrong-one-here"}' })).status).toBe(401);
  await signIn(desk.serve.url, 'lena', 'lena-desk-2026');
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe('the audit log screen', () => {
  it('lists who did what, newest first, filters by who, and exports the filtered log as CSV', async () => {
    const page = await desk.newPage();
    await page.goto('/#/audit');
    await page.getByTestId('audit-screen').waitFor();
    await page.locator('[data-testid^="audit-row-"]').first().waitFor();
    const ids = await page.locator('[data-testid^="audit-row-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-testid')!.slice('audit-row-'.length))));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const actions = await page.locator('[data-testid^="audit-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toContain('users:create');
    expect(actions).toContain('rooms:create');

    await page.getByTestId('audit-filter-actor').fill('lena');
    await page.getByTestId('audit-apply').click();
    await expect
      .poll(async () => page.locator('[data-testid^="audit-row-"]').evaluateAll((rows) => rows.map((r) => r.children[1]!.textContent)))
      .toSatisfy((who: (string | null)[]) => who.length > 0 && who.every((w) => w === 'lena'));
    const lenaActions = await page.locator('[data-testid^="audit-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(lenaActions).toContain('auth:login');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    await page.getByTestId('audit-export-result').waitFor();
    const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    const delimiter = text.split(/\r?\n/)[0]!.includes(';') ? ';' : ',';
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimiter }).data;
    expect(rows.length).toBe(lenaActions.length);
    const api = await desk.api.call<{ entries: AuditEntry[] }>('GET', '/api/v1/audit?actor=lena');
    expect(rows.length).toBe(api.entries.length);
  });
});

describe('the LAN settings', () => {
  it('show where the host listens while the LAN API is off, with its switch, address and port', async () => {
    const page = await desk.newPage();
    await page.goto('/#/settings');
    const panel = page.getByTestId('network-panel');
    await panel.waitFor();
    await page.getByTestId('network-listening').waitFor();
    expect(await panel.getAttribute('data-lan')).toBe('false');
    expect(await page.getByTestId('network-listening').textContent()).toContain('127.0.0.1');
    expect(await page.getByTestId('settings-lanEnabled').isChecked()).toBe(false);
    expect(await page.getByTestId('settings-lanHost').inputValue()).toBeTruthy();

    // A bad address is explained beside the field, and nothing is sent.
    await page.getByTestId('settings-lanHost').fill('desk.local');
    await page.getByTestId('settings-save').click();
    await page.getByText('Enter an IP address such as 0.0.0.0').waitFor();
    await page.getByTestId('settings-lanHost').fill('0.0.0.0');

    await page.getByTestId('settings-sessionHours').fill('8');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('toast-success').waitFor();
    expect((await desk.api.call<{ sessionHours: number }>('GET', '/api/v1/settings')).sessionHours).toBe(8);
  });
});

describe('refusals on the Users screen', () => {
  it('shows the host’s 409 when the last admin would lose the role, and keeps the role', async () => {
    const page = await desk.newPage();
    await page.goto('/#/users');
    await page.getByTestId('user-role-admin').waitFor();
    await page.getByTestId('user-role-admin').selectOption('staff');
    // Asked first; nothing is sent until confirmed.
    expect(await page.getByTestId('user-confirm-dialog').textContent()).toContain('Change admin’s role to staff?');
    await page.getByTestId('user-confirm-yes').click();
    const refusal = page.getByTestId('users-action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Not possible: /);
    expect(await page.getByTestId('user-role-admin').inputValue()).toBe('admin');
  });
});

describe('the outbox screen’s targets', () => {
  it('show billing failing since its first 500, with the reason and the next probe, then up again once it answers, live', async () => {
    let answer = 500;
    const billing = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(answer, { 'content-type': 'application/json' }).end(answer === 200 ? '{}' : '{"error":"billing database unavailable"}'));
    });
    await new Promise<void>((resolve) => billing.listen(0, '127.0.0.1', resolve));
    try {
      await desk.api.call('PATCH', '/api/v1/settings', { billingServiceUrl: `http://127.0.0.1:${(billing.address() as AddressInfo).port}` });
      const page = await desk.newPage();
      await page.goto('/#/outbox');
      const row = page.getByTestId('outbox-target-billing');
      await row.waitFor();
      const room = await aRoom(desk.api, 102);
      const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      await aStay(desk.api, { room, checkin: inDays(20), checkout: inDays(22), guestName: 'Outbox Guest' });
      await row.locator('[data-state="failing"]').waitFor();
      expect(await row.textContent()).toMatch(/Failing since .*\(\d+ failed attempts?\)HTTP 500/);
      expect(await row.textContent()).not.toContain('Not configured');
      expect(await row.locator('td').nth(5).textContent()).toMatch(/\d/); // the next probe's time

      answer = 200;
      await row.locator('[data-state="up"]').waitFor();
      expect(await row.textContent()).toMatch(/Up again since/);
    } finally {
      await new Promise<void>((resolve) => billing.close(() => resolve()));
    }
  });
});
