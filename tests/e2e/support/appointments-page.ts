/**
 * Appointments for the e2e files: service rooms, timeslots and providers set up through the API (as
 * an admin's script would), reads of what the UI wrote, and the calendar as a user sees it through
 * the renderer's data-testids.
 */
import type { Locator, Page } from 'playwright-core';
import type { Appointment, Provider, ServiceRoom } from '../../../shared/contract/appointments';
import type { ApiClient } from './api-client';

export function aServiceRoom(api: ApiClient, name: string, overrides: Partial<ServiceRoom> = {}): Promise<ServiceRoom> {
  return api.call<ServiceRoom>('POST', '/api/v1/admin/rooms', { name, roomType: 'treatment', capacity: 1, hourlyRate: 60_000, ...overrides });
}

/** Seed 003's generation for one day (hotel-local wall times). */
export function generateSlots(api: ApiClient, roomId: number, date: string, start = '09:00', end = '12:00', slotDuration = 30): Promise<{ count: number }> {
  return api.call('POST', '/api/v1/admin/timeslots/generate', { roomId, startDate: date, endDate: date, slotDuration, workingHours: { start, end } });
}

export function aProvider(api: ApiClient, name: string, email: string, overrides: Partial<Provider> = {}): Promise<Provider> {
  return api.call<Provider>('POST', '/api/v1/providers', { name, email, appointmentMinutes: 60, price: 65_000, ...overrides });
}

export function getAppointment(api: ApiClient, id: number): Promise<Appointment> {
  return api.call<Appointment>('GET', `/api/v1/bookings/${id}`);
}

/** The free timeslots' wall times of a room on a day (seed 003's public list). */
export async function freeTimes(api: ApiClient, roomId: number, date: string): Promise<string[]> {
  const answer = await api.call<{ timeslots: { startTime: string }[] }>('GET', `/api/v1/bookings/rooms/${roomId}/timeslots?date=${date}`);
  return answer.timeslots.map((s) => s.startTime.slice(11, 16));
}

/** Opens the desk's Appointments on a day and waits for its calendar and the live feed. */
export async function openAppointments(page: Page, date: string): Promise<void> {
  await page.goto('/#/appointments');
  await page.getByTestId('appointments-screen').waitFor();
  await page.getByTestId('appt-date').fill(date);
  await page.locator(`[data-testid="appt-day"][data-date="${date}"], [data-testid="appt-week"]`).first().waitFor();
  await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
}

export function freeSlot(page: Page, column: string, date: string, time: string): Locator {
  return page.getByTestId(`appt-free-${column}-${date}-${time}`);
}

export function block(page: Page, id: number): Locator {
  return page.getByTestId(`appt-block-${id}`);
}

/** The id of the appointment whose panel is open (its title says "Appointment N: …"). */
export async function panelAppointmentId(page: Page): Promise<number> {
  const title = await page.getByTestId('appt-panel').locator('h2').first().textContent();
  const id = /(\d+)/.exec(title ?? '')?.[1];
  if (!id) throw new Error(`no appointment in the panel's title: ${title}`);
  return Number(id);
}
