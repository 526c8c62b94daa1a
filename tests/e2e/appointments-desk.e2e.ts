/**
 * The desk's Appointments screen in Chromium against `npm run serve`: a free slot is booked for a
 * guest (the price shown first), payment is taken (confirmed, paid), the appointment is moved to
 * another free slot by the panel's picker and by dragging it, and cancelled with the refund shown
 * before the cancellation; a provider's free time is booked in the provider columns. Every step
 * is checked against what the host stored. The day's cancelled appointment comes out of the export dialog.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider, ServiceRoom } from '../../shared/contract/appointments';
import { setUpHotel } from './support/api-client';
import { aProvider, aServiceRoom, block, freeSlot, freeTimes, generateSlots, getAppointment, openAppointments, panelAppointmentId } from './support/appointments-page';
import { hotelDay, openDesk, type Desk } from './support/desk-fixture';

let desk: Desk;
let page: Page;
let spa: ServiceRoom;
let guide: Provider;
/** Three days ahead: 57–81 hours before 09:00, between the policy's partial (24 h) and full (100 h) refund. */
const DAY = hotelDay(3);

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api, { refundFullHours: 100, refundPartialHours: 24, refundPartialPercent: 50 });
  spa = await aServiceRoom(desk.api, 'Spa room 1', { hourlyRate: 60_000 });
  await generateSlots(desk.api, spa.id, DAY, '09:00', '12:00', 30);
  guide = await aProvider(desk.api, 'Sofie Lund', 'sofie.lund@hotel-e2e.dk', { appointmentMinutes: 60, price: 65_000 });
  page = await desk.newPage();
  await openAppointments(page, DAY);
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe("the desk's appointments", () => {
  let id: number;

  it('books a free slot for a guest, the price shown before booking', async () => {
    await freeSlot(page, `room-${spa.id}`, DAY, '09:00').click();
    const dialog = page.getByTestId('appt-book-dialog');
    await dialog.waitFor();
    // 30 minutes at 600.00 an hour.
    expect(await page.getByTestId('appt-book-price').textContent()).toMatch(/300[.,]00/);
    // A booking without a guest name is refused in the form, not sent.
    await page.getByTestId('appt-book-submit').click();
    await dialog.locator('.field-error').first().waitFor();
    await page.getByTestId('appt-guest-name').fill('Mette Hansen');
    await page.getByTestId('appt-guest-email').fill('mette.hansen@example.dk');
    await page.getByTestId('appt-type').fill('massage');
    await page.getByTestId('appt-notes').fill('Allergic to almond oil');
    await page.getByTestId('appt-book-submit').click();

    // The panel opens on the new appointment: pending and unpaid until payment is taken.
    await page.getByTestId('appt-panel').waitFor();
    id = await panelAppointmentId(page);
    expect(await page.getByTestId('appt-status').getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('appt-payment').getAttribute('data-payment')).toBe('unpaid');
    const stored = await getAppointment(desk.api, id);
    expect(stored).toMatchObject({ kind: 'timeslot', status: 'pending', paymentStatus: 'unpaid', price: 30_000, guestName: 'Mette Hansen', notes: 'Allergic to almond oil', bookingType: 'massage', date: DAY, time: '09:00:00' });
    expect(await freeTimes(desk.api, spa.id, DAY)).not.toContain('09:00');
  });

  it('takes payment by cash: paid and confirmed, on the calendar too', async () => {
    await page.getByTestId('appt-method-cash').check();
    await page.getByTestId('appt-pay').click();
    await page.locator('[data-testid="appt-status"][data-status="confirmed"]').waitFor();
    expect(await page.getByTestId('appt-payment').textContent()).toContain('Cash');
    expect(await getAppointment(desk.api, id)).toMatchObject({ status: 'confirmed', paymentStatus: 'paid', paymentMethod: 'cash' });
    await page.keyboard.press('Escape');
    await page.locator(`[data-testid="appt-block-${id}"][data-status="confirmed"][data-payment="paid"]`).waitFor();
  });

  it("moves it to another free slot with the panel's picker", async () => {
    await block(page, id).click();
    await page.getByTestId('appt-reschedule').click();
    await page.getByTestId('appt-move-picker-time-10:00').click();
    await page.getByTestId('appt-reschedule-confirm').click();
    await page.locator('[data-testid="appt-when"]', { hasText: '10:00' }).waitFor();
    const moved = await getAppointment(desk.api, id);
    expect(moved).toMatchObject({ time: '10:00:00', status: 'confirmed', paymentStatus: 'paid' });
    const free = await freeTimes(desk.api, spa.id, DAY);
    expect(free).toContain('09:00');
    expect(free).not.toContain('10:00');
    await page.keyboard.press('Escape');
  });

  it('moves it again by dragging its block onto a free slot, after a confirmation', async () => {
    const target = freeSlot(page, `room-${spa.id}`, DAY, '11:00');
    await block(page, id).dragTo(target);
    await page.getByTestId('appt-move-confirm').waitFor();
    await page.getByTestId('appt-move-submit').click();
    await page.getByTestId('appt-move-confirm').waitFor({ state: 'detached' });
    expect((await getAppointment(desk.api, id)).time).toBe('11:00:00');
    await freeSlot(page, `room-${spa.id}`, DAY, '10:00').waitFor();
  });

  it('cancels it showing the refund first: 50 % of what was paid, three days ahead', async () => {
    await block(page, id).click();
    await page.getByTestId('appt-cancel').click();
    const amount = page.getByTestId('appt-refund-amount');
    await amount.waitFor();
    expect(await amount.getAttribute('data-amount')).toBe('15000');
    expect(await amount.textContent()).toMatch(/150[.,]00.*50 %.*300[.,]00/);
    // Nothing is cancelled until it is confirmed.
    expect((await getAppointment(desk.api, id)).status).toBe('confirmed');
    await page.getByTestId('appt-cancel-confirm').click();
    await page.locator('[data-testid="appt-status"][data-status="cancelled"]').waitFor();
    expect(await page.getByTestId('appt-refunded').textContent()).toMatch(/150[.,]00/);
    expect(await getAppointment(desk.api, id)).toMatchObject({ status: 'cancelled', refundAmount: 15_000 });
    await page.keyboard.press('Escape');
    // The slot is free again, and the cancelled block shows only when asked.
    await freeSlot(page, `room-${spa.id}`, DAY, '11:00').waitFor();
    expect(await block(page, id).count()).toBe(0);
    await page.getByTestId('appt-show-cancelled').check();
    await page.locator(`[data-testid="appt-block-${id}"][data-status="cancelled"]`).waitFor();
  });

  it("books a provider's free time in the provider columns; the week view shows it", async () => {
    await page.getByTestId('appt-mode-providers').click();
    await freeSlot(page, `provider-${guide.id}`, DAY, '13:00').click();
    expect(await page.getByTestId('appt-book-price').textContent()).toMatch(/650[.,]00/);
    await page.getByTestId('appt-guest-name').fill('Jonas Berg');
    await page.getByTestId('appt-book-submit').click();
    await page.getByTestId('appt-panel').waitFor();
    const providerBooking = await panelAppointmentId(page);
    expect(await getAppointment(desk.api, providerBooking)).toMatchObject({ kind: 'provider', providerId: guide.id, date: DAY, time: '13:00:00', guestName: 'Jonas Berg' });
    await page.keyboard.press('Escape');
    await page.getByTestId('appt-view-week').click();
    await page.getByTestId('appt-week').waitFor();
    await block(page, providerBooking).waitFor();
    expect(await block(page, providerBooking).textContent()).toContain('Jonas Berg');
    // The days, the view and the columns are in the URL: a reload stays put.
    await page.reload();
    await block(page, providerBooking).waitFor();
    expect(await page.getByTestId('appt-view-week').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('appt-mode-providers').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('appt-date').inputValue()).toBe(DAY);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
  });

  it('refuses a slot another desk took meanwhile, and says why', async () => {
    await page.getByTestId('appt-mode-rooms').click();
    await page.getByTestId('appt-view-day').click();
    await freeSlot(page, `room-${spa.id}`, DAY, '09:30').click();
    await page.getByTestId('appt-book-dialog').waitFor();
    // Another desk books 09:30 over the API while this dialog is open.
    const slots = await desk.api.call<{ timeslots: { id: number; startTime: string }[] }>('GET', `/api/v1/bookings/rooms/${spa.id}/timeslots?date=${DAY}`);
    const slot = slots.timeslots.find((s) => s.startTime.slice(11, 16) === '09:30')!;
    await desk.api.call('POST', '/api/v1/appointments', { timeslotId: slot.id, guestName: 'Other desk' });
    await page.getByTestId('appt-guest-name').fill('Too late');
    await page.getByTestId('appt-book-submit').click();
    const refusal = page.getByTestId('appt-book-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Not possible: /);
    await page.keyboard.press('Escape');
    // The other desk's booking is on this calendar without a reload (live).
    await page.locator('[data-testid^="appt-block-"]', { hasText: 'Other desk' }).waitFor();
  });
});

describe('the appointments export', () => {
  it('downloads through the shared export dialog, with its range and its own status filter', async () => {
    await page.getByTestId('appt-export-open').click();
    await page.getByTestId('appt-export-dialog').waitFor();
    await page.getByTestId('appt-export-from').fill(DAY);
    await page.getByTestId('appt-export-to').fill(DAY);
    await page.getByTestId('appt-export-status').selectOption('cancelled');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('appt-export-submit').click()]);
    expect(await page.getByTestId('appt-export-result').textContent()).toBe('Downloaded');
    const lines = (await readFile(await download.path(), 'utf8')).split(/\r?\n/).filter((l) => l !== '');
    // The header and the one cancelled appointment of that day.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Mette Hansen');
    await page.keyboard.press('Escape');
    await page.getByTestId('appt-export-dialog').waitFor({ state: 'detached' });
  });
});

describe('in Danish', () => {
  it('shows the calendar in the desk’s other language', async () => {
    await page.getByTestId('lang-da').click();
    await page.locator('html[lang="da"]').waitFor({ state: 'attached' });
    expect(await page.locator('#appt-title').textContent()).toBe('Aftaler');
    expect(await page.getByTestId('appt-mode-rooms').textContent()).toBe('Behandlingsrum');
    expect(await freeSlot(page, `room-${spa.id}`, DAY, '09:00').textContent()).toBe('09:00 Ledig');
    expect(await page.getByTestId('nav-appointment-setup').textContent()).toBe('Tjenester');
  });
});
