/**
 * The Danish UI says a refusal in Danish, and a conflict names what is in the way (issue 10 item 13):
 * booking over another guest's nights shows "Værelse 101 er ikke ledigt … ophold #<id> for <guest>"
 * in the dialog, with no English in it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import type { Stay } from '../../shared/contract/stays';
import { aStay, listBookings } from './support/api-client';
import { clickNight, closeDialog, openBoard } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
let room: Room;
let inTheWay: Stay;
const rooms = hotelDeskPerFile({ rooms: [101], settings: { locale: 'da' } }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  room = rooms.get(101)!;
  inTheWay = await aStay(desk.api, { room, checkin: hotelDay(2), checkout: hotelDay(5), guestName: 'Mette Hansen' });
  await openBoard(page, 101);
});

describe('a conflict in the Danish UI', () => {
  it('is refused in Danish, naming the stay in the way and its guest; nothing is written', async () => {
    const before = await listBookings(desk.api);
    await clickNight(page, 101, hotelDay(0));
    const dialog = page.getByTestId('booking-dialog');
    await dialog.waitFor();
    await page.getByTestId('booking-guest-name').fill('Bo Overlap');
    await page.getByTestId('booking-checkout').fill(hotelDay(4));
    await page.getByTestId('booking-submit').click();

    const refusal = page.getByTestId('dialog-error');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toBe(
      `Ikke muligt: Værelse 101 er ikke ledigt fra ${hotelDay(0)} til ${hotelDay(4)}: ` +
        `ophold #${inTheWay.id} for Mette Hansen (${hotelDay(2)} – ${hotelDay(5)}) er i vejen`,
    );
    expect(text).not.toMatch(/not available|Room|stay/);
    expect(await dialog.isVisible()).toBe(true);
    expect(await listBookings(desk.api)).toEqual(before);
    await closeDialog(page, 'booking-dialog');
  });
});
