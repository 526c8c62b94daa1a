/**
 * A stay's guest details (issue 10 item 7) through the UI: edit name, phone and guests in the stay
 * dialog (the API has them, the bar shows the new name), the guest's profile lists their other
 * stays, and New stay recognises a returning guest by e-mail and fills in their details.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import type { Stay } from '../../shared/contract/stays';
import { getStay } from './support/api-client';
import { clickNight, closeDialog, openBoard, stayBar } from './support/board-page';
import { hotelDay, UI_TIMEOUT_MS, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
let room: Room;
let first: Stay;
let second: Stay;
const rooms = hotelDeskPerFile({ rooms: [101, 102] }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  room = rooms.get(101)!;
  const book = (checkin: string, checkout: string, guestName: string) =>
    desk.api.call<Stay>('POST', '/api/v1/stays', { roomId: room.id, checkin, checkout, guestName, guestEmail: 'lise@example.dk', guests: 1 });
  first = await book(hotelDay(1), hotelDay(3), 'Lise Nielsen');
  second = await book(hotelDay(5), hotelDay(7), 'Lise Nielsen');
  await openBoard(page, 101);
});

describe("a stay's guest details", () => {
  it('edits name, phone and guests in the stay dialog; the profile lists the guest\'s other stay', async () => {
    await stayBar(page, first.id).click();
    const dialog = page.getByTestId('stay-dialog');
    await dialog.waitFor();
    await page.getByTestId('guest-profile').waitFor();
    expect(await page.getByTestId('guest-profile').textContent()).toContain('Guest profile: 2 stays');
    await page.getByTestId('stay-action-edit-guest').click();
    await page.getByTestId('guest-edit-panel').waitFor();
    await page.getByTestId('guest-edit-name').fill('Lise Nielsen-Berg');
    await page.getByTestId('guest-edit-phone').fill('+45 20 30 40 50');
    await page.getByTestId('guest-edit-guests').fill('3');
    // Room 101 sleeps 2: the form says so before the host would.
    expect(await page.getByTestId('guest-edit-submit').isDisabled()).toBe(true);
    await page.getByTestId('guest-edit-guests').fill('2');
    await page.getByTestId('guest-edit-submit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await getStay(desk.api, first.id)).toMatchObject({ guestName: 'Lise Nielsen-Berg', guestPhone: '+45 20 30 40 50', guests: 2, guestEmail: 'lise@example.dk' });
    await expect.poll(() => stayBar(page, first.id).getAttribute('title'), { timeout: UI_TIMEOUT_MS }).toContain('Lise Nielsen-Berg');
  });

  it('recognises a returning guest in New stay by e-mail and fills in the details', async () => {
    await clickNight(page, 102, hotelDay(10));
    await page.getByTestId('booking-dialog').waitFor();
    await page.getByTestId('booking-email').fill('LISE@example.dk');
    const returning = page.getByTestId('returning-guest');
    await returning.waitFor();
    expect(await returning.textContent()).toContain('Returning guest: Lise Nielsen, 2 stays');
    await page.getByTestId('returning-guest-use').click();
    // The newest stay's name (the second, still "Lise Nielsen"), the e-mail as stored, the phone from the profile.
    expect(await page.getByTestId('booking-guest-name').inputValue()).toBe(second.guestName);
    expect(await page.getByTestId('booking-email').inputValue()).toBe('lise@example.dk');
    expect(await page.getByTestId('booking-phone').inputValue()).toBe('+45 20 30 40 50');
    await closeDialog(page, 'booking-dialog');
  });
});
