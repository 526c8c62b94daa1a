/**
 * Admin → Appointment setup in Chromium: a service room and a provider (working hours per weekday,
 * a day off) are added through the dialogs; "Generate timeslots" says how many it will make before
 * it makes them, makes exactly those, and running it again offers nothing new.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider, ServiceRoom } from '../../shared/contract/appointments';
import type { Settings } from '../../shared/contract/settings';
import { setUpHotel } from './support/api-client';
import { freeTimes } from './support/appointments-page';
import { hotelDay, openDesk, type Desk } from './support/desk-fixture';

let desk: Desk;
let page: Page;

beforeAll(async () => {
  desk = await openDesk();
  await setUpHotel(desk.api);
  page = await desk.newPage();
  await page.goto('/#/appointment-setup');
  await page.getByTestId('appointment-setup').waitFor();
});

afterAll(async () => {
  await desk?.close();
  expect(desk?.pageErrors ?? []).toEqual([]);
});

describe("the admin's appointment setup", () => {
  let room: ServiceRoom;

  it('adds a service room through its dialog', async () => {
    await page.getByTestId('service-room-add').click();
    await page.getByTestId('service-room-dialog').waitFor();
    await page.getByTestId('service-room-name').fill('Meeting room Ø');
    await page.getByTestId('service-room-type').selectOption('meeting');
    await page.getByTestId('service-room-capacity').fill('3');
    await page.getByTestId('service-room-rate').fill('450');
    await page.getByTestId('service-room-submit').click();
    await page.getByTestId('service-room-dialog').waitFor({ state: 'detached' });
    const rooms = await desk.api.call<{ items: ServiceRoom[] }>('GET', '/api/v1/bookings/rooms');
    room = rooms.items.find((r) => r.name === 'Meeting room Ø')!;
    expect(room).toMatchObject({ roomType: 'meeting', capacity: 3, hourlyRate: 45_000, isActive: true });
    await page.getByTestId(`service-room-row-${room.id}`).waitFor();
  });

  it('adds a provider with working hours per weekday and a day off', async () => {
    await page.getByTestId('provider-add').click();
    await page.getByTestId('provider-dialog').waitFor();
    await page.getByTestId('provider-name').fill('Anders Holm');
    await page.getByTestId('provider-email').fill('anders.holm@hotel-e2e.dk');
    await page.getByTestId('provider-minutes').fill('45');
    await page.getByTestId('provider-buffer').fill('15');
    await page.getByTestId('provider-works-sun').uncheck();
    await page.getByTestId('provider-works-sat').uncheck();
    await page.getByTestId('provider-start-thu').fill('12:00');
    await page.getByTestId('provider-end-thu').fill('20:00');
    await page.getByTestId('provider-days-off-input').fill(hotelDay(10));
    await page.getByTestId('provider-days-off-add').click();
    await page.getByTestId('provider-submit').click();
    await page.getByTestId('provider-dialog').waitFor({ state: 'detached' });
    const providers = await desk.api.call<Provider[]>('GET', '/api/v1/providers');
    const p = providers.find((x) => x.email === 'anders.holm@hotel-e2e.dk')!;
    expect(p).toMatchObject({ name: 'Anders Holm', appointmentMinutes: 45, bufferMinutes: 15, daysOff: [hotelDay(10)] });
    expect(p.workingHours).toMatchObject({ sat: null, sun: null, thu: { start: '12:00', end: '20:00' }, mon: { start: '09:00', end: '17:00' } });
    await page.getByTestId(`provider-row-${p.id}`).waitFor();
    // Nothing free on the day off.
    const free = await desk.api.call<{ times: string[] }>('GET', `/api/v1/providers/${p.id}/availability?date=${hotelDay(10)}`);
    expect(free.times).toEqual([]);
  });

  it('generates timeslots after showing how many it will make; again, nothing new', async () => {
    const [first, last, skipped] = [hotelDay(5), hotelDay(7), hotelDay(6)];
    await page.getByTestId(`generate-room-${room.id}`).click();
    await page.getByTestId('generate-dialog').waitFor();
    await page.getByTestId('generate-start').fill(first);
    await page.getByTestId('generate-end').fill(last);
    await page.getByTestId('generate-duration').fill('60');
    await page.getByTestId('generate-day-start').fill('09:00');
    await page.getByTestId('generate-day-end').fill('12:00');
    await page.getByTestId('generate-excluded-input').fill(skipped);
    await page.getByTestId('generate-excluded-add').click();
    // Two days × three hour-long slots: counted by the host's dry run before anything is made.
    const preview = page.locator('[data-testid="generate-preview"][data-count="6"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('6 new timeslots');
    expect(await freeTimes(desk.api, room.id, first)).toEqual([]);
    expect(await page.getByTestId('generate-submit').textContent()).toBe('Generate 6 timeslots');
    await page.getByTestId('generate-submit').click();
    await page.getByTestId('generate-dialog').waitFor({ state: 'detached' });
    expect(await freeTimes(desk.api, room.id, first)).toEqual(['09:00', '10:00', '11:00']);
    expect(await freeTimes(desk.api, room.id, skipped)).toEqual([]);
    expect(await freeTimes(desk.api, room.id, last)).toEqual(['09:00', '10:00', '11:00']);

    // The same generation again makes nothing: the dialog says so and offers no button to press.
    await page.getByTestId('generate-open').click();
    await page.getByTestId('generate-room').selectOption(String(room.id));
    await page.getByTestId('generate-start').fill(first);
    await page.getByTestId('generate-end').fill(last);
    await page.getByTestId('generate-duration').fill('60');
    await page.getByTestId('generate-day-start').fill('09:00');
    await page.getByTestId('generate-day-end').fill('12:00');
    // Only the skipped day's three slots are new now.
    await page.locator('[data-testid="generate-preview"][data-count="3"]').waitFor();
    await page.getByTestId('generate-excluded-input').fill(skipped);
    await page.getByTestId('generate-excluded-add').click();
    await page.locator('[data-testid="generate-preview"][data-count="0"]').waitFor();
    expect(await page.getByTestId('generate-submit').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('generate-dialog').waitFor({ state: 'detached' });
  });

  it('takes a service room out of use and back', async () => {
    await page.getByTestId(`service-room-deactivate-${room.id}`).click();
    await page.getByTestId(`service-room-reactivate-${room.id}`).waitFor();
    expect((await desk.api.call<ServiceRoom>('GET', `/api/v1/bookings/rooms/${room.id}`)).isActive).toBe(false);
    await page.getByTestId(`service-room-reactivate-${room.id}`).click();
    await page.getByTestId(`service-room-deactivate-${room.id}`).waitFor();
    expect((await desk.api.call<ServiceRoom>('GET', `/api/v1/bookings/rooms/${room.id}`)).isActive).toBe(true);
  });

  it('changes the appointment policy in Admin → Settings', async () => {
    await page.goto('/#/settings');
    await page.getByTestId('settings-screen').waitFor();
    const text = await page.getByTestId('settings-screen').textContent();
    for (const label of ['An unpaid appointment holds its slot (minutes)', 'Appointment reminder before the start (minutes)', 'Partial refund (%)']) expect(text).toContain(label);
    await page.getByTestId('settings-refundPartialPercent').fill('40');
    await page.getByTestId('settings-appointmentHoldMinutes').fill('20');
    await page.getByTestId('settings-save').click();
    await expect.poll(async () => (await desk.api.call<Settings>('GET', '/api/v1/settings')).refundPartialPercent).toBe(40);
    expect((await desk.api.call<Settings>('GET', '/api/v1/settings')).appointmentHoldMinutes).toBe(20);
  });
});
