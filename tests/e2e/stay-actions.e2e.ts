/**
 * A stay's life through the stay dialog: check in and out, cancel (the room is free again), move to
 * another room, change the dates. Each change shows on the board and is what the API says.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Stay } from '../../shared/contract/stays';
import { aStay, getStay, listBookings } from './support/api-client';
import { barDates, barsInRow, barWithStatus, clickNight, openBoard, openStayDialog, stayBar } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101, 102, 103, 104] }, (opened) => ({ desk, page } = opened));

describe('stay actions through the stay dialog', () => {
  let arriving: Stay;
  let cancelling: Stay;
  let moving: Stay;

  beforeAll(async () => {
    // Due yesterday, arriving today: her check-out today is early, and her bar keeps the night she used.
    arriving = await aStay(desk.api, { room: rooms.get(101)!, checkin: hotelDay(-1), checkout: hotelDay(2), guestName: 'Ada Arrives' });
    cancelling = await aStay(desk.api, { room: rooms.get(102)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Bo Cancels' });
    moving = await aStay(desk.api, { room: rooms.get(103)!, checkin: hotelDay(1), checkout: hotelDay(3), guestName: 'Cleo Moves' });
    await openBoard(page, 101);
  });

  it('checks a guest in, then out: the bar, the dialog and the API follow', async () => {
    let dialog = await openStayDialog(page, arriving.id, 'booked');
    await page.getByTestId('stay-action-check-in').click();
    await dialog.waitFor({ state: 'detached' });
    await barWithStatus(page, 101, arriving.id, 'checked_in').waitFor();
    expect((await getStay(desk.api, arriving.id)).status).toBe('checked_in');
    await expect.poll(() => page.getByTestId('count-in-house').textContent(), { timeout: 15_000 }).toBe('1');

    dialog = await openStayDialog(page, arriving.id, 'checked_in');
    expect(await page.getByTestId('stay-status').textContent()).toBe('Checked in');
    // A guest in the house can no longer be cancelled; checking in twice is not offered.
    expect(await page.getByTestId('stay-action-cancel').count()).toBe(0);
    expect(await page.getByTestId('stay-action-check-in').count()).toBe(0);
    await page.getByTestId('stay-action-check-out').click();
    // The confirmation says what the early departure frees and costs (the host's quote).
    await page.getByTestId('departure-quote').waitFor();
    expect(await page.getByTestId('departure-quote').textContent()).toContain('Ends early: 1 of 3 nights used');
    await page.getByTestId('stay-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await barWithStatus(page, 101, arriving.id, 'checked_out').waitFor();
    expect(await getStay(desk.api, arriving.id)).toMatchObject({ status: 'checked_out', checkinDate: hotelDay(-1), checkoutDate: hotelDay(0), nights: 1 });
  });

  it('cancels a stay after confirming: its bar leaves the board and the room can be booked again', async () => {
    const dialog = await openStayDialog(page, cancelling.id, 'booked');
    await page.getByTestId('stay-action-cancel').click();
    await page.getByTestId('stay-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await stayBar(page, cancelling.id).waitFor({ state: 'detached' });
    expect((await getStay(desk.api, cancelling.id)).status).toBe('cancelled');

    // The cancelled nights are free: booking them through the board succeeds.
    await clickNight(page, 102, hotelDay(1));
    const booking = page.getByTestId('booking-dialog');
    await booking.waitFor();
    await page.getByTestId('booking-checkout').fill(hotelDay(3));
    await page.getByTestId('booking-guest-name').fill('Dana Rebooks');
    await page.getByTestId('booking-submit').click();
    await booking.waitFor({ state: 'detached' });
    await barsInRow(page, 102).filter({ hasText: 'Dana Rebooks' }).waitFor();
    const rebooked = (await listBookings(desk.api)).filter((b) => b.roomnumber === 102);
    expect(rebooked.map((b) => [b.guest_name, b.isbooking])).toEqual([
      ['Bo Cancels', 0],
      ['Dana Rebooks', 1],
    ]);
  });

  it('moves a stay to another free room', async () => {
    const dialog = await openStayDialog(page, moving.id, 'booked');
    await page.getByTestId('stay-action-move').click();
    await page.getByTestId('stay-move-panel').waitFor();
    const target = rooms.get(104)!;
    await page.locator(`[data-testid="stay-move-room"] option[value="${target.id}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('stay-move-room').selectOption(String(target.id));
    await page.getByTestId('stay-move-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const bar = page.getByTestId('room-row-104').getByTestId(`stay-bar-${moving.id}`);
    await bar.waitFor();
    expect(await page.getByTestId('room-row-103').getByTestId(`stay-bar-${moving.id}`).count()).toBe(0);
    expect(await barDates(page, bar, hotelDay(0))).toEqual({ checkin: hotelDay(1), checkout: hotelDay(3) });
    expect(await getStay(desk.api, moving.id)).toMatchObject({ roomNumber: 104, checkinDate: hotelDay(1), checkoutDate: hotelDay(3) });
  });

  it('changes the dates of a stay: the bar covers the new nights and the API has the new dates and price', async () => {
    const dialog = await openStayDialog(page, moving.id, 'booked');
    await page.getByTestId('stay-action-change-dates').click();
    await page.getByTestId('stay-dates-panel').waitFor();
    await page.getByTestId('stay-dates-checkin').fill(hotelDay(2));
    await page.getByTestId('stay-dates-checkout').fill(hotelDay(6));
    // Two nights become four: the price now and both prices are shown, and nothing is saved until one is chosen.
    await page.getByTestId('price-choice').waitFor();
    expect(await page.getByTestId('stay-dates-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('price-choice').textContent()).toContain('4 × ');
    await page.getByTestId('price-reprice').check();
    await page.getByTestId('stay-dates-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const bar = page.getByTestId('room-row-104').getByTestId(`stay-bar-${moving.id}`);
    await expect.poll(() => barDates(page, bar, hotelDay(0)), { timeout: 15_000 }).toEqual({ checkin: hotelDay(2), checkout: hotelDay(6) });
    expect(await getStay(desk.api, moving.id)).toMatchObject({ roomNumber: 104, checkinDate: hotelDay(2), checkoutDate: hotelDay(6), nights: 4, price: 4 * 100_000 });
  });
});
