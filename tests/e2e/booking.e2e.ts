/**
 * Booking a stay through the UI: click a free night on the board, fill in the guest, submit; the bar
 * appears where the stay is, and the API has it. A conflicting booking is refused inside the dialog.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aStay, listBookings } from './support/api-client';
import { barDates, barsInRow, clickNight, closeDialog, stayIdOf } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
const rooms = hotelDeskPerFile({ rooms: [101, 102, 103], boardAt: 101 }, (opened) => ({ desk, page } = opened));

/** Clicks a free night and waits for the booking dialog, preset to that room and date. */
async function startBookingAt(room: number, date: string) {
  await clickNight(page, room, date);
  const dialog = page.getByTestId('booking-dialog');
  await dialog.waitFor();
  expect(await page.getByTestId('booking-room').inputValue()).toBe(String(rooms.get(room)!.id));
  expect(await page.getByTestId('booking-checkin').inputValue()).toBe(date);
  return dialog;
}

async function bookingsOf(guestName: string) {
  return (await listBookings(desk.api)).filter((b) => b.guest_name === guestName);
}

describe('booking a stay through the UI', () => {
  it('books a free night: the bar appears in the room row over the booked nights, and GET /bookings has the stay', async () => {
    const checkin = hotelDay(2);
    const checkout = hotelDay(5);
    const dialog = await startBookingAt(101, checkin);
    await page.getByTestId('booking-checkout').fill(checkout);
    await page.getByTestId('booking-guest-name').fill('Ada Lovelace');
    await page.getByTestId('booking-guests').fill('2');
    await page.getByTestId('booking-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const bar = barsInRow(page, 101);
    await bar.waitFor();
    expect(await bar.count()).toBe(1);
    expect(await bar.textContent()).toContain('Ada Lovelace');
    expect(await bar.getAttribute('data-status')).toBe('booked');
    // The board opens on the hotel's today.
    expect(await barDates(page, bar, hotelDay(0))).toEqual({ checkin, checkout });
    expect(await barsInRow(page, 102).count()).toBe(0);

    const [booking] = await bookingsOf('Ada Lovelace');
    expect(booking).toMatchObject({ id: await stayIdOf(bar), roomnumber: 101, isbooking: 1, status: 'booked', guests: 2, price: 3 * 100_000 });
    // A bare date takes the hotel's check-in (14:00) and check-out (12:00) times, in Copenhagen time.
    expect(booking!.checkin).toMatch(new RegExp(`^${checkin}T14:00:00[+-]\\d\\d:\\d\\d$`));
    expect(booking!.checkout).toMatch(new RegExp(`^${checkout}T12:00:00[+-]\\d\\d:\\d\\d$`));
  });

  it('refuses dates that overlap a stay in the same room: the refusal shows in the dialog, which stays open, and nothing is written', async () => {
    const before = await listBookings(desk.api);
    const dialog = await startBookingAt(101, hotelDay(0));
    await page.getByTestId('booking-guest-name').fill('Bob Overlap');
    // Ada holds 101 from day 2 to day 5: staying until day 4 overlaps her.
    await page.getByTestId('booking-checkout').fill(hotelDay(4));
    await page.getByTestId('booking-submit').click();

    const refusal = page.getByTestId('dialog-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.textContent()).toContain('not available');
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('booking-guest-name').inputValue()).toBe('Bob Overlap');

    expect(await listBookings(desk.api)).toEqual(before);
    expect(await barsInRow(page, 101).count()).toBe(1);
    await closeDialog(page, 'booking-dialog');
  });

  it('refuses when another desk takes the room while the dialog is open, and writes nothing', async () => {
    const room = rooms.get(102)!;
    const dialog = await startBookingAt(102, hotelDay(1));
    await page.getByTestId('booking-guest-name').fill('Cleo Late');
    await page.getByTestId('booking-checkout').fill(hotelDay(3));
    // The dialog offers 102 as free for these dates...
    await page.locator(`[data-testid="booking-room"] option[value="${room.id}"]:not([disabled])`).waitFor({ state: 'attached' });
    // ...and meanwhile another desk books it over the same nights.
    const other = await aStay(desk.api, { room, checkin: hotelDay(2), checkout: hotelDay(4), guestName: 'Other Desk' });
    await page.getByTestId('booking-submit').click();

    const refusal = page.getByTestId('dialog-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Room 102 is not available');
    expect(await dialog.isVisible()).toBe(true);

    expect(await bookingsOf('Cleo Late')).toEqual([]);
    expect((await listBookings(desk.api)).filter((b) => b.roomnumber === 102).map((b) => b.id)).toEqual([other.id]);
    await closeDialog(page, 'booking-dialog');
  });
});
