/**
 * A LAN client's My appointments in Chromium: it browses the service rooms and providers, books a
 * free timeslot and a provider's free time for itself, moves one, cancels one with the refund shown
 * first, sees the desk's cancellation of another arrive live, without a reload, and is reminded of
 * an appointment by the host's scheduler (seed 003's `booking_reminder`; exactly once across a
 * restart is tests/integration's).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Provider, ServiceRoom } from '../../shared/contract/appointments';
import { aUser, setUpHotel, signIn, type ApiClient } from './support/api-client';
import { aProvider, aServiceRoom, freeTimes, generateSlots, getAppointment } from './support/appointments-page';
import { hotelDay, openDesk, type Desk } from './support/desk-fixture';

let desk: Desk;
let client: ApiClient;
let page: Page;
let spa: ServiceRoom;
let guide: Provider;
const DAY = hotelDay(4);

const mine = async (): Promise<Appointment[]> => (await client.call<{ items: Appointment[] }>('GET', '/api/v1/bookings')).items;

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api, { refundFullHours: 48, refundPartialHours: 24, refundPartialPercent: 50 });
  spa = await aServiceRoom(desk.api, 'Spa room 2', { hourlyRate: 80_000, description: 'Hot stone table' });
  await generateSlots(desk.api, spa.id, DAY, '09:00', '11:00', 60);
  guide = await aProvider(desk.api, 'Guide Karen', 'karen@hotel-e2e.dk', { appointmentMinutes: 60, price: 25_000 });
  await aUser(desk.api, 'kiosk-c', 'client', 'kiosk-c-pass-2026');
  client = (await signIn(desk.serve.url, 'kiosk-c', 'kiosk-c-pass-2026')).api;
  page = await desk.newPage({ token: client.token });
  await page.goto('/#/my-appointments');
  await page.getByTestId('my-appointments').waitFor();
  // A client cannot read the hotel's settings, so its language is this machine's choice.
  await page.getByTestId('lang-en').click();
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe("a client's My appointments", () => {
  let roomBooking: number;
  let providerBooking: number;

  it('books a free timeslot of a service room for itself', async () => {
    expect(await page.getByTestId('nav-my-appointments').count()).toBe(1);
    expect(await page.getByTestId('nav-appointments').count()).toBe(0);
    await page.getByTestId('my-appt-what-room').check();
    await page.getByTestId('my-appt-target').selectOption(String(spa.id));
    await page.getByTestId('my-appt-picker-date').fill(DAY);
    await page.getByTestId('my-appt-picker-time-09:00').click();
    expect(await page.getByTestId('my-appt-price').textContent()).toMatch(/800[.,]00/);
    await page.getByTestId('my-appt-notes').fill('Quiet music, please');
    await page.getByTestId('my-appt-book-submit').click();
    await page.locator('tr[data-testid^="my-appt-"][data-status="pending"]').waitFor();
    const [booked] = await mine();
    roomBooking = booked!.id;
    expect(booked).toMatchObject({ kind: 'timeslot', roomId: spa.id, date: DAY, time: '09:00:00', status: 'pending', notes: 'Quiet music, please', price: 80_000 });
    expect(await freeTimes(desk.api, spa.id, DAY)).toEqual(['10:00']);
  });

  it("books a provider's free time", async () => {
    await page.getByTestId('my-appt-what-provider').check();
    await page.getByTestId('my-appt-target').selectOption(String(guide.id));
    await page.getByTestId('my-appt-picker-date').fill(DAY);
    await page.getByTestId('my-appt-picker-time-14:00').click();
    await page.getByTestId('my-appt-book-submit').click();
    await expect.poll(async () => (await mine()).length).toBe(2);
    providerBooking = (await mine()).find((a) => a.kind === 'provider')!.id;
    await page.getByTestId(`my-appt-${providerBooking}`).waitFor();
    expect(await getAppointment(desk.api, providerBooking)).toMatchObject({ providerId: guide.id, date: DAY, time: '14:00:00' });
  });

  it('moves its timeslot booking to another free slot', async () => {
    await page.getByTestId(`my-appt-reschedule-${roomBooking}`).click();
    await page.getByTestId('my-appt-move-picker-time-10:00').click();
    await page.getByTestId('my-appt-move-confirm').click();
    await page.locator(`[data-testid="my-appt-${roomBooking}"]`, { hasText: '10:00' }).waitFor();
    expect((await getAppointment(desk.api, roomBooking)).time).toBe('10:00:00');
    expect(await freeTimes(desk.api, spa.id, DAY)).toEqual(['09:00']);
  });

  it('cancels its provider booking with the refund shown first', async () => {
    await page.getByTestId(`my-appt-cancel-${providerBooking}`).click();
    await page.getByTestId('appt-refund').waitFor();
    // Nothing was paid: nothing to refund, and the client is told so before it confirms.
    expect(await page.getByTestId('appt-refund-amount').getAttribute('data-amount')).toBe('0');
    expect(await page.getByTestId('appt-refund-amount').textContent()).toContain('Nothing has been paid');
    await page.getByTestId('appt-cancel-confirm').click();
    await page.locator(`[data-testid="my-appt-status-${providerBooking}"][data-status="cancelled"]`).waitFor();
    expect((await getAppointment(desk.api, providerBooking)).status).toBe('cancelled');
  });

  it("sees the desk's cancellation of its paid booking live, with the refund", async () => {
    await desk.api.call('POST', `/api/v1/appointments/${roomBooking}/pay`, { method: 'card' });
    await page.locator(`[data-testid="my-appt-${roomBooking}"][data-status="confirmed"]`).waitFor();
    const mark = await page.evaluate(() => Object.assign(globalThis, { __noReload: true }) && true);
    expect(mark).toBe(true);
    // The desk cancels it (four days ahead: the full refund).
    const cancelled = await desk.api.call<{ refundAmount: number }>('PUT', `/api/v1/bookings/${roomBooking}/cancel`);
    expect(cancelled.refundAmount).toBe(80_000);
    await page.locator(`[data-testid="my-appt-status-${roomBooking}"][data-status="cancelled"]`).waitFor();
    expect(await page.getByTestId(`my-appt-refund-${roomBooking}`).textContent()).toMatch(/800[.,]00/);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).__noReload)).toBe(true);
  });

  it('is reminded of its coming appointment by the host, without a reload', async () => {
    const booked = await client.call<{ id: number }>('POST', '/api/v1/bookings', { provider_id: guide.id, date: DAY, time: '15:00' });
    await page.getByTestId(`my-appt-${booked.id}`).waitFor();
    expect(await page.getByTestId(`my-appt-reminder-${booked.id}`).count()).toBe(0);
    // The desk sets the reminder lead to a week: the appointment, four days ahead, is due now.
    await desk.api.call('PATCH', '/api/v1/settings', { appointmentReminderMinutes: 10_080 });
    const reminder = page.getByTestId(`my-appt-reminder-${booked.id}`);
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('Your appointment is coming up!');
    expect(await reminder.textContent()).toContain('Guide Karen');
    expect((await getAppointment(desk.api, booked.id)).reminderSentAt).not.toBeNull();
    await desk.api.call('PATCH', '/api/v1/settings', { appointmentReminderMinutes: 60 });
  });
});
