/**
 * Stock at the desk: an extra bed lent to a stay from the stay's dialog comes back by itself at
 * check-out; a resource with none left shows under "Out of stock" and cannot be lent; a LAN client's
 * seed-002 booking shows up live.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/contract/rooms';
import type { Stay } from '../../shared/contract/stays';
import type { StockResource } from '../../shared/contract/stock';
import { aStay, aUser, signIn } from './support/api-client';
import { openBoard, stayBar, waitForLive } from './support/board-page';
import { hotelDay, type Desk } from './support/desk-fixture';
import { hotelDeskPerFile } from './support/hotel-desk';

let desk: Desk;
let page: Page;
let room: Room;
let bed: StockResource;
const rooms = hotelDeskPerFile({ rooms: [204] }, (opened) => ({ desk, page } = opened));

beforeAll(async () => {
  room = rooms.get(204)!;
  bed = await desk.api.call<StockResource>('POST', '/api/v1/stock/resources', { name: 'Extra bed', description: 'Folding bed', totalQuantity: 2 });
});

const available = async (id: number) =>
  (await desk.api.call<StockResource[]>('GET', '/api/v1/stock/resources')).find((r) => r.id === id)!.availableQuantity;

describe('stock at the desk', () => {
  it("lends an extra bed to a stay from its dialog; the bed comes back when the guest checks out", async () => {
    // Due yesterday, arriving today: her early check-out keeps the night she used, and so her bar.
    const stay = await aStay(desk.api, { room, checkin: hotelDay(-1), checkout: hotelDay(2), guestName: 'Mette Hansen' });
    await desk.api.call<Stay>('POST', `/api/v1/stays/${stay.id}/check-in`);
    await openBoard(page, 204);

    await stayBar(page, stay.id).click();
    const dialog = page.getByTestId('stay-dialog');
    await dialog.getByTestId('stay-extras-empty').waitFor();
    await dialog.getByTestId('stay-extra-resource').selectOption(String(bed.id));
    await dialog.getByTestId('stay-extra-quantity').fill('1');
    await dialog.getByTestId('stay-extra-add').click();
    const extra = dialog.locator('[data-testid^="stay-extra-"][data-status="out"]');
    await extra.waitFor();
    expect(await extra.textContent()).toContain('1 × Extra bed');
    expect(await available(bed.id)).toBe(1);

    await page.getByTestId('stay-action-check-out').click();
    // The check-out is confirmed first (the desk's rules: it says what the departure frees and costs).
    await page.getByTestId('stay-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => available(bed.id), { timeout: 15_000 }).toBe(2);

    // Opened again, the stay's dialog shows the bed as returned.
    await stayBar(page, stay.id).click();
    await page.locator('[data-testid^="stay-extra-"][data-status="returned"]').waitFor();
    await page.keyboard.press('Escape');
  });

  it('shows a resource with none left under "Out of stock", with no way to lend it; a LAN booking shows up live', async () => {
    await desk.api.call('POST', '/resources/', { name: 'Tandem bike', description: 'For two', total_quantity: 1, available_quantity: 1 });
    await page.goto('/#/stock');
    await waitForLive(page);
    const inStock = page.getByTestId('stock-in-stock');
    await inStock.getByText('Tandem bike').waitFor();

    // A kiosk on the LAN books the last tandem through seed 002's route: the desk's screen follows.
    await aUser(desk.api, 'kiosk', 'client', 'Kiosk-pass-2026-x');
    const kiosk = await signIn(desk.api.baseUrl, 'kiosk', 'Kiosk-pass-2026-x');
    expect((await kiosk.api.request('POST', '/bookings/', { resource: 'Tandem bike', purchase_quantity: 1 })).status).toBe(201);
    const outOfStock = page.getByTestId('stock-out-of-stock');
    await outOfStock.getByText('Tandem bike').waitFor();
    const row = outOfStock.locator('tr', { hasText: 'Tandem bike' });
    expect(await row.locator('[data-testid^="stock-book-"]').isDisabled()).toBe(true);
    expect(await row.locator('[data-testid^="stock-available-"]').textContent()).toBe('0');

    // One more over the API is refused with how many are left.
    const refused = await kiosk.api.request('POST', '/bookings/', { resource: 'Tandem bike', purchase_quantity: 1 });
    expect(refused).toEqual({ status: 409, body: { error: 'Not enough "Tandem bike" in stock: only 0 left, 1 requested' } });

    // The desk takes it back from the loans list: in stock again.
    await page.getByTestId('stock-loans').locator('tr', { hasText: 'Tandem bike' }).locator('[data-testid^="stock-return-"]').click();
    await inStock.getByText('Tandem bike').waitFor();
  });

  it('lends a bike with too many asked: the refusal says how many are left, in the dialog', async () => {
    await page.goto('/#/stock');
    await page.getByTestId(`stock-book-${bed.id}`).click();
    const dialog = page.getByTestId('stock-book-dialog');
    await dialog.getByTestId('stock-book-quantity').fill('5');
    await dialog.getByTestId('stock-book-guest').fill('Jens Olsen');
    await dialog.getByTestId('stock-book-submit').click();
    expect(await dialog.getByTestId('stock-book-error').textContent()).toMatch(/only 2 left, 5/);
    await dialog.getByTestId('stock-book-quantity').fill('2');
    await dialog.getByTestId('stock-book-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('stock-out-of-stock').getByText('Extra bed').waitFor();
  });
});
