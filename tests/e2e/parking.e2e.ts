/** Parking at the desk (the rehearsal of docs/adding-a-domain.md): a space booked from its screen; an overlapping booking refused in Danish. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkingSpace } from '../../shared/contract/parking';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
hotelDeskPerFile({ rooms: [] }, (opened) => ({ desk, page } = opened));

let space: ParkingSpace;
beforeAll(async () => {
  space = await desk.api.call<ParkingSpace>('POST', '/api/v1/parking/spaces', { label: 'P7' });
  await desk.api.call('POST', '/api/v1/parking/bookings', { spaceId: space.id, plate: 'AB 12 345', guestName: 'Mette Hansen', from: hotelDay(1), to: hotelDay(4) });
});

describe('parking at the desk', () => {
  it('books a space from its screen; an overlapping booking is refused in the desk\'s language', async () => {
    await page.goto('/#/parking');
    await page.getByTestId('parking-screen').waitFor();
    await page.locator('[data-testid^="parking-row-"]').first().waitFor();
    const book = async (from: string, to: string, guest: string) => {
      await page.getByTestId('parking-space').selectOption(String(space.id));
      await page.getByTestId('parking-plate').fill('CD 98 765');
      await page.getByTestId('parking-guestName').fill(guest);
      await page.getByTestId('parking-from').fill(from);
      await page.getByTestId('parking-to').fill(to);
      await page.getByTestId('parking-book').click();
    };
    await book(hotelDay(5), hotelDay(6), 'Ann Berg');
    await expect.poll(() => page.locator('[data-testid^="parking-row-"]').count()).toBe(2);
    await book(hotelDay(2), hotelDay(3), 'Per Lund');
    expect(await page.getByTestId('parking-error').textContent()).toContain('Space P7 is already booked');
  });
});
